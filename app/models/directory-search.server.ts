import { Prisma } from "~/generated/prisma/client";
import { reportSearchFailure, reportSearchSuccess, searchLooksDown } from "#search/availability";
import { readSearchConfig, type SearchConfig } from "#search/config";
import { indexGeneration } from "#search/index-generation";
import {
  emptyFacetCounts,
  searchOrganizationIndex,
  type FacetCounts,
  type FacetName,
  type OrganizationHit,
  type OrganizationSearchInput,
  type OrganizationSearchResult,
} from "#search/organization-search";
import { prisma, type DbClient } from "~/utils/db.server";
import { positiveIntegerSetting } from "~/utils/env.server";
import { log } from "~/utils/log.server";
import { LruCache } from "~/utils/lru";
import { remember } from "@epic-web/remember";
import { searchTerms } from "~/utils/text";
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
  /** Facets whose counts this search could not afford (the fallback's field and area) */
  facetsWithoutCounts?: FacetName[];
  /** No listing matched every word; these match some of them */
  partial?: boolean;
  results: { organization: OrganizationCard; highlights: OrganizationHit["highlights"] }[];
};

/**
 * Recent engine answers (ids, highlights, counts; never the cards, which are
 * always read fresh). Keyed on the index generation, so a change applied by
 * this process's outbox worker invalidates them at once; the time limit
 * bounds staleness from changes made by other processes. Set
 * SEARCH_CACHE=off to disable (the benchmark measures both).
 */
const cache = remember(
  "directory-search-cache",
  () => new LruCache<unknown>(positiveIntegerSetting("SEARCH_CACHE_ENTRIES", 500), 30_000),
);

async function cached<T>(kind: string, input: OrganizationSearchInput, extra: unknown, search: () => Promise<T>): Promise<T> {
  if (process.env.SEARCH_CACHE === "off") return search();
  const key = JSON.stringify([kind, indexGeneration(), extra, input]);
  const hit = cache.get(key) as T | undefined;
  if (hit) return hit;
  const found = await search();
  cache.set(key, found);
  return found;
}

function searchEngineCached(input: OrganizationSearchInput, config: SearchConfig) {
  return cached("engine", input, [config.host, config.indexPrefix], () => searchOrganizationIndex(input, config));
}

export async function searchDirectory(input: OrganizationSearchInput, db: DbClient = prisma): Promise<DirectorySearchResult> {
  const config = readSearchConfig();
  if (config && !searchLooksDown()) {
    try {
      const found = await searchEngineCached(input, config);
      reportSearchSuccess();
      const cards = await getPublishedOrganizationCards(
        found.hits.map((hit) => hit.id),
        db,
      );
      const highlights = new Map(found.hits.map((hit) => [hit.id, hit.highlights]));
      return {
        mode: "engine",
        total: found.total,
        partial: found.partial,
        facets: found.facets,
        results: cards.map((organization) => ({ organization, highlights: highlights.get(organization.id) ?? {} })),
      };
    } catch (error) {
      reportSearchFailure(error);
      log("warn", "search_fallback", { error: String((error as Error)?.message ?? error) });
    }
  }
  // The fallback's answers (ids and counts) are cached like the engine's: under
  // load they are what keeps it usable. Cards are still read fresh.
  return withCards(await cached("database", input, null, () => matchInDatabase(input, db)), db);
}

type Filters = Omit<OrganizationSearchInput, "page" | "perPage" | "sort" | "lang">;

/**
 * Text conditions for the fallback: every folded word of the query must occur
 * in the folded text. Terms are letters and digits only, so LIKE's wildcards
 * cannot appear in them.
 */
function textConditions(input: Filters): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`o.status = 'published'`];
  for (const term of searchTerms(input.q).slice(0, 12)) parts.push(Prisma.sql`o.searchText LIKE ${`%${term}%`}`);
  return Prisma.join(parts, " AND ");
}

