import { z } from "zod";
import type { MessageKey } from "~/i18n/messages";
import { isDistrictSlug } from "~/domain/districts";
import { OFFERS } from "~/domain/expert-values";
import { ORGANIZATION_KINDS } from "~/domain/organization-values";
import { REQUESTER_TYPES, SECTORS } from "~/domain/request-values";
import { ACCESS_MODES, IP_STATUSES, OFFER_TYPES, PRICE_MODES, TRL_MAX, TRL_MIN } from "~/domain/offer-values";
import { isWardSlug } from "~/domain/wards";
import { EVENT_FORMATS, EVENT_KINDS } from "~/domain/event-values";
import { isCountryCode } from "~/domain/overseas";

/**
 * One Zod schema per list URL: the directory, experts and requests pages and
 * their three API endpoints. Each schema takes the parameters as sent (a
 * repeatable one as an array) and names its output as the search takes it;
 * `search/` derives its input types from these (z.output), which is why they
 * sit in this bottom layer. One policy everywhere: a bad value is reported,
 * never dropped (docs/decisions/042). Pages and API differ only in spelling
 * (pages trim, ignore empty values and unknown names; the API, held to its
 * document, refuses them) and in how a problem is worded.
 */
export const MAX_QUERY_LENGTH = 200;
export const MAX_VALUES = 20;
/** Pages show 20 a page, and the engine counts up to 10,000 hits. */
export const MAX_PAGE = 500;
export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
export const MAX_RESULTS = 10_000;
export const SORTS = ["relevance", "name", "newest"] as const;
export const LANGUAGES = ["vi", "en"] as const;

/** What is wrong with one parameter; each surface words it (the issue's message is this). */
export type ProblemKind = "repeated" | "empty" | "tooLong" | "tooMany" | "unknown" | "invalid" | "tooLarge";
const problem = (kind: ProblemKind) => ({ message: kind });

// The shared pieces.

/** Search words: at most 200 characters as sent (code points, as JSON Schema counts); control characters dropped. */
const text = z
  .string()
  .default("")
  .refine((value) => [...value].length <= MAX_QUERY_LENGTH, problem("tooLong"))
  .transform((value) =>
    value
      .replace(/[\u0000-\u001f\u007f]/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  );

const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const slug = z.string().max(80, problem("unknown")).regex(SLUG, problem("unknown"));
const known = (valid: (value: string) => boolean) => z.string().refine(valid, problem("unknown"));
/** A filter value from a vocabulary; plain strings out, as the search and the database take them. */
const member = (values: readonly string[]) => known((value) => values.includes(value));

/** A repeatable filter: any of its values matches; at most 20 as sent, searched once each. */
const list = <T extends z.ZodTypeAny>(item: T) =>
  z
    .array(item)
    .max(MAX_VALUES, problem("tooMany"))
    .default([])
    .transform((values) => [...new Set(values)] as z.output<T>[]);
/** The API's filters refuse an empty value ("may not be empty") before checking it. */
const apiList = <T extends z.ZodTypeAny>(item: T) => list(z.string().min(1, problem("empty")).pipe(item));

/** A choice with its default first. */
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values as unknown as [T[number], ...T[number][]], { errorMap: () => problem("unknown") }).default(values[0]);

/** A yes/no flag in the spellings given; absent is no. */
const flag = (yes: readonly string[], no: readonly [string, ...string[]]) =>
  z
    .string()
    .default(no[0])
    .refine((value) => yes.includes(value) || no.includes(value), problem("invalid"))
    .transform((value) => yes.includes(value));

