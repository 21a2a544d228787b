import { DISTRICTS } from "~/domain/districts";
import { WARDS } from "~/domain/wards";
import { ACADEMIC_TITLES, LINK_KINDS, OFFERS } from "~/domain/expert-values";
import { ORGANIZATION_KINDS } from "~/domain/organization-values";
import { EVENT_FORMATS, EVENT_KINDS } from "~/domain/event-values";
import { COUNTRIES, WORK_LANGUAGES, WORK_MODES } from "~/domain/overseas";
import { EXPERT_BASES } from "~/utils/list-queries";
import { BUDGETS, COMPANY_SIZES, REQUESTER_TYPES, SECTORS, VISIBILITIES } from "~/domain/request-values";
import {
  ACCESS_MODES,
  AUDIENCES,
  EQUIPMENT_CATEGORIES,
  IP_STATUSES,
  OFFER_TYPE_PATHS,
  OFFER_TYPES,
  OFFERED_AS,
  PRICE_MODES,
  TRL_MAX,
  TRL_MIN,
} from "~/domain/offer-values";
import { SLUG_PATTERN } from "~/utils/text";
import { ERROR_CODES } from "./errors";
import { DEFAULT_PER_PAGE, LANGUAGES, MAX_PER_PAGE, MAX_QUERY_LENGTH, MAX_RESULTS, MAX_VALUES, SORTS } from "./params";

/**
 * The OpenAPI 3.1 document of /api/v1, built from the same constants the
 * code validates with (kinds, districts, limits), so the two cannot drift
 * apart on those; the e2e test validates real responses against it.
 * Objects are closed (additionalProperties: false): a property the document
 * does not name fails that test, which is how a leak would show.
 */
type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: Schema): Schema =>
  "$ref" in schema
    ? { anyOf: [schema, { type: "null" }] }
    : {
        ...schema,
        type: [schema.type, "null"],
        // An enum names every value allowed: null too.
        ...(Array.isArray(schema.enum) ? { enum: [...schema.enum, null] } : {}),
      };
const text = (description?: string): Schema => ({ type: "string", ...(description ? { description } : {}) });
const oneOf = (values: readonly string[], description?: string): Schema => ({
  type: "string",
  enum: [...values],
  ...(description ? { description } : {}),
});
const arrayOf = (items: Schema, description?: string): Schema => ({
  type: "array",
  items,
  ...(description ? { description } : {}),
});
const uri = (description: string): Schema => ({ type: "string", format: "uri", description });
const dateTime = (description: string): Schema => ({ type: "string", format: "date-time", description });
/** The slug in an API path, as the API checks it. */
const SLUG = SLUG_PATTERN.source;
const slug = (description: string): Schema => ({ type: "string", pattern: SLUG, description });

/** A closed object whose properties are all present (null when unknown). */
function object(properties: Record<string, Schema>, description?: string): Schema {
  return {
    type: "object",
    additionalProperties: false,
    required: Object.keys(properties),
    properties,
    ...(description ? { description } : {}),
  };
}

const names = {
  nameVi: nullable(text("Name in Vietnamese")),
  nameEn: nullable(text("Name in English")),
};
/** A listing's identity, texts and place, as its summary and its whole resource start. */
const listingTexts = {
  slug: slug("Stable identifier"),
  kind: oneOf(ORGANIZATION_KINDS),
  ...names,
  acronym: nullable(text()),
  summaryVi: nullable(text()),
  summaryEn: nullable(text()),
  area: nullable(ref("District")),
  district: nullable({ ...ref("District"), description: "Deprecated: the same as `area`" }),
  ward: nullable(ref("Ward")),
};
const addresses = {
  url: uri("This resource in the API"),
  webUrl: uri("Its page on the portal"),
};

/** An expertise profile based abroad (docs/decisions/076); null and empty lists when based in Vietnam. */
const overseasProperties = {
  country: nullable({
    type: "string",
    pattern: "^[A-Z]{2}$",
    description: "ISO 3166-1 alpha-2 code of the country the expert works in; null: based in Vietnam",
  }),
  institutionAbroad: nullable(text("The institution abroad, as written")),
  workModes: arrayOf(oneOf(WORK_MODES), "How an expert abroad can work with Hanoi"),
  languages: arrayOf(oneOf(WORK_LANGUAGES), "Working languages (ISO 639-1)"),
};