/** Facet filters on the matched rows, optionally leaving one facet out (disjunctive counts). */
function filterConditions(input: Filters, without?: FacetName): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`1 = 1`];
  if (without !== "kind" && input.kinds.length) parts.push(Prisma.sql`o.kind IN (${Prisma.join(input.kinds)})`);
  if (without !== "district" && input.districts.length) {
    parts.push(Prisma.sql`o.district IN (${Prisma.join(input.districts)})`);
  }
  if (input.wards?.length) parts.push(Prisma.sql`o.ward IN (${Prisma.join(input.wards)})`);
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

type GroupRow = { kind: string; district: string | null; verified: number | bigint | boolean; n: number | bigint };

/**
 * The fallback in two statements. The text match scans the table, so it is
 * done as few times as possible:
 * 1. counts grouped by kind, district and verified under the text, field and
 *    area conditions, from which the total and the disjunctive counts of those
 *    three facets are computed here;
 * 2. the page of ids, in the engine's order.
 * Field and area counts are left out (they cost a join over every link, over a
 * second at 100,000 organizations); the page shows those facets without counts.
 */
export async function searchDirectoryInDatabase(input: OrganizationSearchInput, db: DbClient = prisma) {
  return withCards(await matchInDatabase(input, db), db);
}

type DatabaseMatch = Omit<DirectorySearchResult, "results"> & { ids: string[] };

async function withCards({ ids, ...match }: DatabaseMatch, db: DbClient): Promise<DirectorySearchResult> {
  const cards = await getPublishedOrganizationCards(ids, db);
  return { ...match, results: cards.map((organization) => ({ organization, highlights: {} })) };
}

async function matchInDatabase(input: OrganizationSearchInput, db: DbClient): Promise<DatabaseMatch> {
  // The same order as the engine's: folded names, then id for ties.
  const name = input.lang === "vi" ? Prisma.sql`o.sortNameVi` : Prisma.sql`o.sortNameEn`;
  const orderBy =
    input.sort === "newest"
      ? Prisma.sql`o.createdAt DESC, ${name}, o.id`
      : input.sort === "name"
        ? Prisma.sql`${name}, o.id`
        : Prisma.sql`o.verified DESC, ${name}, o.id`;
  const text = textConditions(input);
  const taxonomyOnly = filterConditions({ ...input, kinds: [], districts: [], verifiedOnly: false });
  const [groups, page] = await Promise.all([
    db.$queryRaw<GroupRow[]>`SELECT o.kind, o.district, o.verified, COUNT(*) AS n FROM Organization o
      WHERE ${text} AND ${taxonomyOnly} GROUP BY o.kind, o.district, o.verified`,
    db.$queryRaw<{ id: string }[]>`SELECT o.id FROM Organization o WHERE ${text} AND ${filterConditions(input)}
      ORDER BY ${orderBy} LIMIT ${input.perPage} OFFSET ${(input.page - 1) * input.perPage}`,
  ]);

  const facets = emptyFacetCounts();
  let total = 0;
  const matches = (group: GroupRow, without?: FacetName) =>
    (without === "kind" || input.kinds.length === 0 || input.kinds.includes(group.kind)) &&
    (without === "district" || input.districts.length === 0 || input.districts.includes(group.district ?? "")) &&
    (without === "verified" || !input.verifiedOnly || Number(group.verified) === 1);
  const add = (counts: Record<string, number>, key: string, n: number) => (counts[key] = (counts[key] ?? 0) + n);
  for (const group of groups) {
    const n = Number(group.n);
    if (matches(group)) total += n;
    if (matches(group, "kind")) add(facets.kind, group.kind, n);
    if (group.district && matches(group, "district")) add(facets.district, group.district, n);
    if (matches(group, "verified")) add(facets.verified, String(Number(group.verified) === 1), n);
  }
  return { mode: "database", total, facets, facetsWithoutCounts: ["area", "field"], ids: page.map((row) => row.id) };
}
