import { directorySearch } from "./directory-query";
import {
  directoryQuerySchema,
  offersPageQuerySchema,
  readListQuery,
  type DirectoryQuery,
  type OffersPageQuery,
} from "./list-queries";
import { LISTS as LISTING_LISTS, listingSearch, type ListingParams } from "./listing-query";
import { offersSearch } from "./offer-query";

/**
 * A saved search is a list and that list's URL query, as the list's own schema
 * writes it back (docs/decisions/042, 068): the same search the page runs, so
 * an alert finds what the member would see, and one spelling per search, so
 * saving it twice finds the first.
 */
export const SAVED_LISTS = ["directory", "experts", "requests", "offers"] as const;
export type SavedList = (typeof SAVED_LISTS)[number];
export const FREQUENCIES = ["instant", "daily", "weekly"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const isSavedList = (value: unknown): value is SavedList => SAVED_LISTS.includes(value as SavedList);

export const LIST_PATHS: Record<SavedList, string> = {
  directory: "/directory",
  experts: "/experts",
  requests: "/requests",
  offers: "/offers",
};

/** The list's query as its search takes it, read by its schema; bad values are left out. */
export function readSavedQuery(list: "directory", query: string): DirectoryQuery;
export function readSavedQuery(list: "experts" | "requests", query: string): ListingParams;
export function readSavedQuery(list: "offers", query: string): OffersPageQuery;
export function readSavedQuery(list: SavedList, query: string): DirectoryQuery | ListingParams | OffersPageQuery;
export function readSavedQuery(list: SavedList, query: string) {
  const params = new URLSearchParams(query);
  params.delete("page");
  if (list === "directory") return readListQuery(directoryQuerySchema, params, "page").query;
  if (list === "offers") return readListQuery(offersPageQuerySchema, params, "page").query;
  return readListQuery(LISTING_LISTS[list].schema, params, "page").query;
}

/** The canonical query string (no "?", no page) of what a list's URL asks for. */
export function canonicalQuery(list: SavedList, query: string): string {
  let search: string;
  if (list === "directory") search = directorySearch({ ...readSavedQuery(list, query), page: 1 });
  else if (list === "offers") search = offersSearch(readSavedQuery(list, query), 1).replace(/^\/offers/, "");
  else search = listingSearch(readSavedQuery(list, query), list, 1);
  return search.replace(/^\?/, "");
}

/** Where a saved search opens: the list with its query. */
export const savedSearchUrl = (list: SavedList, query: string) => `${LIST_PATHS[list]}${query ? `?${query}` : ""}`;

export const LABEL_MAX = 80;

/** A name to start from: the words searched, else the filters' values, else nothing (the form asks). */
export function suggestedLabel(query: string): string {
  const params = new URLSearchParams(query);
  const words = params.get("q")?.trim();
  if (words) return words.slice(0, LABEL_MAX);
  const values = [...params.entries()]
    .filter(([name]) => !["page", "sort", "concepts"].includes(name))
    .map(([, value]) => value);
  return values.join(", ").slice(0, LABEL_MAX);
}