const schemas: Record<string, Schema> = {
  Error: object(
    {
      error: object({
        code: oneOf(ERROR_CODES, "Stable, machine-readable"),
        message: text("For the developer reading the response (English)"),
      }),
    },
    "Every error, whatever the status.",
  ),
  Links: object({
    self: uri("This page"),
    next: nullable(uri("The next page; null on the last")),
    prev: nullable(uri("The previous page; null on the first")),
  }),
  District: object(
    {
      slug: oneOf(DISTRICTS.map((district) => district.slug)),
      nameVi: text(),
      nameEn: text(),
    },
    "An area: one of Hanoi's 30 former district-level units (before the July 2025 reform, which removed them); still how people browse and search.",
  ),
  Ward: object(
    {
      slug: oneOf(WARDS.map((ward) => ward.slug)),
      type: oneOf(["phuong", "xa"], "phuong: ward; xa: commune"),
      nameVi: text("Without the Phường/Xã prefix"),
      nameEn: text(),
    },
    "One of Hanoi's 126 wards and communes since 1 July 2025 (Resolution 1656/NQ-UBTVQH15). 28 share a name with a former district: a ward is never an area.",
  ),
  FieldRef: object({ slug: slug("A field's slug (see /fields)"), nameVi: text(), nameEn: text() }),
  Area: object(
    {
      slug: slug("The area's slug: as a `field` filter it stands for all its fields"),
      nameVi: text(),
      nameEn: text(),
      fields: arrayOf(ref("FieldRef")),
    },
    "A group of fields in the taxonomy.",
  ),
  OrganizationRef: object({ slug: slug("Organization slug"), ...names, acronym: nullable(text()) }),
  OrganizationSummary: object({
    ...listingTexts,
    verified: { type: "boolean", description: "Checked against an independent public source" },
    parent: nullable(ref("OrganizationRef")),
    fields: arrayOf(slug("Field slug"), "Slugs of every field the organization is filed under"),
    ...addresses,
  }),
  Organization: object({
    ...listingTexts,
    address: nullable(text("Street address as published (older ones still name the former district)")),
    phone: nullable(text('Switchboard number(s), separated by "; "')),
    website: nullable(uri("Its own website")),
    foundedYear: nullable({ type: "integer" }),
    verified: { type: "boolean" },
    verifiedAt: nullable(dateTime("When it was verified")),
    sourceUrl: nullable(uri("Public page the listing's facts were checked against")),
    parent: nullable(
      object({ slug: slug("Parent's slug"), kind: oneOf(ORGANIZATION_KINDS), ...names, acronym: nullable(text()) }),
    ),
    children: arrayOf(
      object({
        slug: slug("Child's slug"),
        kind: oneOf(ORGANIZATION_KINDS),
        ...names,
        acronym: nullable(text()),
        verified: { type: "boolean" },
      }),
      "Published units under it",
    ),
    fields: arrayOf(ref("FieldRef")),
    experts: arrayOf(slug("Expert slug"), "Published experts affiliated with it (up to 100)"),
    updatedAt: dateTime("Last change"),
    ...addresses,
  }),
  ExpertSummary: object({
    slug: slug("Stable identifier"),
    title: oneOf(ACADEMIC_TITLES, "Academic title code (gs_ts: Prof. Dr., pgs_ts: Assoc. Prof. Dr., ts: Dr., …)"),
    fullName: text(),
    position: nullable(text()),
    affiliation: nullable(ref("OrganizationRef")),
    affiliationVerified: {
      type: "boolean",
      description:
        "The researcher proved working at the affiliation (an address at its domain, or an official's check)",
    },
    keywords: arrayOf(text()),
    offers: arrayOf(oneOf(OFFERS)),
    ...overseasProperties,
    fields: arrayOf(slug("Field slug")),
    ...addresses,
  }),
  Expert: object({
    slug: slug("Stable identifier"),
    title: oneOf(ACADEMIC_TITLES),
    fullName: text(),
    position: nullable(text()),
    affiliation: nullable(ref("OrganizationRef")),
    affiliationVerified: {
      type: "boolean",
      description:
        "The researcher proved working at the affiliation (an address at its domain, or an official's check)",
    },
    bioVi: nullable(text()),
    bioEn: nullable(text()),
    orcid: nullable({
      type: "string",
      pattern: "^\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]$",
      description: "ORCID iD, its check digit verified; the record is at https://orcid.org/<orcid>",
    }),
    keywords: arrayOf(text()),
    offers: arrayOf(oneOf(OFFERS)),
    ...overseasProperties,
    fields: arrayOf(ref("FieldRef")),
    links: arrayOf(
      object({
        kind: oneOf(LINK_KINDS),
        title: text(),
        url: nullable(uri("Where to read it")),
        year: nullable({ type: "integer" }),
        authors: nullable(text("Authors as the source lists them, separated by '; '")),
        venue: nullable(text("Journal, conference or publisher")),
        doi: nullable(text("DOI, lower-case, without its resolver (10.xxxx/…)")),
      }),
      "Selected publications, patents and projects",
    ),
    publishedAt: nullable(dateTime("First published")),
    ...addresses,
  }),
  RequestSummary: object(requestProperties(false)),
  Request: object(requestProperties(true)),
  OrganizationList: list("OrganizationSummary"),
  ExpertList: list("ExpertSummary"),
  RequestList: list("RequestSummary"),
  OrganizationResponse: object({ data: ref("Organization") }),
  ExpertResponse: object({ data: ref("Expert") }),
  RequestResponse: object({ data: ref("Request") }),
  FieldsResponse: object({ data: arrayOf(ref("Area")) }),
  OfferSummary: object(offerProperties(false)),
  Offer: object(offerProperties(true)),
  OfferList: list("OfferSummary"),
  OfferResponse: object({ data: ref("Offer") }),
  EventSummary: object(eventProperties(false)),
  Event: object(eventProperties(true)),
  EventList: list("EventSummary"),
  EventResponse: object({ data: ref("Event") }),
};