/** A whole number from 1, up to `max`. */
const wholeNumber = (fallback: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .regex(/^\d{1,9}$/, problem("invalid"))
    .transform(Number)
    .pipe(z.number().min(1, problem("invalid")).max(max, problem("tooLarge")))
    .default(String(fallback));

// The pages' URLs.

/** `off`: the words alone, without the fields they were read as (decision 044) */
const conceptsSwitch = choice(["on", "off"] as const);
const conceptsOff = (value: string): { concepts?: boolean } => (value === "off" ? { concepts: false } : {});

export const directoryQuerySchema = z
  .object({
    q: text,
    kind: list(member(ORGANIZATION_KINDS)),
    area: list(slug),
    field: list(slug),
    district: list(known(isDistrictSlug)),
    verified: flag(["1", "true", "on"], ["0", "false", "off"]),
    sort: choice(SORTS),
    page: wholeNumber(1, MAX_PAGE),
    concepts: conceptsSwitch,
  })
  .transform(({ kind, area, field, district, verified, concepts, ...rest }) => ({
    ...rest,
    kinds: kind,
    areas: area,
    fields: field,
    districts: district,
    verifiedOnly: verified,
    ...conceptsOff(concepts),
  }));

/** The experts and requests pages: text, field groups, the list's own filter (`extra`), a page. */
const listingWords = { q: text, area: list(slug) };
const listingPage = { page: wholeNumber(1, MAX_PAGE), concepts: conceptsSwitch };

/** A listing page's output: its field groups as `areas`, its own filter as `extra`. */
function listingQuery<R extends { area: string[]; concepts: string }>({ area, concepts, ...rest }: R, extra: string[]) {
  return { ...rest, areas: area, extra, ...conceptsOff(concepts) };
}

/** "Nơi làm việc": in Vietnam or abroad, and the country abroad (docs/decisions/076). */
export const EXPERT_BASES = ["domestic", "abroad"] as const;

export const expertsPageQuerySchema = z
  .object({
    ...listingWords,
    offer: list(member(OFFERS)),
    based: list(member(EXPERT_BASES)),
    country: list(known(isCountryCode)),
    // "Đã xác minh đơn vị công tác" (docs/decisions/069), spelled as the directory's verified filter.
    verified: flag(["1", "true", "on"], ["0", "false", "off"]),
    ...listingPage,
  })
  .transform(({ offer, based, country, verified, ...rest }) => ({
    ...listingQuery(rest, offer),
    based,
    countries: country,
    verifiedOnly: verified,
  }));

export const requestsPageQuerySchema = z
  .object({ ...listingWords, sector: list(member(SECTORS)), requester: list(member(REQUESTER_TYPES)), ...listingPage })
  .transform(({ sector, requester, ...rest }) => ({ ...listingQuery(rest, sector), requester }));

/** A TRL from 1 to 9, as a number (the index holds it as one). */
const trl = z
  .string()
  .regex(/^\d$/, problem("unknown"))
  .transform(Number)
  .pipe(z.number().min(TRL_MIN, problem("unknown")).max(TRL_MAX, problem("unknown")));

/** The offers' facets, shared by the page and the API (the API's type is its path). */
const offerFacets = <T extends z.ZodTypeAny>(item: (inner: z.ZodTypeAny) => T) => ({
  field: item(slug),
  price: item(member(PRICE_MODES)),
  access: item(member(ACCESS_MODES)),
  district: item(known(isDistrictSlug)),
  ward: item(known(isWardSlug)),
  kind: item(member(ORGANIZATION_KINDS)),
  trl: item(trl),
  ip: item(member(IP_STATUSES)),
});

type OfferFacetsSent = {
  field: string[];
  price: string[];
  access: string[];
  district: string[];
  ward: string[];
  kind: string[];
  trl: number[];
  ip: string[];
};
/** The facets as the search takes them. */
function offerFilters({ field, price, access, district, ward, kind, trl, ip }: OfferFacetsSent) {
  return {
    fields: field,
    priceModes: price,
    accessModes: access,
    districts: district,
    wards: ward,
    kinds: kind,
    trls: trl,
    ipStatuses: ip,
  };
}

/** The offers page: every facet of issue 17, a sort, a page. */
export const offersPageQuerySchema = z
  .object({
    q: text,
    type: list(member(OFFER_TYPES)),
    area: list(slug),
    ...offerFacets(list),
    sort: choice(SORTS),
    ...listingPage,
  })
  .transform(({ type, area, concepts, field, price, access, district, ward, kind, trl, ip, ...rest }) => ({
    ...rest,
    types: type,
    areas: area,
    ...offerFilters({ field, price, access, district, ward, kind, trl, ip }),
    ...conceptsOff(concepts),
  }));

// The API's URLs (docs/decisions/026: the published document fixes them).

const paging = { page: wholeNumber(1), perPage: wholeNumber(DEFAULT_PER_PAGE, MAX_PER_PAGE) };

export const apiOrganizationsQuerySchema = z
  .object({
    q: text,
    kind: apiList(member(ORGANIZATION_KINDS)),
    field: apiList(slug),
    // `district` is the older name of `area`; both filter the former district.
    area: apiList(known(isDistrictSlug)),
    district: apiList(known(isDistrictSlug)),
    ward: apiList(known(isWardSlug)),
    verified: flag(["true"], ["false"]),
    sort: choice(SORTS),
    lang: choice(LANGUAGES),
    ...paging,
  })
  .transform(({ kind, field, area, district, ward, verified, ...rest }) => ({
    ...rest,
    kinds: kind,
    fields: field,
    districts: [...new Set([...area, ...district])],
    wards: ward,
    verifiedOnly: verified,
  }));

/** The page's "Nơi làm việc" under the same names: `based` (domestic, abroad) and `country` (ISO code). */
export const apiExpertsQuerySchema = z
  .object({
    q: text,
    field: apiList(slug),
    offer: apiList(member(OFFERS)),
    based: apiList(member(EXPERT_BASES)),
    country: apiList(known(isCountryCode)),
    verified: flag(["true"], ["false"]),
    ...paging,
  })
  .transform(({ field, offer, based, country, verified, ...rest }) => ({
    ...rest,
    fields: field,
    offers: offer,
    based,
    countries: country,
    verifiedOnly: verified,
  }));

export const apiRequestsQuerySchema = z
  .object({
    q: text,
    field: apiList(slug),
    sector: apiList(member(SECTORS)),
    requesterType: apiList(member(REQUESTER_TYPES)),
    ...paging,
  })
  .transform(({ field, sector, requesterType, ...rest }) => ({
    ...rest,
    fields: field,
    sectors: sector,
    requester: requesterType,
  }));

/** An ISO 8601 date or date-time: changed at or after it. */
const since = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/, problem("invalid"))
  .transform((value) => new Date(value))
  .refine((date) => !Number.isNaN(date.getTime()), problem("invalid"))
  .optional();

