import { isDistrictSlug } from "~/domain/districts";
import { isWardSlug } from "~/domain/wards";
import { OFFERS } from "~/domain/expert-values";
import { ORGANIZATION_KINDS } from "~/domain/organization-values";
import { SECTORS } from "~/domain/request-values";
import { ApiError, badParameter } from "./errors";

/**
 * Query strings of the list endpoints. Unlike the pages (which drop a bad
 * value and still show something), the API refuses anything it does not
 * understand with a 400 that names it: a typo in a filter must not quietly
 * return everything.
 */
export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
/** The engine pages through the first 10,000 hits only (pagination.maxTotalHits). */
export const MAX_RESULTS = 10_000;
export const MAX_QUERY_LENGTH = 200;
export const MAX_VALUES = 20;
export const SORTS = ["relevance", "name", "newest"] as const;
export const LANGUAGES = ["vi", "en"] as const;

const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

export type Paging = { page: number; perPage: number };

export type OrganizationQuery = Paging & {
  q: string;
  kinds: string[];
  /** Taxonomy slugs as given (areas or fields); see expandFields */
  fields: string[];
  /** Areas: former districts (`area`, or `district` as before) */
  districts: string[];
  wards: string[];
  verifiedOnly: boolean;
  sort: (typeof SORTS)[number];
  lang: (typeof LANGUAGES)[number];
};
export type ExpertQuery = Paging & { q: string; fields: string[]; offers: string[] };
export type RequestQuery = Paging & { q: string; fields: string[]; sectors: string[] };

/** Reads one endpoint's parameters, refusing names it does not know. */
class QueryReader {
  constructor(
    private readonly params: URLSearchParams,
    allowed: readonly string[],
  ) {
    for (const name of new Set(params.keys())) {
      if (!allowed.includes(name)) throw unknownParameter(name, allowed);
    }
  }

  /**
   * A parameter given at most once, as sent (null when absent). An empty value is
   * a value: the document promises that a bad one is refused, never ignored.
   */
  single(name: string): string | null {
    const values = this.params.getAll(name);
    if (values.length > 1) throw badParameter(`"${name}" may be given only once.`);
    return values[0] ?? null;
  }

  /**
   * A repeatable parameter (`kind=lab&kind=institute`): any of the values matches.
   * Counted as sent (maxItems), duplicates included; each value must be valid as it is.
   */
  many(name: string, valid: (value: string) => boolean, what: string): string[] {
    const sent = this.params.getAll(name);
    if (sent.length > MAX_VALUES)
      throw badParameter(`"${name}" may be given at most ${MAX_VALUES} times (got ${sent.length}).`);
    if (sent.includes("")) throw badParameter(`"${name}" may not be empty.`);
    const bad = sent.find((value) => !valid(value));
    if (bad !== undefined) throw badParameter(`Unknown ${what} "${shorten(bad)}" in "${name}".`);
    return [...new Set(sent)];
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.single(name) ?? fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      throw badParameter(`"${name}" must be one of ${allowed.join(", ")} (got "${shorten(value)}").`);
    }
    return value as T;
  }

  boolean(name: string): boolean {
    // Only the document's two spellings: 1, yes or an empty value would be guesses.
    const value = this.single(name);
    if (value === null || value === "false") return false;
    if (value === "true") return true;
    throw badParameter(`"${name}" must be true or false (got "${shorten(value)}").`);
  }

  text(name: string): string {
    const sent = this.single(name) ?? "";
    // The limit applies to the value as sent, in characters (code points) as JSON Schema counts them.
    if ([...sent].length > MAX_QUERY_LENGTH)
      throw badParameter(`"${name}" may be at most ${MAX_QUERY_LENGTH} characters long.`);
    // Control characters carry no meaning in a search: dropped, not refused.
    return sent
      .replace(/[\u0000-\u001f\u007f]/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  }

  paging(): Paging {
    const perPage = this.integer("perPage", DEFAULT_PER_PAGE);
    if (perPage > MAX_PER_PAGE) throw badParameter(`"perPage" may be at most ${MAX_PER_PAGE} (got ${perPage}).`);
    const page = this.integer("page", 1);
    if ((page - 1) * perPage >= MAX_RESULTS) {
      throw new ApiError(
        400,
        "page_out_of_range",
        `Only the first ${MAX_RESULTS} results can be paged through; narrow the search.`,
      );
    }
    return { page, perPage };
  }

  private integer(name: string, fallback: number): number {
    const value = this.single(name);
    if (value === null) return fallback;
    if (!/^\d{1,9}$/.test(value) || Number(value) < 1) {
      throw badParameter(`"${name}" must be a whole number from 1 (got "${shorten(value)}").`);
    }
    return Number(value);
  }
}