/** A published event (docs/decisions/072): what its card, or its page, shows. */
function eventProperties(detail: boolean): Record<string, Schema> {
  return {
    slug: slug("Stable identifier"),
    kind: oneOf(EVENT_KINDS),
    titleVi: nullable(text("Title in Vietnamese")),
    titleEn: nullable(text("Title in English")),
    startsAt: dateTime("Start, in UTC (Hanoi is UTC+07:00)"),
    endsAt: dateTime("End, in UTC"),
    format: oneOf(EVENT_FORMATS),
    venue: nullable(text("Where it takes place, as written; null for an online event")),
    area: nullable(ref("District")),
    ward: nullable(ref("Ward")),
    organization: nullable(
      object({ slug: slug("Organization slug"), ...names }, "The published listing that organizes it"),
    ),
    organizerName: nullable(
      text("The organizer as named when no listing is; null with organization null: the city itself"),
    ),
    ...addresses,
    icsUrl: uri("The event as an iCalendar file"),
    ...(detail
      ? {
          status: oneOf(
            ["published", "cancelled"],
            "cancelled: its page stays and says so; it has left the list and its online link is gone",
          ),
          descriptionVi: nullable(text()),
          descriptionEn: nullable(text()),
          onlineUrl: nullable(uri("Where to join online; null for an event in person or cancelled")),
          capacity: nullable({ type: "integer", minimum: 1, description: "Seats; null: no limit" }),
          seatsLeft: nullable({ type: "integer", minimum: 0, description: "Seats not yet taken; null: no limit" }),
        }
      : {}),
    fields: detail ? arrayOf(ref("FieldRef")) : arrayOf(slug("Field slug")),
  };
}

