import type { MessageKey } from "~/i18n/messages";
import { isDistrictSlug } from "~/domain/districts";
import { isOrganizationKind } from "~/domain/organization-values";

/**
 * The directory's URL is its state: `/directory?q=…&kind=lab&field=…&page=2`.
 * This module reads and writes that URL, in the browser and on the server.
 */
export const MAX_QUERY_LENGTH = 200;
export const MAX_VALUES_PER_FILTER = 20;
export const PAGE_SIZE = 20;
/** The engine counts up to 10,000 hits (pagination.maxTotalHits). */
export const MAX_PAGE = 500;
export const SORTS = ["relevance", "name", "newest"] as const;
export type Sort = (typeof SORTS)[number];

export type DirectoryQuery = {
  q: string;
  kinds: string[];
  areas: string[];
  fields: string[];
  districts: string[];
  verifiedOnly: boolean;
  sort: Sort;
  page: number;
  /** false: the words alone, without the fields they were read as (`concepts=off`, decision 044) */
  concepts?: boolean;
};

export type QueryProblem = { key: MessageKey; params?: Record<string, string | number> };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function parseDirectoryQuery(params: URLSearchParams): { query: DirectoryQuery; problems: QueryProblem[] } {
  const problems: QueryProblem[] = [];
  // Control characters carry no meaning in a search; they are dropped, not rejected.
  const q = (params.get("q") ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (q.length > MAX_QUERY_LENGTH) problems.push({ key: "error.q.tooLong", params: { max: MAX_QUERY_LENGTH } });

  const list = (name: string, valid: (value: string) => boolean, key: MessageKey) => {
    const values = [
      ...new Set(
        params
          .getAll(name)
          .map((value) => value.trim())
          .filter(Boolean),
      ),
    ];
    if (values.length > MAX_VALUES_PER_FILTER) {
      problems.push({ key: "error.tooManyValues", params: { max: MAX_VALUES_PER_FILTER } });
      return [];
    }
    for (const value of values) if (!valid(value)) problems.push({ key, params: { value: shorten(value) } });
    return values.filter(valid);
  };
  const kinds = list("kind", isOrganizationKind, "error.kind.unknown");
  const areas = list("area", (value) => SLUG.test(value) && value.length <= 80, "error.area.unknown");
  const fields = list("field", (value) => SLUG.test(value) && value.length <= 80, "error.field.unknown");
  const districts = list("district", isDistrictSlug, "error.district.unknown");

  const verifiedRaw = params.get("verified");
  let verifiedOnly = false;
  if (verifiedRaw !== null && verifiedRaw !== "") {
    if (["1", "true", "on"].includes(verifiedRaw)) verifiedOnly = true;
    else if (!["0", "false", "off"].includes(verifiedRaw)) {
      problems.push({ key: "error.verified.invalid", params: { value: shorten(verifiedRaw) } });
    }
  }

  const sortRaw = params.get("sort") || "relevance";
  const sort = (SORTS as readonly string[]).includes(sortRaw) ? (sortRaw as Sort) : "relevance";
  if (sort !== sortRaw) problems.push({ key: "error.sort.unknown", params: { value: shorten(sortRaw) } });

  const pageRaw = params.get("page") || "1";
  let page = 1;
  if (!/^\d{1,9}$/.test(pageRaw) || Number(pageRaw) < 1) {
    problems.push({ key: "error.page.invalid", params: { value: shorten(pageRaw) } });
  } else if (Number(pageRaw) > MAX_PAGE) {
    problems.push({ key: "error.page.tooLarge", params: { max: MAX_PAGE } });
  } else {
    page = Number(pageRaw);
  }

  return {
    query: {
      ...{ q: q.slice(0, MAX_QUERY_LENGTH), kinds, areas, fields, districts, verifiedOnly, sort, page },
      ...(params.get("concepts") === "off" ? { concepts: false } : {}),
    },
    problems,
  };
}

/** The URL search string for a query; defaults are left out so URLs stay short. */
export function directorySearch(query: Partial<DirectoryQuery>): string {
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

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
