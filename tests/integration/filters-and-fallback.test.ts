import { beforeAll, describe, expect, test } from "vitest";
import { lastSearchError, reportSearchSuccess } from "#search/availability";
import { findFreePort } from "#search/local-server";
import { searchOrganizationIndex } from "#search/organization-search";
import {
  fallbackStatements,
  fullTextQuery,
  searchDirectory,
  searchDirectoryInDatabase,
} from "~/models/search-gateway.server";
import {
  createOrganization,
  deleteOrganization,
  updateOrganization,
  updateOrganizationInTransaction,
} from "~/models/organization.server";
import { write } from "~/models/write.server";
import { createPrismaClient, prisma } from "~/db/client.server";
import { makeOrganization } from "../factories";
import { DIRECTORY_SEARCH, drainOutbox, seedAndIndex } from "./helpers";

const base = DIRECTORY_SEARCH;

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

describe("facet counts on request", () => {
  test("facets: false finds the same page and total without counts", async () => {
    const input = { ...base, q: "vien", kinds: ["institute", "lab"] };
    const full = await searchDirectory(input);
    expect(Object.keys(full.facets.kind).length).toBeGreaterThan(0);
    const lean = await searchDirectory({ ...input, facets: false });
    expect(lean.mode).toBe("engine");
    expect(lean.total).toBe(full.total);
    expect(lean.results.map((row) => row.organization.id)).toEqual(full.results.map((row) => row.organization.id));
    expect(lean.facets).toEqual({ kind: {}, area: {}, field: {}, district: {}, verified: {} });
    expect(lean.facetsWithoutCounts).toEqual(["kind", "area", "field", "district", "verified"]);
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
      // The query's words are marked in the names, as the engine marks them.
      const hust = result.results.find(({ organization }) => organization.slug === "hust")!;
      expect(hust.highlights.nameVi).toMatch(/\uE000Đại\uE001 \uE000học\uE001 \uE000Bách\uE001 \uE000khoa\uE001/);
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

  test("area and field filters, with words and without, list what the words alone list in those fields", async () => {
    for (const input of [
      { ...base, q: "tri tue", fields: ["artificial-intelligence"] },
      { ...base, q: "vien", areas: ["materials-nanotechnology"], sort: "name" as const },
      { ...base, areas: ["materials-nanotechnology"], fields: ["nanomaterials"], sort: "newest" as const },
    ]) {
      const filtered = await searchDirectoryInDatabase({ ...input, perPage: 500 });
      const unfiltered = await searchDirectoryInDatabase({ ...input, areas: [], fields: [], perPage: 500 });
      expect(unfiltered.total, input.q).toBeLessThan(500);
      // Read apart from the search: which of the unfiltered listings have a field in every filter.
      const inside = new Set(
        (
          await prisma.organization.findMany({
            where: {
              id: { in: unfiltered.results.map((row) => row.organization.id) },
              AND: [
                ...(input.fields.length ? [{ fields: { some: { field: { slug: { in: input.fields } } } } }] : []),
                ...(input.areas.length
                  ? [{ fields: { some: { field: { parent: { slug: { in: input.areas } } } } } }]
                  : []),
              ],
            },
            select: { id: true },
          })
        ).map((row) => row.id),
      );
      const expected = unfiltered.results.map((row) => row.organization.id).filter((id) => inside.has(id));
      expect(expected.length, input.q).toBeGreaterThan(0);
      expect(filtered.total, input.q).toBe(expected.length);
      const ids = filtered.results.map((row) => row.organization.id);
      // In the same order, but for bm25, whose scores do not depend on the filters.
      if (input.sort === "relevance") expect(new Set(ids)).toEqual(new Set(expected));
      else expect(ids).toEqual(expected);
    }
  });

  const plan = async (statement: { sql: string; values: unknown[] }) => {
    const rows = await prisma.$queryRawUnsafe<{ detail: string }[]>(
      `EXPLAIN QUERY PLAN ${statement.sql}`,
      ...statement.values,
    );
    return rows.map((row) => row.detail);
  };

  test("area and field filters are one set per statement, not a subquery run for every row", async () => {
    for (const q of ["", "vien"]) {
      const input = { ...base, q, areas: ["materials-nanotechnology"], fields: ["artificial-intelligence"] };
      const statements = fallbackStatements(input);
      const all = q
        ? [statements.matches, statements.filteredMatches, statements.ranked]
        : [statements.groups, statements.page];
      for (const statement of all) {
        const details = await plan(statement);
        expect(
          details.some((detail) => detail.includes("SUBQUERY")),
          q,
        ).toBe(true);
        expect(
          details.filter((detail) => detail.includes("CORRELATED")),
          q,
        ).toEqual([]);
      }
    }
  });

  test("a kind in name order, and an area's listings, are read off indexes (decision 078)", async () => {
    // At 100,000 listings "universities by name" walked every name (46 ms), and an area's links
    // were looked up row by row.
    const byName = (await plan(fallbackStatements({ ...base, kinds: ["university"], sort: "name" }).page)).join(" | ");
    expect(byName).toMatch(/USING (COVERING )?INDEX Organization_status_kind_sortNameVi_id_idx/);
    expect(byName).not.toContain("TEMP B-TREE");
    const inEnglish = fallbackStatements({ ...base, lang: "en", kinds: ["university"], sort: "name" }).page;
    expect((await plan(inEnglish)).join(" | ")).toContain("Organization_status_kind_sortNameEn_id_idx");
    // An area's or a field's counted listings: one range of the links kept under rowids, each
    // listing then looked up by rowid in its narrow row (decision 082), never by its id.
    for (const filter of [{ areas: ["materials-nanotechnology"] }, { fields: ["artificial-intelligence"] }]) {
      const statements = fallbackStatements({ ...base, ...filter, kinds: ["lab"] });
      for (const statement of [statements.groups, statements.filteredCount]) {
        const details = (await plan(statement)).join(" | ");
        expect(details).toMatch(/SEARCH l USING COVERING INDEX OrganizationFieldRow_fieldId_organizationRowid_key/);
        expect(details).toContain("SEARCH o USING INTEGER PRIMARY KEY (rowid=?)");
        expect(details).not.toContain("sqlite_autoindex_Organization_1");
        expect(statement.sql).toContain("FROM OrganizationSearchRow o");
      }
    }
  });

  test("full-text matches are joined to their narrow search rows, never to the wide organization rows (decision 079)", async () => {
    // At 100,000 listings each match read a page of the Organization table: about 4 MB per search.
    for (const input of [
      { ...base, q: "vien" },
      { ...base, q: "nano", kinds: ["lab"], verifiedOnly: true, areas: ["materials-nanotechnology"] },
    ]) {
      const statements = fallbackStatements(input);
      for (const statement of [statements.matches, statements.filteredMatches, statements.ranked]) {
        const details = (await plan(statement)).join(" | ");
        expect(details).toContain("SEARCH o USING INTEGER PRIMARY KEY (rowid=?)");
        expect(statement.sql).toContain("JOIN OrganizationSearchRow o ON o.rowid = s.rowid");
        expect(statement.sql).not.toMatch(/JOIN Organization o/);
      }
    }
  });

  test("an organization's narrow search row follows its every write, in the writing transaction", async () => {
    const columns = ["id", "status", "kind", "district", "ward", "verified", "sortNameVi", "sortNameEn", "createdAt"];
    const mirror = async (id: string) =>
      (
        await prisma.$queryRawUnsafe<Record<string, unknown>[]>(
          `SELECT ${columns.map((column) => `r."${column}" = o."${column}" OR (r."${column}" IS NULL AND o."${column}" IS NULL) AS "${column}"`).join(", ")},
          r.rowid = o.rowid AS "rowid"
         FROM Organization o JOIN OrganizationSearchRow r ON r.rowid = o.rowid WHERE o.id = ?`,
          id,
        )
      ).map((row) => Object.fromEntries(Object.entries(row).map(([column, equal]) => [column, Number(equal)])));
    const same = Object.fromEntries([...columns, "rowid"].map((column) => [column, 1]));
    const organization = await makeOrganization({ nameVi: "Phòng thí nghiệm Bạch Tuộc", district: "ba-dinh" });
    expect(await mirror(organization.id)).toEqual([same]);

    await updateOrganization(
      organization.id,
      { kind: "institute", district: "cau-giay", nameVi: "Viện Ốc Sên", nameEn: "Snail Institute", verified: true },
      { origin: "portal" },
    );
    expect(await mirror(organization.id)).toEqual([same]);
    const row = await prisma.$queryRawUnsafe<{ kind: string; district: string; verified: number }[]>(
      `SELECT kind, district, CAST(verified AS REAL) AS verified FROM OrganizationSearchRow WHERE id = ?`,
      organization.id,
    );
    expect(row).toEqual([{ kind: "institute", district: "cau-giay", verified: 1 }]);

    // Unpublished: the fallback no longer finds it by its words.
    await updateOrganization(organization.id, { status: "archived" }, { origin: "portal" });
    expect(await mirror(organization.id)).toEqual([same]);
    expect((await searchDirectoryInDatabase({ ...base, q: "oc sen" })).results).toEqual([]);

    await deleteOrganization(organization.id);
    expect(await prisma.$queryRawUnsafe(`SELECT id FROM OrganizationSearchRow WHERE id = ?`, organization.id)).toEqual(
      [],
    );
    await drainOutbox();
  });

  test("an organization's field links are kept under its rowid through every write (decision 082)", async () => {
    const links = `SELECT l.fieldId, o.rowid FROM OrganizationField l JOIN Organization o ON o.id = l.organizationId`;
    const kept = `SELECT fieldId, organizationRowid FROM OrganizationFieldRow`;
    const inStep = async () => {
      const [row] = await prisma.$queryRawUnsafe<{ missing: number | bigint; extra: number | bigint }[]>(
        `SELECT (SELECT COUNT(*) FROM (${links} EXCEPT ${kept})) AS missing,
                (SELECT COUNT(*) FROM (${kept} EXCEPT ${links})) AS extra`,
      );
      expect([Number(row!.missing), Number(row!.extra)]).toEqual([0, 0]);
    };
    // The seeded directory's links, filled by the migration and its triggers.
    await inStep();
    expect(await prisma.$queryRawUnsafe(`SELECT COUNT(*) > 100 AS many FROM OrganizationFieldRow`)).toEqual([
      { many: 1n },
    ]);

    const [first, second, third] = await prisma.field.findMany({
      where: { parentId: { not: null } },
      orderBy: { slug: "asc" },
      take: 3,
      select: { id: true, slug: true },
    });
    const organization = await makeOrganization({ nameVi: "Phòng thí nghiệm Sứa Biển" });
    const found = async (field: string) =>
      (await searchDirectoryInDatabase({ ...base, q: "sua bien", fields: [field] })).results.map(
        (row) => row.organization.id,
      );
    await updateOrganization(organization.id, { fieldIds: [first!.id, second!.id] }, { origin: "portal" });
    await inStep();
    expect(await found(first!.slug)).toEqual([organization.id]);
    expect(await found(third!.slug)).toEqual([]);

    await updateOrganization(organization.id, { fieldIds: [third!.id] }, { origin: "portal" });
    await inStep();
    expect(await found(first!.slug)).toEqual([]);
    expect(await found(third!.slug)).toEqual([organization.id]);

    // Its links go with it, though by cascade, after its row.
    await deleteOrganization(organization.id);
    await inStep();
    await drainOutbox();
  });

  test("the database search matches words without marks, in any order, on all listed text", async () => {
    const byName = await searchDirectoryInDatabase({ ...base, q: "Hoa hoc vien", perPage: 200 });
    expect(byName.results.map(({ organization }) => organization.slug)).toContain("vast-institute-of-chemistry");
    const byField = await searchDirectoryInDatabase({ ...base, q: "trí tuệ nhân tạo", kinds: ["lab"] });
    expect(byField.results.map(({ organization }) => organization.slug)).toContain("hust-bkai");
    const nothing = await searchDirectoryInDatabase({ ...base, q: "%_%" });
    expect(nothing.total).toBe(await prisma.organization.count({ where: { status: "published" } }));
  });

  test("the database search matches folded words and word starts through FTS5, ranked by bm25", async () => {
    // Named so that the engine's filter-only order (verified, then by name) would put the weaker match first.
    const strong = await makeOrganization({
      nameVi: "Zeta Phòng thí nghiệm Đường ống Quắcca",
      summaryVi: "Đường ống quắcca: kiểm định đường ống quắcca.",
    });
    const weak = await makeOrganization({
      nameVi: "Alpha Viện",
      verified: true,
      summaryVi: `Nhiều lĩnh vực, ${"nghiên cứu ứng dụng ".repeat(30)} và một dự án về đường ống quắcca.`,
    });
    const slugs = async (q: string) =>
      (await searchDirectoryInDatabase({ ...base, q })).results.map(({ organization }) => organization.slug);
    // Without marks, with them, đ as d, the last word as typed so far.
    for (const q of ["duong ong quacca", "đường ống quắcca", "DUONG ONG QUACC"]) {
      expect(await slugs(q), q).toEqual([strong.slug, weak.slug]);
    }
    // Sorted by name, the name decides.
    const byName = await searchDirectoryInDatabase({ ...base, q: "quacca", sort: "name" });
    expect(byName.results.map(({ organization }) => organization.slug)).toEqual([weak.slug, strong.slug]);
    // Every word must match.
    expect(await slugs("quacca zzyzx")).toEqual([]);
    // Only the last word is read as the start of a longer one, as the engine reads a query:
    // a word before it is whole (a prefix there made FTS5 merge every word it starts).
    expect(fullTextQuery("Đường ống quắc")).toBe('"duong" "ong" "quac"*');
    expect(await slugs("quacc duong")).toEqual([]);
    expect(await slugs("duong quacc")).toEqual([strong.slug, weak.slug]);
    await deleteOrganization(strong.id);
    await deleteOrganization(weak.id);
  });

  test("an edit or a delete is in the full-text index inside its own transaction, and a rollback leaves it as it was", async () => {
    const organization = await makeOrganization({ nameEn: "Wombatite Coatings Lab" });
    const slugsFor = async (q: string, db: Parameters<typeof searchDirectoryInDatabase>[1] = prisma) =>
      (await searchDirectoryInDatabase({ ...base, q }, db)).results.map(({ organization }) => organization.slug);
    expect(await slugsFor("wombatite")).toEqual([organization.slug]);

    await write(async (tx, effects) => {
      await updateOrganizationInTransaction(
        organization.id,
        { nameEn: "Numbatite Coatings Lab" },
        { origin: "portal" },
        tx,
        effects,
      );
      // Within the writing transaction, already.
      expect(await slugsFor("numbatite", tx)).toEqual([organization.slug]);
      expect(await slugsFor("wombatite", tx)).toEqual([]);
    });
    expect(await slugsFor("numbatite")).toEqual([organization.slug]);
    expect(await slugsFor("wombatite")).toEqual([]);

    // A write that fails takes its index change with it.
    await expect(
      write(async (tx, effects) => {
        await updateOrganizationInTransaction(
          organization.id,
          { nameEn: "Quollite Lab" },
          { origin: "portal" },
          tx,
          effects,
        );
        expect(await slugsFor("quollite", tx)).toEqual([organization.slug]);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await slugsFor("quollite")).toEqual([]);
    expect(await slugsFor("numbatite")).toEqual([organization.slug]);

    await deleteOrganization(organization.id);
    expect(await slugsFor("numbatite")).toEqual([]);
    await drainOutbox();
  });
});