/** A service, an instrument or a technology on offer: one shape, the other types' facts null. */
function offerProperties(detail: boolean): Record<string, Schema> {
  const trl = { type: "integer", minimum: TRL_MIN, maximum: TRL_MAX };
  const lines = (description: string) => arrayOf(text(), description);
  return {
    id: { type: "string", pattern: "^[a-z0-9]+$", description: "Stable identifier" },
    type: oneOf(OFFER_TYPES),
    ...names,
    descriptionVi: nullable(text("What it measures or produces; an instrument's capabilities; the problem solved")),
    descriptionEn: nullable(text()),
    organization: nullable(ref("OrganizationRef")),
    ownerExpert: nullable(
      object(
        { slug: slug("Expert slug"), fullName: text() },
        "The researcher offering a technology in their own name (organization null then)",
      ),
    ),
    area: nullable({ ...ref("District"), description: "An instrument's own area, else its owner's" }),
    ward: nullable(ref("Ward")),
    priceMode: oneOf(PRICE_MODES, "unknown: no price published (always so for offers from public sources)"),
    accessMode: nullable(oneOf(ACCESS_MODES, "Equipment: who runs it")),
    category: nullable(oneOf(EQUIPMENT_CATEGORIES, "Equipment category")),
    trl: nullable({ ...trl, description: "Technology readiness level" }),
    ipStatus: nullable(oneOf(IP_STATUSES)),
    fromPublicSource: {
      type: "boolean",
      description: "Taken from public sources and not yet confirmed by the organization: no price, no booking",
    },
    stale: { type: "boolean", description: "Its yearly reconfirmation is overdue" },
    updatedAt: dateTime("Last change"),
    ...(detail
      ? {
          method: nullable(text("Service: method and instruments used")),
          sampleRequirements: nullable(text()),
          turnaround: nullable(text("Typical turnaround, as written")),
          audience: arrayOf(oneOf(AUDIENCES), "Who may use it"),
          priceMinVnd: nullable({ type: "integer", minimum: 0, description: "VND, when priceMode is range" }),
          priceMaxVnd: nullable({ type: "integer", minimum: 0 }),
          freeFor: arrayOf(oneOf(AUDIENCES), "Who uses it free"),
          instrument: nullable(text()),
          make: nullable(text()),
          model: nullable(text()),
          specifications: lines("Key specifications"),
          building: nullable(text()),
          conditions: nullable(text("Conditions of use and fees, as written")),
          applications: nullable(text()),
          ipNumber: nullable(text("Patent or utility solution number")),
          offeredAs: arrayOf(oneOf(OFFERED_AS), "What is offered"),
          transferredTo: nullable(text("Already transferred: to whom, when public")),
          transferredAt: nullable(dateTime("When it was transferred")),
          inventors: arrayOf(object({ slug: slug("Expert slug"), fullName: text() }), "Published inventors"),
          sourceUrls: arrayOf(uri("A public page it was taken from")),
          publishedAt: nullable(dateTime("First published")),
        }
      : {}),
    fields: detail ? arrayOf(ref("FieldRef")) : arrayOf(slug("Field slug")),
    ...addresses,
  };
}

function requestProperties(detail: boolean): Record<string, Schema> {
  return {
    id: { type: "string", pattern: "^[a-z0-9]+$", description: "Stable identifier" },
    title: text(),
    problem: text(),
    ...(detail ? { desiredOutcome: text() } : {}),
    sector: oneOf(SECTORS, "The requester's sector (always shown)"),
    companySize: nullable(oneOf(COMPANY_SIZES, "The requester's size (always shown); null for a public agency")),
    requesterType: oneOf(REQUESTER_TYPES, "Who posted it: a business or a public agency"),
    area: nullable(ref("District")),
    district: nullable({ ...ref("District"), description: "Deprecated: the same as `area`" }),
    ward: nullable({
      ...ref("Ward"),
      description: "null when the request is anonymous (a ward narrows the company down)",
    }),
    trl: { type: "integer", minimum: 1, maximum: 9, description: "Technology readiness level sought" },
    budget: oneOf(BUDGETS),
    deadline: dateTime("Open until"),
    publishedAt: nullable(dateTime("Approved and published")),
    visibility: oneOf(VISIBILITIES, "anonymous: the company is not named, only its sector, size and area"),
    companyName: nullable(text("null when the request is anonymous")),
    ...(detail ? { organization: nullable(ref("OrganizationRef")) } : {}),
    fields: detail ? arrayOf(ref("FieldRef")) : arrayOf(slug("Field slug")),
    ...addresses,
  };
}

