import type { MultiSearchQuery, MultiSearchResponse } from "meilisearch";
import { pageSearchClient, indexUid } from "./client";
import { requireSearchConfig, type SearchConfig } from "./config";
import { filterIn } from "./filters";
import { EXPERTS_INDEX, OFFERS_INDEX, ORGANIZATIONS_INDEX } from "./indexes";

/**
 * Candidate experts, organizations and offers for a request, from the engine: a
 * text query on the request's title plus the people, labs and offers in its
 * fields (and, for labs and offers, its areas). Only ids and the text query's
 * ranks come back; app/models/matching.server.ts scores and explains from the
 * database. The offers index holds public offers only.
 */
export type CandidateQuery = { text: string; fieldSlugs: string[]; areaSlugs: string[] };
export type Candidates = { ids: string[]; textRank: Map<string, number> };

const RESEARCH_KINDS = ["lab", "institute", "university"];

export async function findCandidates(
  query: CandidateQuery,
  config: SearchConfig = requireSearchConfig(),
): Promise<{ experts: Candidates; organizations: Candidates; offers: Candidates }> {
  const experts = indexUid(EXPERTS_INDEX.base, config);
  const organizations = indexUid(ORGANIZATIONS_INDEX.base, config);
  const offers = indexUid(OFFERS_INDEX.base, config);
  const kinds = filterIn("kind", RESEARCH_KINDS)!;
  const byFields = filterIn("fieldSlugs", query.fieldSlugs);
  const byAreas = filterIn("areaSlugs", query.areaSlugs);
  const base = { attributesToRetrieve: ["id"], limit: 60 };
  const queries: MultiSearchQuery[] = [
    // The request's words in the writer's order, dropped from the end until some
    // expert has them all: "frequency" keeps the rarest words, and one word that
    // no profile has (a product, a price) would leave it with no candidate.
    { ...base, indexUid: experts, q: query.text, matchingStrategy: "last" },
    { ...base, indexUid: experts, q: "", filter: byFields ?? undefined },
    { ...base, indexUid: organizations, q: query.text, matchingStrategy: "frequency", filter: kinds },
    { ...base, indexUid: organizations, q: "", filter: byFields ? `(${kinds}) AND (${byFields})` : kinds },
    // Research organizations in the request's areas, the most specific first,
    // for when none has its exact fields.
    ...(byAreas ? [{ ...base, indexUid: organizations, q: "", filter: `(${kinds}) AND (${byAreas})`, limit: 30 }] : []),
  ];
  // Offers: the title's words as for experts (an instrument or a method named is
  // the strongest clue), then the offers filed under its fields and its areas.
  const offerQueries: MultiSearchQuery[] = [
    { ...base, indexUid: offers, q: query.text, matchingStrategy: "last", limit: 40 },
    ...(byFields ? [{ ...base, indexUid: offers, q: "", filter: byFields }] : []),
    ...(byAreas ? [{ ...base, indexUid: offers, q: "", filter: byAreas, limit: 30 }] : []),
  ];
  // Meilisearch runs the queries of one multi-search one after another; the two
  // text queries cost most, so they go in two requests that the engine serves
  // side by side (about 55 ms each at 100,000 organizations and 50,000 experts).
  const client = await pageSearchClient(config);
  const [expertResponse, organizationResponse, offerResponse] = (await Promise.all([
    client.multiSearch({ queries: queries.slice(0, 2) }),
    client.multiSearch({ queries: queries.slice(2) }),
    client.multiSearch({ queries: offerQueries }),
  ])) as MultiSearchResponse<{ id: string }>[];
  const response = { results: [...expertResponse!.results, ...organizationResponse!.results] };
  const collect = (
    results: typeof response.results,
    textResult: (typeof response.results)[number] | undefined,
  ): Candidates => {
    const ids = new Set<string>();
    for (const result of results) for (const hit of result.hits) ids.add(String(hit.id));
    const textRank = new Map<string, number>();
    textResult?.hits.forEach((hit, rank) => textRank.set(String(hit.id), rank));
    return { ids: [...ids], textRank };
  };
  const [expertText, expertFields, orgText, orgFields, orgAreas] = response.results;
  return {
    experts: collect([expertText!, expertFields!], expertText),
    organizations: collect([orgText!, orgFields!, ...(orgAreas ? [orgAreas] : [])], orgText),
    offers: collect(offerResponse!.results, offerResponse!.results[0]),
  };
}
