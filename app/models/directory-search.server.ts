import { Prisma } from "~/generated/prisma/client";
import { reportSearchFailure, reportSearchSuccess, searchLooksDown } from "#search/availability";
import { readSearchConfig } from "#search/config";
import {
  emptyFacetCounts,
  searchOrganizationIndex,
  type FacetCounts,
  type FacetName,
  type OrganizationHit,
  type OrganizationSearchInput,
} from "#search/organization-search";
import { prisma, type DbClient } from "~/utils/db.server";
import { queryTerms } from "~/utils/text";
import { getPublishedOrganizationCards, type OrganizationCard } from "./organization.server";

/**
 * The directory's search: Meilisearch when it answers, otherwise a plain
 * accent-insensitive text match in the database, so the directory keeps
 * working (with a notice) while the engine is down or restarting.
 */
export type DirectorySearchResult = {
  mode: "engine" | "database";
  total: number;
  facets: FacetCounts;
  results: { organization: OrganizationCard; highlights: OrganizationHit["highlights"] }[];
};

export async function searchDirectory(input: OrganizationSearchInput, db: DbClient = prisma): Promise<DirectorySearchResult> {
  const config = readSearchConfig();
  if (config && !searchLooksDown()) {
    try {
      const found = await searchOrganizationIndex(input, config);
      reportSearchSuccess();
      const cards = await getPublishedOrganizationCards(
        found.hits.map((hit) => hit.id),
        db,
      );
      const highlights = new Map(found.hits.map((hit) => [hit.id, hit.highlights]));
      return {
        mode: "engine",
        total: found.total,
        facets: found.facets,
        results: cards.map((organization) => ({ organization, highlights: highlights.get(organization.id) ?? {} })),
      };
    } catch (error) {
      reportSearchFailure(error);
      console.warn(JSON.stringify({ event: "search_fallback", error: String((error as Error)?.message ?? error) }));
    }
  }
  return searchDirectoryInDatabase(input, db);
}

type Filters = Omit<OrganizationSearchInput, "page" | "perPage" | "sort" | "lang">;

/**
 * WHERE conditions for the fallback, as parameterized SQL. Terms are folded
 * words (letters and digits only), so LIKE's wildcards cannot appear in them.
 */
function conditions(input: Filters, without?: FacetName): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`o.status = 'published'`];
  for (const term of queryTerms(input.q).slice(0, 12)) parts.push(Prisma.sql`o.searchText LIKE ${`%${term}%`}`);
  if (without !== "kind" && input.kinds.length) parts.push(Prisma.sql`o.kind IN (${Prisma.join(input.kinds)})`);
  if (without !== "district" && input.districts.length) {
    parts.push(Prisma.sql`o.district IN (${Prisma.join(input.districts)})`);
  }
  if (without !== "verified" && input.verifiedOnly) parts.push(Prisma.sql`o.verified = 1`);
  if (without !== "field" && input.fields.length) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM OrganizationField l JOIN Field f ON f.id = l.fieldId
      WHERE l.organizationId = o.id AND f.slug IN (${Prisma.join(input.fields)}))`);
  }
  if (without !== "area" && input.areas.length) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM OrganizationField l JOIN Field f ON f.id = l.fieldId
      JOIN Field a ON a.id = f.parentId WHERE l.organizationId = o.id AND a.slug IN (${Prisma.join(input.areas)}))`);
  }
  return Prisma.join(parts, " AND ");
}

export async function searchDirectoryInDatabase(
  input: OrganizationSearchInput,
  db: DbClient = prisma,
): Promise<DirectorySearchResult> {
  const where = conditions(input);
  // The same order as the engine's: folded names, then id for ties.
  const name = input.lang === "vi" ? Prisma.sql`o.sortNameVi` : Prisma.sql`o.sortNameEn`;
  const orderBy =
    input.sort === "newest"
      ? Prisma.sql`o.createdAt DESC, ${name}, o.id`
      : input.sort === "name"
        ? Prisma.sql`${name}, o.id`
        : Prisma.sql`o.verified DESC, ${name}, o.id`;
  const [countRows, idRows, facets] = await Promise.all([
    db.$queryRaw<{ total: bigint | number }[]>`SELECT COUNT(*) AS total FROM Organization o WHERE ${where}`,
    db.$queryRaw<{ id: string }[]>`SELECT o.id FROM Organization o WHERE ${where} ORDER BY ${orderBy}
      LIMIT ${input.perPage} OFFSET ${(input.page - 1) * input.perPage}`,
    databaseFacets(input, db),
  ]);
  const cards = await getPublishedOrganizationCards(
    idRows.map((row) => row.id),
    db,
  );
  return {
    mode: "database",
    total: Number(countRows[0]?.total ?? 0),
    facets,
    results: cards.map((organization) => ({ organization, highlights: {} })),
  };
}

type CountRow = { value: string | number | bigint | boolean | null; n: bigint | number };

/** Facet counts with the same disjunctive rule as the engine. */
async function databaseFacets(input: Filters, db: DbClient): Promise<FacetCounts> {
  const [kinds, districts, verified, fields, areas] = await Promise.all([
    db.$queryRaw<CountRow[]>`SELECT o.kind AS value, COUNT(*) AS n FROM Organization o
      WHERE ${conditions(input, "kind")} GROUP BY o.kind`,
    db.$queryRaw<CountRow[]>`SELECT o.district AS value, COUNT(*) AS n FROM Organization o
      WHERE ${conditions(input, "district")} AND o.district IS NOT NULL GROUP BY o.district`,
    db.$queryRaw<CountRow[]>`SELECT o.verified AS value, COUNT(*) AS n FROM Organization o
      WHERE ${conditions(input, "verified")} GROUP BY o.verified`,
    db.$queryRaw<CountRow[]>`SELECT f.slug AS value, COUNT(*) AS n FROM Organization o
      JOIN OrganizationField l ON l.organizationId = o.id JOIN Field f ON f.id = l.fieldId
      WHERE ${conditions(input, "field")} GROUP BY f.slug`,
    // An organization with two fields in one area counts once for it.
    db.$queryRaw<CountRow[]>`SELECT a.slug AS value, COUNT(DISTINCT o.id) AS n FROM Organization o
      JOIN OrganizationField l ON l.organizationId = o.id JOIN Field f ON f.id = l.fieldId
      JOIN Field a ON a.id = f.parentId WHERE ${conditions(input, "area")} GROUP BY a.slug`,
  ]);
  const toCounts = (rows: CountRow[], key: (value: CountRow["value"]) => string = String) =>
    Object.fromEntries(rows.map((row) => [key(row.value), Number(row.n)]));
  const facets = emptyFacetCounts();
  facets.kind = toCounts(kinds);
  facets.district = toCounts(districts);
  facets.verified = toCounts(verified, (value) => String(value === true || Number(value) === 1));
  facets.field = toCounts(fields);
  facets.area = toCounts(areas);
  return facets;
}
