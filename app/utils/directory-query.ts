import { directoryQuerySchema, readPageQuery, type DirectoryQuery } from "./list-queries";

/**
 * The directory's URL is its state: `/directory?q=…&kind=lab&field=…&page=2`.
 * This module reads (with its schema, app/utils/list-queries.ts) and writes that
 * URL, in the browser and on the server.
 */
export { MAX_PAGE, MAX_QUERY_LENGTH, SORTS, type DirectoryQuery, type Sort } from "./list-queries";
export const PAGE_SIZE = 20;

export function parseDirectoryQuery(params: URLSearchParams) {
  return readPageQuery(directoryQuerySchema, params);
}

/** What a link may ask for: any value (a bad one is reported when the link is followed). */
type DirectoryLink = {
  [K in keyof DirectoryQuery]?: DirectoryQuery[K] extends unknown[] ? string[] : DirectoryQuery[K];
};

/** The URL search string for a query; defaults are left out so URLs stay short. */
export function directorySearch(query: DirectoryLink): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const kind of query.kinds ?? []) params.append("kind", kind);
  for (const area of query.areas ?? []) params.append("area", area);
  for (const field of query.fields ?? []) params.append("field", field);
  for (const district of query.districts ?? []) params.append("district", district);
  if (query.verifiedOnly) params.set("verified", "1");
  if (query.sort && query.sort !== "relevance") params.set("sort", query.sort);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  if (query.concepts === false) params.set("concepts", "off");
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function hasFilters(query: DirectoryQuery): boolean {
  return Boolean(
    query.kinds.length || query.areas.length || query.fields.length || query.districts.length || query.verifiedOnly,
  );
}
