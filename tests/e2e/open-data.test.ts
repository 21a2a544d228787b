import { describe, expect, test } from "vitest";
import { parseCsv } from "~/utils/csv";
import { makeOffer, makeOrganization, makeUser, word } from "../factories";
import { signInAs } from "./fixtures";
import { httpClient } from "./http-client";

/** What a reuser of the open data learns from the files themselves: the licence (CC BY 4.0). */
const CC_BY = "https://creativecommons.org/licenses/by/4.0/";

describe("open data names its licence", () => {
  test("the organizations export, as JSON and CSV", async () => {
    const json = await httpClient().get("/export/organizations.json");
    expect(json.status).toBe(200);
    expect(((await json.json()) as { license: unknown }).license).toEqual({ name: "CC BY 4.0", url: CC_BY });
    expect(json.headers.get("link")).toBe(`<${CC_BY}>; rel="license"`);

    const csv = await httpClient().get("/export/organizations.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("link")).toBe(`<${CC_BY}>; rel="license"`);
    // The CSV keeps the import's columns: no licence line inside it.
    expect((await csv.text()).split("\n")[0]).toMatch(/^slug,kind,/);
  });

  test("public chart downloads do, officials' charts (not published) do not", async () => {
    const chart = await httpClient().get("/ecosystem/data/kinds?format=json");
    expect(((await chart.json()) as { license?: unknown }).license).toEqual({ name: "CC BY 4.0", url: CC_BY });
    expect((await httpClient().get("/ecosystem/data/kinds?format=csv")).headers.get("link")).toBe(
      `<${CC_BY}>; rel="license"`,
    );

    const official = await makeUser({ role: "curator" });
    const internal = await httpClient({ cookie: await signInAs(official.id) }).get(
      "/ecosystem/data/curators?format=json",
    );
    expect(internal.status).toBe(200);
    expect(((await internal.json()) as { license?: unknown }).license).toBeUndefined();
    expect(internal.headers.get("link")).toBeNull();
  });
});

describe("the offers export", () => {
  test("public offers only, public columns only, safe to open in a spreadsheet", async () => {
    const token = word();
    const owner = await makeOrganization({ kind: "lab" });
    const formula = await makeOffer({
      organizationId: owner.id,
      nameVi: `=HYPERLINK("http://127.0.0.1/x","${token}")`,
      descriptionVi: "+1+2",
      priceMode: "range",
      priceMinVnd: 100_000,
      reviewNote: "note-for-curators-only",
    });
    const seeded = await makeOffer({
      organizationId: owner.id,
      type: "equipment",
      nameVi: `Kính hiển vi ${token}`,
      fromPublicSource: true,
      priceMode: "range",
      priceMinVnd: 7,
    });
    const draft = await makeOffer({ organizationId: owner.id, nameVi: `Nháp ${token}`, status: "draft" });
    const hidden = await makeOffer({ organizationId: owner.id, nameVi: `Ẩn ${token}`, hiddenAt: new Date() });

    const json = await httpClient().get("/export/offers.json");
    expect(json.status).toBe(200);
    expect(json.headers.get("link")).toBe(`<${CC_BY}>; rel="license"`);
    const body = (await json.json()) as { license: unknown; data: Record<string, unknown>[] };
    expect(body.license).toEqual({ name: "CC BY 4.0", url: CC_BY });
    const mine = body.data.filter((row) => String(row.nameVi).includes(token));
    expect(mine.map((row) => row.id).sort()).toEqual([formula.id, seeded.id].sort());
    expect(mine.find((row) => row.id === seeded.id)).toMatchObject({ fromPublicSource: true, priceMinVnd: null });
    expect(mine.find((row) => row.id === formula.id)).toMatchObject({ organization: owner.slug, priceMinVnd: 100_000 });
    const text = JSON.stringify(body);
    for (const leak of ["note-for-curators-only", "reviewNote", "createdById", "searchText", "seedHash"]) {
      expect(text).not.toContain(leak);
    }
    expect(text).not.toContain(draft.id);
    expect(text).not.toContain(hidden.id);

    const csv = await httpClient().get("/export/offers.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const rows = parseCsv(await csv.text());
    expect(rows[0]!.slice(0, 3)).toEqual(["id", "type", "nameVi"]);
    const row = rows.find((cells) => cells[0] === formula.id)!;
    // Cells a spreadsheet would run as a formula start with an apostrophe.
    expect(row[2]).toBe(`'=HYPERLINK("http://127.0.0.1/x","${token}")`);
    expect(row[4]).toBe("'+1+2");
    expect(rows.some((cells) => cells[0] === draft.id || cells[0] === hidden.id)).toBe(false);
  });
});
