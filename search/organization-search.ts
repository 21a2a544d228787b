import type { MultiSearchQuery, MultiSearchResponse } from "meilisearch";
import { pageSearchClient, indexUid } from "./client";
import { requireSearchConfig, type SearchConfig } from "./config";
import { allOf, filterEquals, filterIn } from "./filters";
import { ORGANIZATIONS_INDEX } from "./indexes";
import type { ApiOrganizationsQuery, DirectoryQuery } from "~/utils/list-queries";
import { recordTiming, timed } from "~/utils/server-timing";

/**
 * Directory search against Meilisearch: ids, highlights, total and facet
 * counts. Facets are disjunctive: a facet's counts ignore its own selection
 * (so ticking "lab" still shows how many institutes there are) but respect the
 * others. One multi-search request carries the main query and one count query
 * per facet in use.
 */
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_END = "\uE001";

/**
 * The directory page's query, with the API's language, page size and wards (a
 * filter without a facet): both read by their URL schemas (app/utils/list-queries.ts).
 */
export type OrganizationSearchInput = DirectoryQuery &
  Pick<ApiOrganizationsQuery, "lang" | "perPage"> &
  Partial<Pick<ApiOrganizationsQuery, "wards">> & {
    /**
     * Fields the query's words speak of (search/concepts.ts detectConcepts):
     * among the listings that match, those in these fields come first.
     */
    boostFields?: string[];
    /**
     * The concept terms read in the query (folded), which the listings in
     * boostFields carry: what the boosted query searches when the words
     * alone find nothing in those fields (a partial search).
     */
    boostWords?: string;
    /**
     * False: no facet counts (empty), so the engine only finds the page. For
     * search as you type: ask for counts once typing settles. Default true.
     */
    facets?: boolean;
  };

export type FacetName = "kind" | "area" | "field" | "district" | "verified";
export type FacetCounts = Record<FacetName, Record<string, number>>;

export type OrganizationHit = {
  id: string;
  /** Attribute → text with HIGHLIGHT_START/END around matched words */
  highlights: Partial<Record<"nameVi" | "nameEn" | "acronym" | "summaryVi" | "summaryEn", string>>;
};

export type OrganizationSearchResult = {
  hits: OrganizationHit[];
  total: number;
  facets: FacetCounts;
  /** No listing matched every word, so these match the rarer words only */
  partial: boolean;
};

const FACET_ATTRIBUTE: Record<FacetName, string> = {
  kind: "kind",
  area: "areaSlugs",
  field: "fieldSlugs",
  district: "district",
  verified: "verified",
};

export const FACETS = Object.keys(FACET_ATTRIBUTE) as FacetName[];

function facetFilters(input: OrganizationSearchInput): Record<FacetName, string | null> {
  return {
    kind: filterIn("kind", input.kinds),
    area: filterIn("areaSlugs", input.areas),
    field: filterIn("fieldSlugs", input.fields),
    district: filterIn("district", input.districts),
    verified: input.verifiedOnly ? filterEquals("verified", true) : null,
  };
}

export function sortFor(input: Pick<OrganizationSearchInput, "q" | "sort" | "lang">): string[] | undefined {
  const byName = input.lang === "vi" ? "sortNameVi:asc" : "sortNameEn:asc";
  switch (input.sort) {
    case "name":
      return [byName];
    case "newest":
      return ["createdAt:desc", byName];
    case "relevance":
      // Without words to rank by, show verified listings first, then by name.
      return input.q.trim() === "" ? ["verifiedRank:desc", byName] : undefined;
  }
}

/**
 * Every word must match (counts then mean what they say); when nothing
 * matches them all, the search is run again dropping the most common words
 * first, and the page says the results are partial.
 */
export type MatchingStrategy = "all" | "frequency";

export function buildOrganizationQueries(
  input: OrganizationSearchInput,
  uid: string,
  matchingStrategy: MatchingStrategy = "all",
): { queries: MultiSearchQuery[]; facetQueryFor: FacetName[] } {
  const filters = facetFilters(input);
  const counted = input.facets !== false;
  const active = FACETS.filter((facet) => filters[facet] !== null);
  const main: MultiSearchQuery = {
    indexUid: uid,
    q: input.q,
    matchingStrategy,
    filter: allOf([...FACETS.map((facet) => filters[facet]), filterIn("ward", input.wards ?? [])]),
    sort: sortFor(input),
    page: input.page,
    hitsPerPage: input.perPage,
    attributesToRetrieve: ["id"],
    // Names only: the summaries' excerpts are marked by the app (search/highlight.ts), which
    // costs the engine most of its time per search when it does it.
    attributesToHighlight: ["nameVi", "nameEn", "acronym"],
    highlightPreTag: HIGHLIGHT_START,
    highlightPostTag: HIGHLIGHT_END,
    facets: counted ? FACETS.filter((facet) => !active.includes(facet)).map((facet) => FACET_ATTRIBUTE[facet]) : [],
  };
  const facetQueries: MultiSearchQuery[] = (counted ? active : []).map((facet) => ({
    indexUid: uid,
    q: input.q,
    matchingStrategy,
    filter: allOf([
      ...FACETS.filter((other) => other !== facet).map((other) => filters[other]),
      filterIn("ward", input.wards ?? []),
    ]),
    limit: 0,
    facets: [FACET_ATTRIBUTE[facet]],
  }));
  const boosted = boostQuery(input, main, matchingStrategy);
  return {
    queries: [main, ...facetQueries, ...(boosted ? [boosted] : [])],
    facetQueryFor: counted ? active : [],
  };
}

