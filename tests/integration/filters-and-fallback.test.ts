import { beforeAll, describe, expect, test } from "vitest";
import { lastSearchError, reportSearchSuccess } from "#search/availability";
import { findFreePort } from "#search/local-server";
import { searchOrganizationIndex, type OrganizationSearchInput } from "#search/organization-search";
import { searchDirectory, searchDirectoryInDatabase } from "~/models/search-gateway.server";
import { createOrganization, updateOrganization } from "~/models/organization.server";
import { createPrismaClient, prisma } from "~/db/client.server";
import { makeOrganization } from "../factories";
import { drainOutbox, seedAndIndex } from "./helpers";

const base: OrganizationSearchInput = {
  q: "",
  kinds: [],
  areas: [],
  fields: [],
  districts: [],
  verifiedOnly: false,
  sort: "relevance",
  lang: "vi",
  page: 1,
  perPage: 20,
};

beforeAll(async () => {
  await seedAndIndex();
});

describe("filter escaping against the real engine", () => {
  test.each([
    'x" OR kind = "university',
    "x') OR 1=1 --",
    'lab" OR "1"="1',
    "\\",
    'a\\" OR kind EXISTS',
    "kind = lab",
    "]",
    "NOT",
    "😀 Đống Đa",
  ])("value %j is matched as one literal value", async (value) => {
    for (const key of ["kinds", "fields", "areas", "districts"] as const) {
      const result = await searchOrganizationIndex({ ...base, [key]: [value] });
      expect(result.total, `${key}=${value}`).toBe(0);
    }
  });

  test("a literal value containing quotes and backslashes can still be matched", async () => {
    // District values are slugs in practice; this proves the quoting round-trips.
    const weird = 'quote"back\\slash';
    const organization = await makeOrganization({ nameEn: "Escaping Lab", district: weird });
    await drainOutbox();
    const result = await searchOrganizationIndex({ ...base, districts: [weird] });
    expect(result.hits.map((hit) => hit.id)).toEqual([organization.id]);
    await updateOrganization(organization.id, { district: null }, { origin: "portal" });
    await drainOutbox();
  });
});

describe("when Meilisearch is unreachable", () => {
  test("the directory answers from the database, says so, and the engine is retried later", async () => {
    const host = process.env.MEILI_HOST;
    process.env.MEILI_HOST = `http://127.0.0.1:${await findFreePort()}`;
    try {
      const started = Date.now();
      const result = await searchDirectory({ ...base, q: "dai hoc bach khoa" });
      expect(result.mode).toBe("database");
      expect(result.results.map(({ organization }) => organization.slug)).toContain("hust");
      expect(lastSearchError()).toBeTruthy();
      // While the engine is known to be down, pages do not wait for it.
      const again = Date.now();
      expect((await searchDirectory({ ...base, q: "vien" })).mode).toBe("database");
      expect(Date.now() - again).toBeLessThan(Date.now() - started + 50);
    } finally {
      process.env.MEILI_HOST = host;
      reportSearchSuccess();
    }
    expect((await searchDirectory({ ...base, q: "vien" })).mode).toBe("engine");
  });

  test("a listing another process adds shows in the next search, though the last answer was kept", async () => {
    const host = process.env.MEILI_HOST;
    process.env.MEILI_HOST = `http://127.0.0.1:${await findFreePort()}`;
    const other = createPrismaClient(process.env.DATABASE_URL);
    try {
      const query = { ...base, q: "quokka" };
      expect((await searchDirectory(query)).total).toBe(0);
      // As a second process (an import, a script) writes: its own connection, its own wake-up signal.
      await createOrganization(
        { slug: "quokka-lab", kind: "lab", nameEn: "Quokka Lab", status: "published" },
        { origin: "portal" },
        other,
      );
      const after = await searchDirectory(query);
      expect(after.mode).toBe("database");
      expect(after.results.map(({ organization }) => organization.slug)).toEqual(["quokka-lab"]);
    } finally {
      await other.$disconnect();
      process.env.MEILI_HOST = host;
      reportSearchSuccess();
    }
    await drainOutbox();
  });

  test("database and engine agree on totals, results and the counts the fallback computes", async () => {
    for (const input of [
      base,
      { ...base, kinds: ["lab", "institute"] },
      { ...base, areas: ["materials-nanotechnology"], verifiedOnly: true },
      { ...base, districts: ["cau-giay"], fields: ["artificial-intelligence"] },
    ]) {
      const engine = await searchDirectory(input);
      const database = await searchDirectoryInDatabase(input);
      expect(engine.mode).toBe("engine");
      expect(database.total).toBe(engine.total);
      expect(database.facets.kind).toEqual(engine.facets.kind);
      expect(database.facets.district).toEqual(engine.facets.district);
      expect(database.facets.verified).toEqual(engine.facets.verified);
      // Field and area counts are left to the engine; the page shows those facets without counts.
      expect(database.facetsWithoutCounts).toEqual(["area", "field"]);
      expect(new Set(database.results.map((row) => row.organization.id))).toEqual(
        new Set(engine.results.map((row) => row.organization.id)),
      );
    }
  });

  test("the database search matches words without marks, in any order, on all listed text", async () => {
    const byName = await searchDirectoryInDatabase({ ...base, q: "Hoa hoc vien", perPage: 200 });
    expect(byName.results.map(({ organization }) => organization.slug)).toContain("vast-institute-of-chemistry");
    const byField = await searchDirectoryInDatabase({ ...base, q: "trí tuệ nhân tạo", kinds: ["lab"] });
    expect(byField.results.map(({ organization }) => organization.slug)).toContain("hust-bkai");
    const nothing = await searchDirectoryInDatabase({ ...base, q: "%_%" });
    expect(nothing.total).toBe(await prisma.organization.count({ where: { status: "published" } }));
  });
});