/** /api/v1/services, /equipment, /technologies: the page's facets (field takes an area too). */
export const apiOffersQuerySchema = z
  .object({
    q: text,
    ...offerFacets(apiList),
    area: apiList(known(isDistrictSlug)),
    updatedSince: since,
    sort: choice(SORTS),
    lang: choice(LANGUAGES),
    ...paging,
  })
  .transform(({ field, price, access, district, ward, kind, trl, ip, area, updatedSince, ...rest }) => ({
    ...rest,
    ...offerFilters({ field, price, access, district: [...new Set([...area, ...district])], ward, kind, trl, ip }),
    updatedSince: updatedSince ?? null,
  }));

export type DirectoryQuery = z.output<typeof directoryQuerySchema>;
export type ExpertsPageQuery = z.output<typeof expertsPageQuerySchema>;
export type RequestsPageQuery = z.output<typeof requestsPageQuerySchema>;
export type ApiOrganizationsQuery = z.output<typeof apiOrganizationsQuerySchema>;
export type ApiExpertsQuery = z.output<typeof apiExpertsQuerySchema>;
export type ApiRequestsQuery = z.output<typeof apiRequestsQuerySchema>;
export type OffersPageQuery = z.output<typeof offersPageQuerySchema>;
export type ApiOffersQuery = z.output<typeof apiOffersQuerySchema>;
export type Sort = DirectoryQuery["sort"];