function list(item: string): Schema {
  return object({
    data: arrayOf(ref(item)),
    page: { type: "integer", minimum: 1 },
    perPage: { type: "integer", minimum: 1, maximum: MAX_PER_PAGE },
    total: { type: "integer", minimum: 0, description: "Matches in all (pages reach the first 10,000)" },
    totalPages: { type: "integer", minimum: 0 },
    degraded: {
      type: "boolean",
      description:
        "true when the search engine did not answer and the database did: a plain text match, without typo tolerance; there a search counts at most 1,000 matches, so `total` is then a floor",
    },
    links: ref("Links"),
  });
}

const query = (name: string, description: string, schema: Schema): Schema => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
});
const repeatable = (name: string, description: string, items: Schema): Schema => ({
  ...query(name, `${description} Repeat it for several values: any of them matches.`, {
    type: "array",
    items,
    maxItems: MAX_VALUES,
  }),
  style: "form",
  explode: true,
});

const parameters: Record<string, Schema> = {
  q: query("q", "Words to search for, with or without Vietnamese diacritics (empty: no words).", {
    type: "string",
    maxLength: MAX_QUERY_LENGTH,
  }),
  page: query("page", `Page number. Pages reach the first ${MAX_RESULTS} matches: past the last page is a 400.`, {
    type: "integer",
    minimum: 1,
    maximum: MAX_RESULTS,
    default: 1,
  }),
  perPage: query("perPage", "Items per page.", {
    type: "integer",
    minimum: 1,
    maximum: MAX_PER_PAGE,
    default: DEFAULT_PER_PAGE,
  }),
  field: repeatable("field", "A field's slug, or an area's slug for all its fields (see /fields).", {
    type: "string",
    pattern: SLUG,
  }),
  kind: repeatable("kind", "Kind of organization.", oneOf(ORGANIZATION_KINDS)),
  area: repeatable(
    "area",
    "Area: a former district's slug (see the District schema).",
    oneOf(DISTRICTS.map((district) => district.slug)),
  ),
  district: {
    ...repeatable("district", "Deprecated name of `area`.", oneOf(DISTRICTS.map((district) => district.slug))),
    deprecated: true,
  },
  ward: repeatable(
    "ward",
    "Ward or commune since July 2025 (see the Ward schema).",
    oneOf(WARDS.map((ward) => ward.slug)),
  ),
  verified: query("verified", "true: only verified listings (true or false, nothing else).", {
    type: "boolean",
    default: false,
  }),
  // The same name on /experts, for the profile's affiliation (docs/decisions/069).
  affiliationVerified: query(
    "verified",
    "true: only experts whose affiliation is verified, as their `affiliationVerified` says (true or false, nothing else).",
    { type: "boolean", default: false },
  ),
  sort: query("sort", "relevance (verified first when there are no words), name, or newest.", {
    ...oneOf(SORTS),
    default: "relevance",
  }),
  lang: query("lang", "Language whose names `sort=name` orders by.", { ...oneOf(LANGUAGES), default: "vi" }),
  offer: repeatable("offer", "What the expert offers.", oneOf(OFFERS)),
  based: repeatable(
    "based",
    "Where the expert works: domestic (in Vietnam) or abroad, as the experts page's filter.",
    oneOf(EXPERT_BASES),
  ),
  country: repeatable(
    "country",
    "The country an expert abroad works in: an ISO 3166-1 alpha-2 code (Vietnam has none: use based=domestic).",
    oneOf(COUNTRIES),
  ),
  sector: repeatable("sector", "The requester's sector.", oneOf(SECTORS)),
  requesterType: repeatable("requesterType", "Who posted the request.", oneOf(REQUESTER_TYPES)),
  price: repeatable("price", "How the price is given.", oneOf(PRICE_MODES)),
  access: repeatable("access", "Equipment: who runs it.", oneOf(ACCESS_MODES)),
  trl: repeatable("trl", "Technology readiness level.", { type: "integer", minimum: TRL_MIN, maximum: TRL_MAX }),
  ip: repeatable("ip", "Intellectual property status.", oneOf(IP_STATUSES)),
  updatedSince: query(
    "updatedSince",
    "Only offers changed at or after this date (2026-12-05) or date-time with its zone (2026-12-05T08:00:00Z).",
    {
      anyOf: [
        { type: "string", format: "date" },
        { type: "string", format: "date-time" },
      ],
    },
  ),
  when: query("when", "upcoming: not yet over, soonest first; past: over, latest first.", {
    ...oneOf(["upcoming", "past"]),
    default: "upcoming",
  }),
  eventKind: repeatable("kind", "Kind of event.", oneOf(EVENT_KINDS)),
  format: repeatable("format", "In person, online or both.", oneOf(EVENT_FORMATS)),
  organizer: repeatable("organizer", "The organizing listing's slug (a published organization).", {
    type: "string",
    pattern: SLUG,
  }),
  slug: { name: "slug", in: "path", required: true, schema: { type: "string" } },
  id: { name: "id", in: "path", required: true, schema: { type: "string" } },
};
const param = (name: string): Schema => ({ $ref: `#/components/parameters/${name}` });

