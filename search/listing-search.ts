import type { MultiSearchQuery } from "meilisearch";
import { pageSearchClient, indexUid } from "./client";
import { requireSearchConfig, type SearchConfig } from "./config";
import { allOf, filterIn } from "./filters";
import type { IndexDefinition } from "./indexes";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "./organization-search";
import type { ListingTextAndPage } from "~/utils/list-queries";

/**
 * A plain search of the experts or requests index: text, filters on a few
 * facets, a page, counts per facet value. (The directory has its own, with
 * disjunctive facets; these lists are smaller.)
 */
export type ListingSearch = ListingTextAndPage & {
  filters: Record<string, readonly (string | number)[]>;
  /** A clause beyond the `IN` filters (built with search/filters.ts), e.g. a range */
  filter?: string;
  facets: string[];
  sort?: string[];
  highlight: string[];
  /**
   * Fields the query's words speak of (search/concepts.ts): among the matches,
   * those in these fields come first (decision 044, as the directory).
   */
  boostFields?: string[];
};

export type ListingResult = {
  hits: { id: string; highlights: Record<string, string> }[];
  total: number;
  /** The total is a floor: the database fallback stopped counting there (COUNTED_MATCHES_LIMIT) */
  totalAtLeast?: boolean;
  facets: Record<string, Record<string, number>>;
};

export async function searchListing(
  index: IndexDefinition,
  search: ListingSearch,
  config: SearchConfig = requireSearchConfig(),
): Promise<ListingResult> {
  const uid = indexUid(index.base, config);
  const filter = allOf([
    ...Object.entries(search.filters).map(([attribute, values]) => filterIn(attribute, values)),
    search.filter,
  ]);
  const main = {
    indexUid: uid,
    q: search.q,
    filter,
    facets: search.facets,
    sort: search.sort,
    page: search.page,
    hitsPerPage: search.perPage,
    attributesToRetrieve: ["id"],
    attributesToHighlight: search.highlight,
    attributesToCrop: search.highlight,
    cropLength: 40,
    cropMarker: "…",
    highlightPreTag: HIGHLIGHT_START,
    highlightPostTag: HIGHLIGHT_END,
  } satisfies MultiSearchQuery;
  const boosting = Boolean(search.boostFields?.length) && search.q.trim() !== "" && !search.sort;
  if (!boosting) {
    const { indexUid: _uid, q: _q, ...params } = main;
    return listingResult(search, await (await pageSearchClient(config)).index(uid).search(search.q, params));
  }
  // The same matches reordered, not filtered: the main query answers for everything up to
  // this page twice over, the one within the fields for those put first (as the directory).
  const end = search.page * search.perPage;
  const { facets: _facets, ...plain } = main;
  const queries: MultiSearchQuery[] = [
    { ...main, page: 1, hitsPerPage: 2 * end },
    { ...plain, page: 1, hitsPerPage: end, filter: allOf([filter, filterIn("fieldSlugs", search.boostFields!)]) },
  ];
  const [all, boosted] = (await (await pageSearchClient(config)).multiSearch({ queries })).results;
  if (!all || !boosted) throw new Error("Meilisearch returned fewer results than queries");
  const first = new Set(boosted.hits.map((hit) => String(hit.id)));
  const hits = [...boosted.hits, ...all.hits.filter((hit) => !first.has(String(hit.id)))];
  return listingResult(search, { ...all, hits: hits.slice((search.page - 1) * search.perPage, end) });
}

type EngineAnswer = {
  totalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
  hits: { id?: unknown; _formatted?: unknown }[];
};

function listingResult(search: ListingSearch, result: EngineAnswer): ListingResult {
  return {
    total: result.totalHits ?? 0,
    facets: (result.facetDistribution ?? {}) as Record<string, Record<string, number>>,
    hits: result.hits.map((hit) => {
      const formatted = (hit._formatted ?? {}) as Record<string, unknown>;
      const highlights: Record<string, string> = {};
      for (const key of search.highlight) {
        const value = formatted[key];
        if (typeof value === "string" && value.includes(HIGHLIGHT_START)) highlights[key] = value;
      }
      return { id: String(hit.id), highlights };
    }),
  };
}
