import type { z } from "zod";
import {
  apiEventsQuerySchema,
  apiExpertsQuerySchema,
  apiOffersQuerySchema,
  apiOrganizationsQuerySchema,
  apiRequestsQuerySchema,
  MAX_QUERY_LENGTH,
  MAX_PER_PAGE,
  MAX_RESULTS,
  MAX_VALUES,
  LANGUAGES,
  readListQuery,
  SORTS,
  type ApiEventsQuery,
  type ApiExpertsQuery,
  type ApiOffersQuery,
  type ApiOrganizationsQuery,
  type ApiRequestsQuery,
  type ParamProblem,
} from "~/utils/list-queries";
import { ACCESS_MODES, IP_STATUSES, PRICE_MODES } from "~/domain/offer-values";
import { ApiError, badParameter } from "./errors";

/**
 * Query strings of the list endpoints, read by their schemas
 * (app/utils/list-queries.ts). Like the pages, the API reports every bad value
 * rather than dropping it; being held to its document, it refuses the first with
 * a 400 that names it: a typo in a filter must not quietly return everything.
 */
export {
  DEFAULT_PER_PAGE,
  LANGUAGES,
  MAX_PER_PAGE,
  MAX_QUERY_LENGTH,
  MAX_RESULTS,
  MAX_VALUES,
  SORTS,
} from "~/utils/list-queries";

export type Paging = { page: number; perPage: number };
export type OrganizationQuery = ApiOrganizationsQuery;
export type ExpertQuery = ApiExpertsQuery;
export type RequestQuery = ApiRequestsQuery;
export type OfferApiQuery = ApiOffersQuery;
export type EventApiQuery = ApiEventsQuery;

/** How a filter's value is named in a message. */
const WHAT: Record<string, string> = { ward: "ward or commune" };

/** The API's words for a problem with one parameter. */
function apiProblem({ name, kind, value, count }: ParamProblem): ApiError {
  const quoted = `"${name}"`;
  switch (kind) {
    case "repeated":
      return badParameter(`${quoted} may be given only once.`);
    case "empty":
      return badParameter(`${quoted} may not be empty.`);
    case "tooMany":
      return badParameter(`${quoted} may be given at most ${MAX_VALUES} times (got ${count}).`);
    case "tooLong":
      return badParameter(`${quoted} may be at most ${MAX_QUERY_LENGTH} characters long.`);
    case "tooLarge":
      return badParameter(`${quoted} may be at most ${MAX_PER_PAGE} (got ${value}).`);
    case "invalid":
      return badParameter(
        name === "verified"
          ? `${quoted} must be true or false (got "${shorten(value)}").`
          : name === "updatedSince"
            ? `${quoted} must be a date (2026-12-05) or a date-time with its zone (2026-12-05T08:00:00Z) (got "${shorten(value)}").`
            : `${quoted} must be a whole number from 1 (got "${shorten(value)}").`,
      );
    case "unknown": {
      const choices = CHOICES[name];
      if (choices) return badParameter(`${quoted} must be one of ${choices.join(", ")} (got "${shorten(value)}").`);
      return badParameter(
        `Unknown ${WHAT[name] ?? name} "${shorten(value)}" in ${quoted}${UNKNOWN_HINTS[name] ?? ""}.`,
      );
    }
  }
}

/** The single-valued choices, named in full when a value is not one of them. */
const CHOICES: Record<string, readonly string[]> = {
  sort: SORTS,
  lang: LANGUAGES,
  trl: ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
  price: PRICE_MODES,
  access: ACCESS_MODES,
  ip: IP_STATUSES,
  when: ["upcoming", "past"],
};

/** Filters whose values are many, named with where to find them when one is not. */
const UNKNOWN_HINTS: Record<string, string> = {
  country: " (an ISO 3166-1 alpha-2 code in capitals, such as JP; Vietnam has none: use based=domestic)",
  based: " (domestic or abroad)",
};

type ApiSchema =
  | typeof apiOrganizationsQuerySchema
  | typeof apiExpertsQuerySchema
  | typeof apiRequestsQuerySchema
  | typeof apiOffersQuerySchema
  | typeof apiEventsQuerySchema;

function readApiQuery<S extends ApiSchema>(schema: S, params: URLSearchParams) {
  const allowed = Object.keys(schema.innerType().shape);
  for (const name of new Set(params.keys())) if (!allowed.includes(name)) throw unknownParameter(name, allowed);
  const { query, problems } = readListQuery(schema, params, "api");
  if (problems[0]) throw apiProblem(problems[0]);
  if ((query.page - 1) * query.perPage >= MAX_RESULTS) {
    throw new ApiError(
      400,
      "page_out_of_range",
      `Only the first ${MAX_RESULTS} results can be paged through; narrow the search.`,
    );
  }
  return query as z.output<S>;
}

export const parseOrganizationQuery = (params: URLSearchParams) => readApiQuery(apiOrganizationsQuerySchema, params);
export const parseExpertQuery = (params: URLSearchParams) => readApiQuery(apiExpertsQuerySchema, params);
export const parseRequestQuery = (params: URLSearchParams) => readApiQuery(apiRequestsQuerySchema, params);
export const parseOfferQuery = (params: URLSearchParams) => readApiQuery(apiOffersQuerySchema, params);
export const parseEventQuery = (params: URLSearchParams) => readApiQuery(apiEventsQuerySchema, params);

function unknownParameter(name: string, allowed: readonly string[]): ApiError {
  const accepted = allowed.length ? `this endpoint accepts ${allowed.join(", ")}` : "this endpoint takes no parameters";
  return new ApiError(400, "unknown_parameter", `Unknown parameter "${shorten(name)}"; ${accepted}.`);
}

/** Endpoints without parameters still refuse unknown ones. */
export function parseNoParameters(params: URLSearchParams) {
  for (const name of params.keys()) throw unknownParameter(name, []);
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