/** Whether the words' fields reorder the results: only when ranked by relevance, by words. */
function boosts(input: OrganizationSearchInput): boolean {
  return Boolean(input.boostFields?.length) && input.sort === "relevance" && input.q.trim() !== "";
}

/**
 * The boost is a reordering of the same matches, not a filter: the main query
 * answers for everything up to this page twice over, the boosted one (the
 * same words and filters, within the fields) for the listings put before it;
 * mergeBoosted pages through the two. Counts and facets stay the main query's.
 */
function boostQuery(
  input: OrganizationSearchInput,
  main: MultiSearchQuery,
  matchingStrategy: MatchingStrategy,
): MultiSearchQuery | null {
  if (!boosts(input)) return null;
  const end = input.page * input.perPage;
  main.page = 1;
  main.hitsPerPage = 2 * end;
  const { facets: _facets, page: _page, hitsPerPage: _hitsPerPage, ...rest } = main;
  return {
    ...rest,
    // Partial: the concept terms, which every listing in the fields carries,
    // rank them, rather than whichever rare word of the query is left.
    ...(matchingStrategy === "frequency" && input.boostWords ? { q: input.boostWords } : {}),
    filter: allOf([main.filter as string | undefined, filterIn("fieldSlugs", input.boostFields!)]),
    limit: end,
  };
}

function mergeBoosted<T extends Record<string, unknown>>(input: OrganizationSearchInput, main: T[], boosted: T[]): T[] {
  const first = new Set(boosted.map((hit) => String(hit.id)));
  const merged = [...boosted, ...main.filter((hit) => !first.has(String(hit.id)))];
  return merged.slice((input.page - 1) * input.perPage, input.page * input.perPage);
}

export async function searchOrganizationIndex(
  input: OrganizationSearchInput,
  config: SearchConfig = requireSearchConfig(),
): Promise<OrganizationSearchResult> {
  const strict = await runOrganizationSearch(input, config, "all");
  // Matches none of which lie in the fields the words speak of ("lúa bị rầy
  // nâu" matching by typos elsewhere) are searched again as a partial search.
  const offField = boosts(input) && strict.boostedHits === 0 && Boolean(input.boostWords);
  if ((strict.total > 0 || input.q.trim().split(/\s+/).length < 2) && !offField) return withoutCount(strict);
  return { ...withoutCount(await runOrganizationSearch(input, config, "frequency")), partial: true };
}

function withoutCount({ boostedHits: _boostedHits, ...result }: RunResult): OrganizationSearchResult {
  return result;
}

/** A search and how many listings its boosted query found (0 without one). */
type RunResult = OrganizationSearchResult & { boostedHits: number };

async function runOrganizationSearch(
  input: OrganizationSearchInput,
  config: SearchConfig,
  matchingStrategy: MatchingStrategy,
): Promise<RunResult> {
  const uid = indexUid(ORGANIZATIONS_INDEX.base, config);
  const { queries, facetQueryFor } = buildOrganizationQueries(input, uid, matchingStrategy);
  const client = await pageSearchClient(config);
  const response = (await timed("engine", () => client.multiSearch({ queries }))) as MultiSearchResponse<
    Record<string, unknown>
  >;
  recordTiming(
    "engine-processing",
    response.results.reduce((sum, result) => sum + result.processingTimeMs, 0),
  );
  const [main, ...rest] = response.results;
  if (!main) throw new Error("Meilisearch returned no result for the main query");
  // The boosted query, when there is one, comes last (buildOrganizationQueries).
  const boosted = boosts(input) ? rest.pop() : undefined;
  const facetResults = rest;
  const hits = boosted ? mergeBoosted(input, main.hits, boosted.hits) : main.hits;

  const facets = emptyFacetCounts();
  const distribution = (result: { facetDistribution?: Record<string, Record<string, number>> }, facet: FacetName) =>
    result.facetDistribution?.[FACET_ATTRIBUTE[facet]] ?? {};
  for (const facet of FACETS) facets[facet] = distribution(main, facet);
  facetQueryFor.forEach((facet, i) => (facets[facet] = distribution(facetResults[i] ?? {}, facet)));

  const total = main.totalHits ?? main.estimatedTotalHits ?? 0;
  return {
    // A partial search's boosted listings may match none of the words left.
    total: Math.max(total, (input.page - 1) * input.perPage + hits.length),
    boostedHits: boosted?.hits.length ?? 0,
    partial: false,
    facets,
    hits: hits.map((hit) => {
      const formatted = (hit._formatted ?? {}) as Record<string, unknown>;
      const highlights: OrganizationHit["highlights"] = {};
      for (const key of ["nameVi", "nameEn", "acronym", "summaryVi", "summaryEn"] as const) {
        const value = formatted[key];
        if (typeof value === "string" && value !== "") highlights[key] = value;
      }
      return { id: String(hit.id), highlights };
    }),
  };
}

export function emptyFacetCounts(): FacetCounts {
  return { kind: {}, area: {}, field: {}, district: {}, verified: {} };
}
