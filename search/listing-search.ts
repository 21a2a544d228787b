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
  filters: Record<string, string[]>;
  facets: string[];
  sort?: string[];
  highlight: string[];
};

export type ListingResult = {
  hits: { id: string; highlights: Record<string, string> }[];
  total: number;
  facets: Record<string, Record<string, number>>;
};

export async function searchListing(
  index: IndexDefinition,
  search: ListingSearch,
  config: SearchConfig = requireSearchConfig(),
): Promise<ListingResult> {
  const result = await (await pageSearchClient(config)).index(indexUid(index.base, config)).search(search.q, {
    filter: allOf(Object.entries(search.filters).map(([attribute, values]) => filterIn(attribute, values))),
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
  });
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