const errorContent = { "application/json": { schema: ref("Error") } };
const responses: Record<string, Schema> = {
  BadRequest: { description: "A parameter is unknown, malformed or out of range.", content: errorContent },
  NotFound: { description: "Nothing published by that name.", content: errorContent },
  TooManyRequests: {
    description: "Over the per-client limit; wait as long as Retry-After says.",
    headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer", minimum: 1 } } },
    content: errorContent,
  },
  NotModified: { description: "The If-None-Match ETag still matches: nothing changed." },
  Error: {
    description: "Any other error (405 for a method other than GET, HEAD or OPTIONS, 500).",
    content: errorContent,
  },
};

const SUCCESS_HEADERS = ["Cache-Control", "ETag", "Access-Control-Allow-Origin"];
const PREFLIGHT_HEADERS = [
  "Access-Control-Allow-Origin",
  "Access-Control-Allow-Methods",
  "Access-Control-Allow-Headers",
  "Access-Control-Max-Age",
];
const headers: Record<string, Schema> = {
  "Cache-Control": { description: "public, max-age=60", schema: { type: "string" } },
  ETag: { description: "Send it back as If-None-Match to get a 304 when nothing changed", schema: { type: "string" } },
  "Access-Control-Allow-Origin": { description: "*: any site may read the API", schema: { type: "string" } },
  "Access-Control-Allow-Methods": { description: "GET, HEAD", schema: { type: "string" } },
  "Access-Control-Allow-Headers": { description: "If-None-Match", schema: { type: "string" } },
  "Access-Control-Max-Age": {
    description: "How long a browser may keep this answer, in seconds",
    schema: { type: "integer" },
  },
};
const headerRefs = (names: string[]) =>
  Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]));

