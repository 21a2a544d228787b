import { beforeAll, describe, expect, test } from "vitest";
import { COUNTED_MATCHES_LIMIT, fullTextQuery, searchDirectoryInDatabase } from "~/models/search-gateway.server";
import { prisma } from "~/db/client.server";
import { seedDirectory } from "~/models/seed.server";
import { generateOrganizations } from "../../scripts/lib/organization-fixtures";
import { searchOffers, type OfferQuery } from "~/models/offer-search.server";
import { NO_OFFER_FILTERS } from "~/utils/offer-query";
import { generateOffers } from "../../scripts/lib/offer-fixtures";
import { DIRECTORY_SEARCH, withEngineDown } from "./helpers";

const base = DIRECTORY_SEARCH;

// Every generated summary says "hợp tác với doanh nghiệp": more matches than the fallback counts.
beforeAll(async () => {
  await seedDirectory();
  generateOrganizations({ count: COUNTED_MATCHES_LIMIT + 300, outbox: false });
  // Instruments, as many as the limit and more, some described with "quang phổ" (spectrometry).
  generateOffers({ services: 0, equipment: COUNTED_MATCHES_LIMIT + 400, technologies: 0, seed: 7, outbox: false });
});

describe("the fallback counts up to a limit (decision 059)", () => {
  test("a broad match reads as the limit and more, with no facet counts, and still lists a page", async () => {
    const found = await searchDirectoryInDatabase({ ...base, q: "hop tac doanh nghiep" });
    expect(found.total).toBe(COUNTED_MATCHES_LIMIT);
    expect(found.totalAtLeast).toBe(true);
    expect(found.facetsWithoutCounts).toEqual(expect.arrayContaining(["kind", "district", "verified", "area"]));
    expect(found.results).toHaveLength(20);
    const everything = await searchDirectoryInDatabase({ ...base, sort: "name" });
    expect([everything.total, everything.totalAtLeast]).toEqual([COUNTED_MATCHES_LIMIT, true]);
  });

  test("under the limit the total is exact and counted, filters included", async () => {
    // Counted in full, without the limit.
    const [{ n }] = await prisma.$queryRaw<[{ n: number | bigint }]>`SELECT COUNT(*) AS n
      FROM OrganizationSearch s JOIN Organization o ON o.rowid = s.rowid
      WHERE OrganizationSearch MATCH ${fullTextQuery("hop tac doanh nghiep")}
        AND o.status = 'published' AND o.kind = 'incubator'`;
    const incubators = Number(n);
    expect(incubators).toBeGreaterThan(0);
    expect(incubators).toBeLessThan(COUNTED_MATCHES_LIMIT);
    const found = await searchDirectoryInDatabase({ ...base, q: "hop tac doanh nghiep", kinds: ["incubator"] });
    expect(found.total).toBe(incubators);
    expect(found.totalAtLeast).toBe(false);
    const all = await prisma.organization.count({ where: { status: "published", kind: "incubator" } });
    const byKind = await searchDirectoryInDatabase({ ...base, kinds: ["incubator"] });
    expect([byKind.total, byKind.totalAtLeast]).toEqual([all, false]);
    const narrow = await searchDirectoryInDatabase({ ...base, q: "bach khoa" });
    expect(narrow.totalAtLeast).toBeFalsy();
    expect(narrow.facets.kind).not.toEqual({});
  });
});

describe("the offers' fallback counts up to the same limit", () => {
  const offers: OfferQuery = { q: "", ...NO_OFFER_FILTERS, sort: "relevance", page: 1, perPage: 20, lang: "vi" };
  const database = (query: Partial<OfferQuery>) => withEngineDown(() => searchOffers({ ...offers, ...query }));

  test("past the limit the total is a floor, and a page still lists its offers in order", async () => {
    const all = await prisma.offer.count({ where: { status: "published", type: "equipment" } });
    expect(all).toBeGreaterThan(COUNTED_MATCHES_LIMIT);
    const everything = await database({ types: ["equipment"] });
    expect(everything.mode).toBe("database");
    expect([everything.total, everything.totalAtLeast]).toEqual([COUNTED_MATCHES_LIMIT, true]);
    expect(everything.hits).toHaveLength(20);

    // A word most instruments have: past the limit, sorted by name, the page is in name order.
    const word = "thiet bi";
    const [{ n }] = await prisma.$queryRaw<[{ n: number | bigint }]>`SELECT COUNT(*) AS n
      FROM OfferSearch WHERE OfferSearch MATCH ${fullTextQuery(word)}`;
    expect(Number(n)).toBeGreaterThan(COUNTED_MATCHES_LIMIT);
    const byName = await database({ q: word, sort: "name", page: 2 });
    expect([byName.total, byName.totalAtLeast]).toEqual([COUNTED_MATCHES_LIMIT, true]);
    const names = await prisma.offer.findMany({
      where: { id: { in: byName.hits.map((hit) => hit.id) } },
      select: { id: true, sortNameVi: true },
    });
    const order = new Map(names.map((row) => [row.id, row.sortNameVi]));
    const shown = byName.hits.map((hit) => order.get(hit.id)!);
    expect(shown).toHaveLength(20);
    expect(shown).toEqual([...shown].sort());
  });

  test("under the limit the total is exact", async () => {
    const narrow = await database({ types: ["equipment"], q: "zzqx" });
    expect([narrow.total, narrow.totalAtLeast]).toEqual([0, false]);
    const [{ n }] = await prisma.$queryRaw<[{ n: number | bigint }]>`SELECT COUNT(*) AS n
      FROM OfferSearch s JOIN Offer o ON o.rowid = s.rowid
      WHERE OfferSearch MATCH ${fullTextQuery("quang pho")} AND o.status = 'published'`;
    expect(Number(n)).toBeGreaterThan(0);
    expect(Number(n)).toBeLessThan(COUNTED_MATCHES_LIMIT);
    const found = await database({ q: "quang pho" });
    expect([found.total, found.totalAtLeast]).toEqual([Number(n), false]);
  });
});
