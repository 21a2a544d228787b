import type { OffersPageQuery } from "./list-queries";

/** The offers' facets, none chosen. */
export const NO_OFFER_FILTERS = {
  types: [],
  areas: [],
  fields: [],
  priceModes: [],
  accessModes: [],
  districts: [],
  wards: [],
  kinds: [],
  trls: [],
  ipStatuses: [],
} satisfies Partial<OffersPageQuery>;

/** The /offers URL for a query: the short form (no defaults), as the form submits it. */
export function offersSearch(query: OffersPageQuery, page = query.page): string {
  const search = new URLSearchParams();
  if (query.q) search.set("q", query.q);
  const lists: [string, readonly (string | number)[]][] = [
    ["type", query.types],
    ["area", query.areas],
    ["field", query.fields],
    ["price", query.priceModes],
    ["access", query.accessModes],
    ["district", query.districts],
    ["ward", query.wards],
    ["kind", query.kinds],
    ["trl", query.trls],
    ["ip", query.ipStatuses],
  ];
  for (const [name, values] of lists) for (const value of values) search.append(name, String(value));
  if (query.sort !== "relevance") search.set("sort", query.sort);
  if (page > 1) search.set("page", String(page));
  if (query.concepts === false) search.set("concepts", "off");
  const text = search.toString();
  return `/offers${text ? `?${text}` : ""}`;
}
