import { reportSearchFailure, reportSearchSuccess, searchLooksDown } from "#search/availability";
import { readSearchConfig } from "#search/config";
import { EXPERTS_INDEX, REQUESTS_INDEX } from "#search/indexes";
import { searchListing, type ListingResult } from "#search/listing-search";
import { prisma } from "~/db/client.server";
import { log } from "~/config/log.server";
import { searchTerms } from "~/utils/text";

/**
 * Searching experts and open requests: the engine when it answers, otherwise
 * a plain text match in the database (the page says results are simplified).
 */
export type ListingQuery = { q: string; areas: string[]; extra: string[]; page: number; perPage: number };
export type ListingAnswer = ListingResult & { mode: "engine" | "database" };

async function withFallback(engine: () => Promise<ListingResult>, database: () => Promise<ListingResult>): Promise<ListingAnswer> {
  if (readSearchConfig() && !searchLooksDown()) {
    try {
      const result = await engine();
      reportSearchSuccess();
      return { ...result, mode: "engine" };
    } catch (error) {
      reportSearchFailure(error);
      log("warn", "search_fallback", { error: String((error as Error)?.message ?? error) });
    }
  }
  return { ...(await database()), mode: "database" };
}

const textWhere = (q: string) => searchTerms(q).slice(0, 12).map((term) => ({ searchText: { contains: term } }));

export function searchExperts(query: ListingQuery): Promise<ListingAnswer> {
  return withFallback(
    () =>
      searchListing(EXPERTS_INDEX, {
        q: query.q,
        filters: { areaSlugs: query.areas, offers: query.extra },
        facets: ["areaSlugs", "offers"],
        sort: query.q ? undefined : ["publishedAt:desc"],
        page: query.page,
        perPage: query.perPage,
        highlight: ["fullName", "keywords", "bioVi", "bioEn"],
      }),
    async () => {
      const where = {
        status: "published",
        AND: [
          ...textWhere(query.q),
          ...(query.areas.length ? [{ fields: { some: { field: { parent: { slug: { in: query.areas } } } } } }] : []),
          ...query.extra.map((offer) => ({ offers: { contains: offer } })),
        ],
      };
      const [total, rows] = await Promise.all([
        prisma.expertProfile.count({ where }),
        prisma.expertProfile.findMany({ where, select: { id: true }, orderBy: { publishedAt: "desc" }, skip: (query.page - 1) * query.perPage, take: query.perPage }),
      ]);
      return { total, facets: {}, hits: rows.map((row) => ({ id: row.id, highlights: {} })) };
    },
  );
}

export function searchOpenRequests(query: ListingQuery): Promise<ListingAnswer> {
  return withFallback(
    () =>
      searchListing(REQUESTS_INDEX, {
        q: query.q,
        filters: { areaSlugs: query.areas, sector: query.extra },
        facets: ["areaSlugs", "sector"],
        sort: query.q ? undefined : ["publishedAt:desc"],
        page: query.page,
        perPage: query.perPage,
        highlight: ["title", "problem"],
      }),
    async () => {
      const where = {
        status: "open",
        AND: [
          ...textWhere(query.q),
          ...(query.areas.length ? [{ fields: { some: { field: { parent: { slug: { in: query.areas } } } } } }] : []),
          ...(query.extra.length ? [{ sector: { in: query.extra } }] : []),
        ],
      };
      const [total, rows] = await Promise.all([
        prisma.techRequest.count({ where }),
        prisma.techRequest.findMany({ where, select: { id: true }, orderBy: { publishedAt: "desc" }, skip: (query.page - 1) * query.perPage, take: query.perPage }),
      ]);
      return { total, facets: {}, hits: rows.map((row) => ({ id: row.id, highlights: {} })) };
    },
  );
}

/** Cards of open requests in the order of `ids`; an anonymous request's company stays hidden. */
export async function openRequestCards(ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await prisma.techRequest.findMany({
    where: { id: { in: ids }, status: "open" },
    select: {
      id: true,
      title: true,
      problem: true,
      visibility: true,
      companyName: true,
      sector: true,
      companySize: true,
      district: true,
      trl: true,
      budget: true,
      deadline: true,
      publishedAt: true,
      fields: { select: { field: { select: { slug: true, nameVi: true, nameEn: true } } }, take: 4 },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, { ...row, companyName: row.visibility === "public" ? row.companyName : null }]));
  return ids.map((id) => byId.get(id)).filter((row): row is NonNullable<typeof row> => Boolean(row));
}