/** A path's GET, and its OPTIONS: the CORS preflight browsers send before a GET with If-None-Match. */
function operation(options: {
  id: string;
  tag: string;
  summary: string;
  description?: string;
  parameters: string[];
  schema: string;
  notFound?: boolean;
}): Schema {
  const pathParameters = options.parameters.filter((name) => (parameters[name] as { in: string }).in === "path");
  return {
    options: {
      operationId: `${options.id}Preflight`,
      tags: [options.tag],
      summary: "CORS preflight",
      description: "Answers every origin with 204 and the methods and headers a cross-site GET may use; no rate limit.",
      // The API is anonymous: no operation needs credentials.
      security: [],
      parameters: pathParameters.map(param),
      responses: {
        "204": { description: "The GET may be sent from any origin.", headers: headerRefs(PREFLIGHT_HEADERS) },
        "400": { $ref: "#/components/responses/BadRequest" },
      },
    },
    get: {
      operationId: options.id,
      tags: [options.tag],
      summary: options.summary,
      ...(options.description ? { description: options.description } : {}),
      security: [],
      parameters: options.parameters.map(param),
      responses: {
        "200": {
          description: "OK",
          headers: headerRefs(SUCCESS_HEADERS),
          content: { "application/json": { schema: ref(options.schema) } },
        },
        "304": { $ref: "#/components/responses/NotModified" },
        "400": { $ref: "#/components/responses/BadRequest" },
        ...(options.notFound ? { "404": { $ref: "#/components/responses/NotFound" } } : {}),
        "429": { $ref: "#/components/responses/TooManyRequests" },
        default: { $ref: "#/components/responses/Error" },
      },
    },
  };
}

export const API_PATHS = [
  "/organizations",
  "/organizations/{slug}",
  "/experts",
  "/experts/{slug}",
  "/requests",
  "/requests/{id}",
  "/services",
  "/services/{id}",
  "/equipment",
  "/equipment/{id}",
  "/technologies",
  "/technologies/{id}",
  "/events",
  "/events/{slug}",
  "/fields",
  "/openapi.json",
] as const;

const OFFER_LIST_PARAMETERS = [
  "q",
  "field",
  "price",
  "access",
  "area",
  "district",
  "ward",
  "kind",
  "trl",
  "ip",
  "updatedSince",
  "sort",
  "lang",
  "page",
  "perPage",
];

/** One type's list and item: the same parameters and shapes for the three. */
const offerName = (type: (typeof OFFER_TYPES)[number]) => {
  const path = OFFER_TYPE_PATHS[type];
  return { path, id: `${path.charAt(0).toUpperCase()}${path.slice(1)}` };
};
const offerList = (type: (typeof OFFER_TYPES)[number]) =>
  operation({
    id: `list${offerName(type).id}`,
    tag: "offers",
    summary: `Search ${offerName(type).path} on offer`,
    description:
      "Published offers only, not hidden for want of reconfirmation. Filters combine with AND; the values of one filter with OR.",
    parameters: OFFER_LIST_PARAMETERS,
    schema: "OfferList",
  });
const offerItem = (type: (typeof OFFER_TYPES)[number]) =>
  operation({
    id: `get${offerName(type).id}Item`,
    tag: "offers",
    summary: `One published offer (${offerName(type).path})`,
    parameters: ["id"],
    schema: "OfferResponse",
    notFound: true,
  });