/** What the engine's experts and requests search takes: words and a page, as both URLs give them. */
export type ListingTextAndPage = Pick<ApiExpertsQuery | ApiRequestsQuery, "q" | "page" | "perPage">;
/**
 * What the search gateway's experts and requests search takes: a page's field
 * groups and list filter (`extra`: offers or sectors), the API's fields and page size.
 */
export type ListingFilters = ListingTextAndPage &
  Pick<ExpertsPageQuery | RequestsPageQuery, "areas" | "extra"> &
  Pick<ApiExpertsQuery | ApiRequestsQuery, "fields"> & {
    /** Requests only: business or public agency (the "Bên đặt hàng" facet) */
    requester?: string[];
    /** Experts only: in Vietnam or abroad, and the countries abroad (docs/decisions/076) */
    based?: string[];
    countries?: string[];
    /** Experts only: those whose affiliation is verified (docs/decisions/069) */
    verifiedOnly?: boolean;
  };

// Reading a URL with one of them.

type ListSchema = z.ZodEffects<z.AnyZodObject>;
type Sent = Record<string, string | string[] | undefined>;
export type Spelling = "page" | "api";
export type ParamProblem = { name: string; kind: ProblemKind; value: string; count: number };

/** The parameters the schema knows, as sent: its lists as arrays, others as a string (an array if repeated). */
export function sentParams(schema: ListSchema, params: URLSearchParams, spelling: Spelling): Sent {
  const sent: Sent = {};
  for (const [name, field] of Object.entries(schema.innerType().shape)) {
    let values = params.getAll(name);
    // Pages come from forms and links: blanks around a value, and empty values, mean nothing.
    if (spelling === "page") values = values.map((value) => value.trim()).filter(Boolean);
    if (isList(field as z.ZodTypeAny)) sent[name] = spelling === "page" ? [...new Set(values)] : values;
    else if (values.length > 0) sent[name] = values.length === 1 ? values[0] : values;
  }
  return sent;
}

function isList(field: z.ZodTypeAny): boolean {
  let inner: z.ZodTypeAny = field;
  while (inner instanceof z.ZodEffects || inner instanceof z.ZodDefault) {
    inner = inner instanceof z.ZodEffects ? inner.innerType() : inner.removeDefault();
  }
  return inner instanceof z.ZodArray;
}

/**
 * Reads the URL; every problem is returned, and the query still holds what the
 * rest asks for (a bad filter value is left out, a bad single value takes its
 * default), so a page can show results under its messages.
 */
export function readListQuery<S extends ListSchema>(
  schema: S,
  params: URLSearchParams,
  spelling: Spelling,
): { query: z.output<S>; problems: ParamProblem[] } {
  const sent = sentParams(schema, params, spelling);
  const first = schema.safeParse(sent);
  if (first.success) return { query: first.data, problems: [] };
  const problems: ParamProblem[] = [];
  const repaired: Sent = { ...sent };
  const tooMany = new Set<string>();
  for (const issue of first.error.issues) {
    const [name, index] = issue.path as [string, number | undefined];
    const given = sent[name];
    const values = Array.isArray(given) ? given : [given ?? ""];
    if (tooMany.has(name)) continue;
    const kind: ProblemKind =
      issue.code === "invalid_type" && Array.isArray(given) ? "repeated" : (issue.message as ProblemKind);
    if (kind === "tooMany") tooMany.add(name);
    const value = (typeof index === "number" ? values[index] : values[0]) ?? "";
    problems.push({ name, kind, value, count: values.length });
    if (kind === "tooMany") repaired[name] = [];
    // Over-long words are still searched, cut to the limit.
    else if (kind === "tooLong") repaired[name] = [...value].slice(0, MAX_QUERY_LENGTH).join("");
    else if (typeof index === "number" && Array.isArray(given)) {
      repaired[name] = (repaired[name] as string[]).filter((item) => item !== given[index]);
    } else delete repaired[name];
  }
  // The first problem of a list comes before its values' (zod checks the count first).
  const cleared = problems.filter((found) => !tooMany.has(found.name) || found.kind === "tooMany");
  return { query: schema.parse(repaired), problems: cleared };
}

