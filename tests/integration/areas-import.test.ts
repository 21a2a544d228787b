import { describe, expect, test } from "vitest";
import { exportPublishedOrganizations, organizationsCsv } from "~/models/export.server";
import { applyImport } from "~/models/import/apply.server";
import { parseImportFile } from "~/models/import/parse";
import { planImport } from "~/models/import/plan.server";
import { createUser } from "~/models/user.server";
import { prisma } from "~/db/client.server";

/**
 * Import and export keep the ward (since July 2025) and the area (former
 * district) in two columns, never one read from the other, with the
 * listing's phone and e-mail; files made before still import their
 * `district` column as the area.
 */
const HEADER = "slug,kind,nameVi,area,ward,address,phone,email";
const GOOD = [
  "khu-vuc-a,lab,Phòng Khu vực A,cau-giay,nghia-do,18 Hoàng Quốc Việt,024 3756 4321 - 024 3756 1234,LienHe@a.vn",
  "khu-vuc-b,lab,Phòng Khu vực B,cau-giay,,,,",
];

async function plan(name: string, text: string) {
  const parsed = await parseImportFile(name, text);
  if (!parsed.ok) throw new Error(`file refused: ${parsed.problem.key}`);
  return planImport(parsed.rows);
}

describe("import and export of places and contacts", () => {
  test("area and ward are separate columns, checked against their own lists", async () => {
    const rows = await plan(
      "places.csv",
      [
        HEADER,
        ...GOOD,
        // A ward in the area column, a district in the ward column, bad contacts.
        "khu-vuc-c,lab,Phòng Khu vực C,phu-dien,bac-tu-liem,,gọi điện,a@",
      ].join("\n"),
    );
    expect(rows.rows.map((row) => row.outcome)).toEqual(["create", "create", "reject"]);
    const third = rows.rows[2]!;
    expect(third.outcome === "reject" && third.problems.map((problem) => problem.key)).toEqual([
      "import.problem.district",
      "import.problem.ward",
      "import.problem.phone",
      "import.problem.email",
    ]);

    const official = await createUser({
      email: `areas-import-${Math.random().toString(36).slice(2, 7)}@example.vn`,
      name: "Cán bộ",
      password: "a long enough password",
      accountType: "business",
      locale: "vi",
    });
    const good = await plan("places.csv", [HEADER, ...GOOD].join("\n"));
    await applyImport(good, { actorId: official.id, fileName: "places.csv" });
    const a = await prisma.organization.findUniqueOrThrow({ where: { slug: "khu-vuc-a" } });
    expect(a).toMatchObject({
      district: "cau-giay",
      ward: "nghia-do",
      address: "18 Hoàng Quốc Việt",
      phone: "024 3756 4321; 024 3756 1234",
      email: "lienhe@a.vn",
    });
    // Cầu Giấy is also a ward's name: an area never becomes a ward.
    expect(await prisma.organization.findUniqueOrThrow({ where: { slug: "khu-vuc-b" } })).toMatchObject({
      district: "cau-giay",
      ward: null,
    });
    expect(a.searchText).toContain("nghia do");

    const exported = await exportPublishedOrganizations();
    expect(exported.find((row) => row.slug === "khu-vuc-a")).toMatchObject({
      area: "cau-giay",
      ward: "nghia-do",
      phone: "024 3756 4321; 024 3756 1234",
    });
    expect(organizationsCsv(exported).split("\r\n")[0]).toContain(",parent,area,ward,address,phone,email,website,");
  });

  test("an older file's district column is read as the area", async () => {
    const rows = await plan("old.csv", "kind,nameVi,district\nlab,Phòng Cũ,dong-da");
    expect(rows.rows[0]).toMatchObject({ outcome: "create", values: { district: "dong-da" } });
  });
});
