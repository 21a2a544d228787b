import {
  expertsPageQuerySchema,
  readPageQuery,
  requestsPageQuerySchema,
  type ExpertsPageQuery,
  type RequestsPageQuery,
} from "./list-queries";

/**
 * The URL state of the experts and requests lists: `?q=…&area=…&offer=…&page=2`,
 * read by each list's schema (app/utils/list-queries.ts) under the directory's
 * policy: every bad value is reported (the page answers 400 and names it, in the
 * visitor's language) and the list still shows what the rest asks for.
 */
export type { QueryProblem } from "./list-queries";
export { MAX_QUERY_LENGTH } from "./list-queries";
export type ListingParams = ExpertsPageQuery | RequestsPageQuery;

export const LISTS = {
  experts: { extraName: "offer", schema: expertsPageQuerySchema },
  requests: { extraName: "sector", schema: requestsPageQuerySchema },
} as const;
export type ListName = keyof typeof LISTS;

export function parseListingParams(params: URLSearchParams, list: ListName) {
  return readPageQuery(LISTS[list].schema, params);
}

/** Every filter of the experts and requests lists cleared: "without the filters", counted or linked. */
export const withoutListingFilters = () => ({
  areas: [] as string[],
  extra: [] as string[],
  requester: [] as string[],
  based: [] as string[],
  countries: [] as string[],
  verifiedOnly: false,
});

export function listingSearch(params: ListingParams, list: ListName, page = params.page): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  for (const area of params.areas) search.append("area", area);
  for (const value of params.extra) search.append(LISTS[list].extraName, value);
  if ("requester" in params) for (const value of params.requester) search.append("requester", value);
  if ("based" in params) for (const value of params.based) search.append("based", value);
  if ("countries" in params) for (const value of params.countries) search.append("country", value);
  if ("verifiedOnly" in params && params.verifiedOnly) search.set("verified", "1");
  if (page > 1) search.set("page", String(page));
  if (params.concepts === false) search.set("concepts", "off");
  const text = search.toString();
  return text ? `?${text}` : "";
}