const paths: Record<(typeof API_PATHS)[number], Schema> = {
  "/organizations": operation({
    id: "listOrganizations",
    tag: "organizations",
    summary: "Search the directory",
    description:
      "The directory's own search. Filters combine with AND; the values of one filter with OR. Only published listings.",
    parameters: ["q", "kind", "field", "area", "district", "ward", "verified", "sort", "lang", "page", "perPage"],
    schema: "OrganizationList",
  }),
  "/organizations/{slug}": operation({
    id: "getOrganization",
    tag: "organizations",
    summary: "One published organization, with its parent, units, fields and experts",
    parameters: ["slug"],
    schema: "OrganizationResponse",
    notFound: true,
  }),
  "/experts": operation({
    id: "listExperts",
    tag: "experts",
    summary: "Search published expertise profiles",
    parameters: ["q", "field", "offer", "based", "country", "affiliationVerified", "page", "perPage"],
    schema: "ExpertList",
  }),
  "/experts/{slug}": operation({
    id: "getExpert",
    tag: "experts",
    summary: "One published expertise profile",
    parameters: ["slug"],
    schema: "ExpertResponse",
    notFound: true,
  }),
  "/requests": operation({
    id: "listRequests",
    tag: "requests",
    summary: "Search open technology requests",
    description: "Requests an official approved that are still open. An anonymous request names no company.",
    parameters: ["q", "field", "sector", "requesterType", "page", "perPage"],
    schema: "RequestList",
  }),
  "/requests/{id}": operation({
    id: "getRequest",
    tag: "requests",
    summary: "One open technology request",
    parameters: ["id"],
    schema: "RequestResponse",
    notFound: true,
  }),
  "/services": offerList("service"),
  "/services/{id}": offerItem("service"),
  "/equipment": offerList("equipment"),
  "/equipment/{id}": offerItem("equipment"),
  "/technologies": offerList("technology"),
  "/technologies/{id}": offerItem("technology"),
  "/events": operation({
    id: "listEvents",
    tag: "events",
    summary: "Search published events",
    description:
      "The /events page's own search: upcoming events (not yet over) soonest first, or past ones latest first. Filters combine with AND; the values of one filter with OR.",
    parameters: ["q", "when", "eventKind", "format", "area", "field", "organizer", "page", "perPage"],
    schema: "EventList",
  }),
  "/events/{slug}": operation({
    id: "getEvent",
    tag: "events",
    summary: "One published event (or a cancelled one, which says so)",
    parameters: ["slug"],
    schema: "EventResponse",
    notFound: true,
  }),
  "/fields": operation({
    id: "listFields",
    tag: "fields",
    summary: "The bilingual taxonomy: areas and their fields",
    parameters: [],
    schema: "FieldsResponse",
  }),
  "/openapi.json": operation({
    id: "getOpenApiDocument",
    tag: "meta",
    summary: "This document",
    parameters: [],
    schema: "OpenApiDocument",
  }),
};

const DESCRIPTION = `Published data of the Hanoi Innovation Network: organizations, experts, open technology requests, the services, equipment and technologies on offer, events, and the field taxonomy.

- **Read-only.** GET (and HEAD) only; OPTIONS answers a CORS preflight with 204; any other method gets 405.
- **Lists** answer \`{ data, page, perPage, total, totalPages, degraded, links }\`; \`links.next\` and \`links.prev\` keep your filters. Pages reach the first ${MAX_RESULTS.toLocaleString("en")} matches.
- **Errors** answer \`{ "error": { "code", "message" } }\`: 400 for an unknown parameter or a bad value (never silently ignored: an empty value is a bad one, except for \`q\`) or a malformed percent-encoding, 404 for an unknown slug, id or path (paths are exact: no trailing slash, case as written), 429 over the rate limit (with Retry-After).
- **Rate limit:** 600 requests a minute per client address.
- **Caching:** responses may be cached for 60 s and carry an ETag (If-None-Match gives 304). CORS is open to every origin.
- **Privacy:** drafts and unpublished profiles are never returned, anonymous requests never name their company, and e-mail addresses never appear (any typed into free text are replaced by "[e-mail removed]").`;

/** The whole document; `origin` is where this portal is reached (the servers entry). */
export function openApiDocument(origin: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Hanoi Innovation Network API",
      version: "1.0.0",
      description: DESCRIPTION,
      // The published data is open data under CC BY 4.0 (name the portal as the source).
      license: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
    },
    servers: [{ url: `${origin}/api/v1` }],
    tags: [
      { name: "organizations", description: "Universities, institutes, labs, incubators, startups, enterprises" },
      { name: "experts", description: "Researchers' published expertise profiles" },
      { name: "requests", description: "Businesses' open technology requests" },
      { name: "offers", description: "Lab services, equipment and technologies on offer" },
      { name: "events", description: "Technology markets, workshops, training, demo days and competitions" },
      { name: "fields", description: "The research and technology taxonomy" },
      { name: "meta", description: "About the API" },
    ],
    paths,
    components: {
      schemas: {
        ...schemas,
        OpenApiDocument: {
          type: "object",
          required: ["openapi", "info", "paths", "components"],
          properties: {
            openapi: { type: "string", pattern: "^3\\.1\\." },
            info: { type: "object" },
            paths: { type: "object" },
            components: { type: "object" },
          },
          description: "An OpenAPI 3.1 document (this one)",
        },
      },
      parameters,
      responses,
      headers,
    },
  };
}