// How the pages word a problem.

export type QueryProblem = { key: MessageKey; params?: Record<string, string | number> };

const UNKNOWN_KEYS: Record<string, MessageKey> = {
  kind: "error.kind.unknown",
  area: "error.area.unknown",
  field: "error.field.unknown",
  district: "error.district.unknown",
  offer: "error.offer.unknown",
  sector: "error.sector.unknown",
  sort: "error.sort.unknown",
  concepts: "error.concepts.unknown",
  type: "error.offerType.unknown",
  price: "error.priceMode.unknown",
  access: "error.accessMode.unknown",
  ward: "error.ward.unknown",
  trl: "error.trl.unknown",
  ip: "error.ipStatus.unknown",
  when: "error.eventWhen.unknown",
  format: "error.eventFormat.unknown",
  organizer: "error.organizer.unknown",
  // The experts' "Nơi làm việc" and country (docs/decisions/076)
  based: "error.based.unknown",
  country: "error.country.unknown",
};

export function pageProblem({ name, kind, value }: ParamProblem): QueryProblem {
  const shown = { value: shorten(value) };
  switch (kind) {
    case "repeated":
      return { key: "error.param.repeated", params: { name: shorten(name) } };
    case "tooLong":
      return { key: "error.q.tooLong", params: { max: MAX_QUERY_LENGTH } };
    case "tooMany":
      return { key: "error.tooManyValues", params: { max: MAX_VALUES } };
    case "tooLarge":
      return { key: "error.page.tooLarge", params: { max: MAX_PAGE } };
    case "unknown":
      return { key: UNKNOWN_KEYS[name] ?? "error.field.unknown", params: shown };
    default:
      return { key: name === "verified" ? "error.verified.invalid" : "error.page.invalid", params: shown };
  }
}

/** A page's URL: the query, and its problems in the visitor's words. */
export function readPageQuery<S extends ListSchema>(schema: S, params: URLSearchParams) {
  const { query, problems } = readListQuery(schema, params, "page");
  return { query, problems: problems.map(pageProblem) };
}

export function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

// Events (docs/decisions/072): their own block, so the list's URL is read by the same policy.

/** /events: words, upcoming or past, kind, format, place, field, organizer, a page. */
export const eventsPageQuerySchema = z
  .object({
    q: text,
    when: choice(["upcoming", "past"] as const),
    kind: list(member(EVENT_KINDS)),
    format: list(member(EVENT_FORMATS)),
    district: list(known(isDistrictSlug)),
    field: list(slug),
    organizer: list(slug),
    page: wholeNumber(1, MAX_PAGE),
  })
  .transform(({ kind, format, district, field, organizer, ...rest }) => ({
    ...rest,
    kinds: kind,
    formats: format,
    districts: district,
    fields: field,
    organizers: organizer,
  }));
export type EventsPageQuery = z.output<typeof eventsPageQuerySchema>;

/** /api/v1/events: the page's filters under the API's names (`area` for the former district), and its paging. */
export const apiEventsQuerySchema = z
  .object({
    q: text,
    when: choice(["upcoming", "past"] as const),
    kind: apiList(member(EVENT_KINDS)),
    format: apiList(member(EVENT_FORMATS)),
    area: apiList(known(isDistrictSlug)),
    field: apiList(slug),
    organizer: apiList(slug),
    ...paging,
  })
  .transform(({ kind, format, area, field, organizer, ...rest }) => ({
    ...rest,
    kinds: kind,
    formats: format,
    districts: area,
    fields: field,
    organizers: organizer,
  }));
export type ApiEventsQuery = z.output<typeof apiEventsQuerySchema>;