const isSlug = (value: string) => SLUG.test(value) && value.length <= 80;
const within = (list: readonly string[]) => (value: string) => list.includes(value);

export function parseOrganizationQuery(params: URLSearchParams): OrganizationQuery {
  const read = new QueryReader(params, [
    "q",
    "kind",
    "field",
    "area",
    "district",
    "ward",
    "verified",
    "sort",
    "lang",
    "page",
    "perPage",
  ]);
  return {
    q: read.text("q"),
    kinds: read.many("kind", within(ORGANIZATION_KINDS), "kind"),
    fields: read.many("field", isSlug, "field"),
    // `district` is the older name of `area`; both filter the former district.
    districts: [
      ...new Set([...read.many("area", isDistrictSlug, "area"), ...read.many("district", isDistrictSlug, "district")]),
    ],
    wards: read.many("ward", isWardSlug, "ward or commune"),
    verifiedOnly: read.boolean("verified"),
    sort: read.oneOf("sort", SORTS, "relevance"),
    lang: read.oneOf("lang", LANGUAGES, "vi"),
    ...read.paging(),
  };
}

export function parseExpertQuery(params: URLSearchParams): ExpertQuery {
  const read = new QueryReader(params, ["q", "field", "offer", "page", "perPage"]);
  return {
    q: read.text("q"),
    fields: read.many("field", isSlug, "field"),
    offers: read.many("offer", within(OFFERS), "offer"),
    ...read.paging(),
  };
}

export function parseRequestQuery(params: URLSearchParams): RequestQuery {
  const read = new QueryReader(params, ["q", "field", "sector", "page", "perPage"]);
  return {
    q: read.text("q"),
    fields: read.many("field", isSlug, "field"),
    sectors: read.many("sector", within(SECTORS), "sector"),
    ...read.paging(),
  };
}

function unknownParameter(name: string, allowed: readonly string[]): ApiError {
  const accepted = allowed.length ? `this endpoint accepts ${allowed.join(", ")}` : "this endpoint takes no parameters";
  return new ApiError(400, "unknown_parameter", `Unknown parameter "${shorten(name)}"; ${accepted}.`);
}

/** Endpoints without parameters still refuse unknown ones. */
export function parseNoParameters(params: URLSearchParams) {
  new QueryReader(params, []);
}

type TaxonomyLike = {
  fields: readonly { slug: string; areaSlug: string | null }[];
  bySlug: ReadonlyMap<string, { areaSlug: string | null }>;
};

/**
 * The `field` filter takes any slug of the taxonomy: a field, or an area
 * standing for every field under it. Listings are filed under fields, so
 * areas are expanded here and one `fieldSlugs IN […]` filter serves both.
 */
export function expandFields(slugs: readonly string[], taxonomy: TaxonomyLike): string[] {
  const expanded = new Set<string>();
  for (const slug of slugs) {
    const found = taxonomy.bySlug.get(slug);
    if (!found) throw badParameter(`Unknown field "${shorten(slug)}" in "field" (see /api/v1/fields).`);
    // The area itself too: the set is never empty (empty would mean "no filter").
    expanded.add(slug);
    if (found.areaSlug === null)
      for (const field of taxonomy.fields) if (field.areaSlug === slug) expanded.add(field.slug);
  }
  return [...expanded];
}

/** Pages needed for `total` results (the engine serves the first MAX_RESULTS). */
export function pageCount(total: number, perPage: number): number {
  return Math.ceil(Math.min(total, MAX_RESULTS) / perPage);
}

/** A page past the last one is a client error, except page 1 of an empty result. */
export function checkPageInRange(paging: Paging, total: number) {
  const last = Math.max(1, pageCount(total, paging.perPage));
  if (paging.page > last) {
    throw new ApiError(400, "page_out_of_range", `Page ${paging.page} is past the last page (${last}).`);
  }
}

function shorten(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f"]/g, "");
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
