import fs from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { searchClient, indexUid } from "#search/client";
import { requireSearchConfig } from "#search/config";
import { OFFERS_INDEX } from "#search/indexes";
import { prepareSearch } from "#search/prepare";
import { prisma } from "~/db/client.server";
import { MAX_IMPORT_ROWS } from "~/models/import/columns";
import type { ImportResult } from "~/models/import/report";
import { seedDirectory } from "~/models/seed.server";
import { action } from "~/routes/admin.import_.offers";
import { makeOffer, makeOrganization, makeUser } from "../factories";
import { drainOutbox } from "./helpers";

/** Officials import offers in bulk (issue 17): through the route's action, on real SQLite and Meilisearch. */
type User = Awaited<ReturnType<typeof makeUser>>;

async function post(user: User, fields: Record<string, string>, file?: { name: string; text: string }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append("file", new File([file.text], file.name, { type: "text/csv" }));
  const request = new Request("http://localhost/admin/import/offers", { method: "POST", body: form });
  const context = { auth: { user: { ...user, accountType: user.accountType } } };
  try {
    const answer = (await action({ request, params: {}, context } as never)) as unknown as {
      data: ImportResult;
      init: { status?: number } | null;
    };
    return { status: answer.init?.status ?? 200, result: answer.data };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, result: null };
    throw error;
  }
}

const HEADER =
  "type,organization,nameVi,nameEn,descriptionVi,fields,priceMode,priceMinVnd,priceMaxVnd,audience,category,accessMode,make,model,trl,ipStatus,offeredAs";

function csv(rows: string[]) {
  return { name: "offers.csv", text: [HEADER, ...rows].join("\n") + "\n" };
}

async function offersOf(organizationId: string) {
  return prisma.offer.findMany({
    where: { organizationId },
    include: { fields: { select: { field: { select: { slug: true } } } } },
    orderBy: { nameVi: "asc" },
  });
}

async function searchIds(q: string, organizationId: string) {
  const index = searchClient().index(indexUid(OFFERS_INDEX.base, requireSearchConfig()));
  const result = await index.search(q, {
    filter: `organizationId = "${organizationId}"`,
    attributesToRetrieve: ["id"],
  });
  return result.hits.map((hit) => String(hit.id));
}

beforeAll(async () => {
  // The taxonomy the rows' fields name.
  await seedDirectory();
}, 120_000);

