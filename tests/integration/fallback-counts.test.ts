import { beforeAll, describe, expect, test } from "vitest";
import { COUNTED_MATCHES_LIMIT, fullTextQuery, searchDirectoryInDatabase } from "~/models/search-gateway.server";
import { prisma } from "~/db/client.server";
import { seedDirectory } from "~/models/seed.server";
import { generateOrganizations } from "../../scripts/lib/organization-fixtures";
import { DIRECTORY_SEARCH } from "./helpers";

const base = DIRECTORY_SEARCH;

// Every generated summary says "hợp tác với doanh nghiệp": more matches than the fallback counts.
beforeAll(async () => {
  await seedDirectory();
  generateOrganizations({ count: COUNTED_MATCHES_LIMIT + 300, outbox: false });
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
