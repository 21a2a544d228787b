import { reportSearchFailure, reportSearchSuccess, searchLooksDown } from "#search/availability";
import { readSearchConfig } from "#search/config";
import { EXPERTS_INDEX, REQUESTS_INDEX, type IndexDefinition } from "#search/indexes";
import { searchListing } from "#search/listing-search";
import { prisma } from "~/db/client.server";
import { log } from "~/config/log.server";
import { searchTerms } from "~/utils/text";

/**
 * Experts and open requests for the API: like app/models/listing-search.server.ts
 * (the engine when it answers, else a plain text match in the database), but
 * filtered by field as well as by area, which the pages do not offer. Only
 * ids come back; callers re-read (and re-authorize) the rows.
 */
export type Found = { ids: string[]; total: number; degraded: boolean };
type Paged = { q: string; fields: string[]; page: number; perPage: number };

async function engineOrDatabase(
  engine: () => Promise<{ ids: string[]; total: number }>,
  database: () => Promise<{ ids: string[]; total: number }>,
): Promise<Found> {
  if (readSearchConfig() && !searchLooksDown()) {
    try {
      const found = await engine();
      reportSearchSuccess();
      return { ...found, degraded: false };
    } catch (error) {
      reportSearchFailure(error);
      log("warn", "search_fallback", { error: String((error as Error)?.message ?? error) });
    }
  }
  return { ...(await database()), degraded: true };
}

async function engineIds(index: IndexDefinition, query: Paged, filters: Record<string, string[]>) {
  const result = await searchListing(index, {
    q: query.q,
    filters: { fieldSlugs: query.fields, ...filters },
    facets: [],
    // Without words to rank by, the newest first (as the pages list them).
    sort: query.q ? undefined : ["publishedAt:desc"],
    page: query.page,
    perPage: query.perPage,
    highlight: [],
  });
  return { ids: result.hits.map((hit) => hit.id), total: result.total };
}

/** Every folded word of the query in the row's folded text; a field filter on the links. */
function databaseWhere(query: Paged) {
  return [
    ...searchTerms(query.q).slice(0, 12).map((term) => ({ searchText: { contains: term } })),
    ...(query.fields.length ? [{ fields: { some: { field: { slug: { in: query.fields } } } } }] : []),
  ];
}

const paging = (query: Paged) => ({ skip: (query.page - 1) * query.perPage, take: query.perPage });

export function searchPublishedExperts(query: Paged & { offers: string[] }): Promise<Found> {
  return engineOrDatabase(
    () => engineIds(EXPERTS_INDEX, query, { offers: query.offers }),
    async () => {
      // Offers are stored one per line; any of the given ones matches, as in the engine.
      const offers = query.offers.length ? [{ OR: query.offers.map((offer) => ({ offers: { contains: offer } })) }] : [];
      const where = { status: "published", AND: [...databaseWhere(query), ...offers] };
      const [total, rows] = await Promise.all([
        prisma.expertProfile.count({ where }),
        prisma.expertProfile.findMany({ where, select: { id: true }, orderBy: [{ publishedAt: "desc" }, { id: "asc" }], ...paging(query) }),
      ]);
      return { total, ids: rows.map((row) => row.id) };
    },
  );
}

export function searchOpenRequestsByField(query: Paged & { sectors: string[] }): Promise<Found> {
  return engineOrDatabase(
    () => engineIds(REQUESTS_INDEX, query, { sector: query.sectors }),
    async () => {
      const sectors = query.sectors.length ? [{ sector: { in: query.sectors } }] : [];
      const where = { status: "open", AND: [...databaseWhere(query), ...sectors] };
      const [total, rows] = await Promise.all([
        prisma.techRequest.count({ where }),
        prisma.techRequest.findMany({ where, select: { id: true }, orderBy: [{ publishedAt: "desc" }, { id: "asc" }], ...paging(query) }),
      ]);
      return { total, ids: rows.map((row) => row.id) };
    },
  );
}