describe("offer import", () => {
  test("a dry run writes nothing; the import publishes, audits and indexes through the outbox; a re-import updates", async () => {
    await prepareSearch(prisma);
    const curator = await makeUser({ role: "curator" });
    const lab = await makeOrganization({ nameVi: "Phòng thí nghiệm Nhập", district: "cau-giay" });
    const file = csv([
      `equipment,${lab.slug},Kính hiển vi điện tử quét nhập,,Chụp ảnh bề mặt ở độ phân giải nano,electron-microscopy;materials-characterization,,,,,microscopy,staff_run,Hitachi,S-4800,,,`,
      `service,${lab.slug},Đo nhiễu xạ tia X nhập,,Xác định pha tinh thể,materials-characterization,range,"500.000",1500000,companies;startups,,,,,,,`,
      `technology,${lab.slug},Quy trình chiết dầu gấc nhập,,Chiết dầu gấc tươi,food-technology,,,,,,,,,6,pending,licence`,
    ]);
    const outbox = () => prisma.searchOutbox.count({ where: { entity: "offer", processedAt: null } });
    const audits = () => prisma.auditEntry.count({ where: { action: "offer.import" } });
    const before = { outbox: await outbox(), audits: await audits() };

    const dry = await post(curator, { intent: "dry-run" }, file);
    expect(dry.status).toBe(200);
    expect(dry.result).toMatchObject({ kind: "plan", counts: { create: 3, update: 0, reject: 0 } });
    expect(await offersOf(lab.id)).toEqual([]);
    expect(await outbox()).toBe(before.outbox);

    // "Import" after the dry run: the kept file, by its token.
    const token = dry.result?.kind === "plan" ? dry.result.token : null;
    expect(token).toBeTruthy();
    const applied = await post(curator, { intent: "apply", token: token! });
    expect(applied).toMatchObject({ status: 200, result: { kind: "applied", created: 3, updated: 0 } });
    const offers = await offersOf(lab.id);
    expect(offers.map((offer) => [offer.type, offer.status, offer.reviewedById]).sort()).toEqual([
      ["equipment", "published", curator.id],
      ["service", "published", curator.id],
      ["technology", "published", curator.id],
    ]);
    const service = offers.find((offer) => offer.type === "service")!;
    expect(service).toMatchObject({ priceMode: "range", priceMinVnd: 500_000, audience: "companies\nstartups" });
    expect(
      offers
        .find((offer) => offer.type === "equipment")!
        .fields.map((link) => link.field.slug)
        .sort(),
    ).toEqual(["electron-microscopy", "materials-characterization"]);
    expect(await audits()).toBe(before.audits + 1);
    expect(await outbox()).toBeGreaterThan(before.outbox);
    await drainOutbox();
    const instrument = offers.find((offer) => offer.type === "equipment")!;
    expect(await searchIds("kinh hien vi dien tu quet nhap", lab.id)).toContain(instrument.id);

    // The same file again: nothing to do. A changed row updates its offer, never a second one.
    expect((await post(curator, { intent: "dry-run" }, file)).result).toMatchObject({
      counts: { create: 0, update: 0, unchanged: 3, reject: 0 },
    });
    const changed = csv([
      `equipment,${lab.slug},Kính hiển vi điện tử quét nhập,,Ảnh bề mặt đến 1 nm,electron-microscopy,,,,,microscopy,self_use,Hitachi,S-4800,,,`,
    ]);
    const dryChange = await post(curator, { intent: "dry-run" }, changed);
    expect(dryChange.result).toMatchObject({ counts: { create: 0, update: 1, reject: 0 } });
    expect(dryChange.result?.kind === "plan" && dryChange.result.rows[0]?.changed).toEqual(
      expect.arrayContaining(["descriptionVi", "accessMode", "fields"]),
    );
    expect((await post(curator, { intent: "apply" }, changed)).result).toMatchObject({ created: 0, updated: 1 });
    const after = await offersOf(lab.id);
    expect(after).toHaveLength(3);
    expect(after.find((offer) => offer.id === instrument.id)).toMatchObject({ accessMode: "self_use" });
  });

  test("an offer the owner made in the form is the one a row with its owner, type and name updates", async () => {
    const curator = await makeUser({ role: "curator" });
    const lab = await makeOrganization();
    // Named in both languages; the row names it in Vietnamese only.
    const made = await makeOffer({
      organizationId: lab.id,
      type: "service",
      nameVi: "Phân tích mẫu nước",
      nameEn: "Water sample analysis",
    });
    const file = csv([`service,${lab.slug},Phân tích mẫu nước,,Đo kim loại nặng,analytical-chemistry,quote,,,,,,,,,,`]);
    expect((await post(curator, { intent: "apply" }, file)).result).toMatchObject({ created: 0, updated: 1 });
    expect((await offersOf(lab.id)).map((offer) => offer.id)).toEqual([made.id]);
  });

  test("one bad row writes nothing, and the report names every bad row with its line and column", async () => {
    const curator = await makeUser({ role: "curator" });
    const lab = await makeOrganization();
    const file = csv([
      `service,${lab.slug},Dịch vụ tốt,,,materials-characterization,quote,,,,,,,,,,`,
      `equipment,${lab.slug},Thiết bị thiếu loại,,,materials-characterization,,,,,,staff_run,,,,,`,
      `service,no-such-lab,Dịch vụ lạc,,,no-such-field,range,9,3,,,,,,,,`,
      `service,${lab.slug},Dịch vụ tốt,,,materials-characterization,quote,,,,,,,,,,`,
    ]);
    const audits = await prisma.auditEntry.count();
    for (const intent of ["dry-run", "apply"]) {
      const answer = await post(curator, { intent }, file);
      expect(answer.status).toBe(400);
      expect(answer.result).toMatchObject({ kind: "plan", counts: { create: 1, reject: 3 }, token: null });
      const rows = answer.result?.kind === "plan" ? answer.result.rows : [];
      const problems = Object.fromEntries(
        rows.map((row) => [row.row, row.problems.map((problem) => `${problem.column ?? ""}:${problem.key}`)]),
      );
      expect(problems[2]).toEqual(["category:form.required"]);
      expect(problems[3]).toEqual(
        expect.arrayContaining([
          ":import.problem.organization",
          "priceMaxVnd:offer.priceOrder",
          ":import.problem.field",
        ]),
      );
      expect(problems[4]).toEqual([":import.problem.duplicateRow"]);
    }
    expect(await offersOf(lab.id)).toEqual([]);
    expect(await prisma.auditEntry.count()).toBe(audits);
  });

  test("the sample file in docs/ imports as it is", async () => {
    const curator = await makeUser({ role: "curator" });
    const text = fs.readFileSync("docs/offers-import-sample.csv", "utf8");
    const dry = await post(curator, { intent: "dry-run" }, { name: "offers-import-sample.csv", text });
    expect(dry.result).toMatchObject({ kind: "plan", counts: { create: 3, reject: 0 } });
  });

  test("only officials import; a file that is not an offer file, or too long, is refused with 400", async () => {
    const member = await makeUser();
    const lab = await makeOrganization();
    const row = `service,${lab.slug},Dịch vụ,,,materials-characterization,quote,,,,,,,,,,`;
    expect((await post(member, { intent: "apply" }, csv([row]))).status).toBe(403);
    const curator = await makeUser({ role: "curator" });
    const listings = await post(curator, { intent: "dry-run" }, { name: "x.csv", text: "kind,nameVi\nlab,Phòng\n" });
    expect(listings).toMatchObject({ status: 400, result: { problem: { key: "import.file.unknownColumns" } } });
    const long = csv(Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => row));
    const refused = await post(curator, { intent: "apply" }, long);
    expect(refused).toMatchObject({ status: 400, result: { problem: { key: "import.file.tooManyRows" } } });
    expect(await offersOf(lab.id)).toEqual([]);
    // A token of the listings' import is not this import's.
    expect((await post(curator, { intent: "apply", token: "not-a-token" })).result).toMatchObject({
      problem: { key: "import.file.expired" },
    });
  });
});
