import { Prisma } from "~/generated/prisma/client";
import { buildConceptIndex, readQuery, type ConceptIndex, type QueryReading } from "#search/concepts";
import { reportSearchFailure, reportSearchSuccess, searchLooksDown } from "#search/availability";
import { readSearchConfig, type SearchConfig } from "#search/config";
import { EXPERTS_INDEX, ORGANIZATIONS_INDEX, REQUESTS_INDEX } from "#search/indexes";
import { searchListing, type ListingResult } from "#search/listing-search";
import { allOf, filterEquals } from "#search/filters";
import {
  emptyFacetCounts,
  FACETS,
  searchOrganizationIndex,
  type FacetCounts,
  type FacetName,
  type OrganizationHit,
  type OrganizationSearchInput,
} from "#search/organization-search";
import { prisma, readRows, type DbClient } from "~/db/client.server";
import { setting } from "~/config/env.server";
import { log } from "~/config/log.server";
import type { ListingFilters } from "~/utils/list-queries";
import { searchTerms } from "~/utils/text";
import { shownTextKey } from "~/domain/organization-values";
import type { Language } from "~/i18n/i18n";
import { dataCache } from "./cache.server";
import { getTaxonomy, type Taxonomy } from "./field.server";
import { PUBLIC_EXPERT } from "./expert.server";
import { getPublishedOrganizationCards, type OrganizationCard } from "./organization.server";
import { timed } from "~/utils/server-timing";
import { highlightExcerpt, highlightWords } from "#search/highlight";

/**
 * The one way pages and the API search listings (organizations, experts, open
 * requests): Meilisearch when it answers, otherwise a plain accent-insensitive
 * text match in the database, so lists keep working (with a notice, or the
 * API's `degraded`) while the engine is down or restarting. Availability,
 * the fallback and its log line live here only (docs/decisions/008, 034).
 */
export type SearchMode = "engine" | "database";

/** The engine unless it is known to be down or fails now; then the database. */
export async function engineOrDatabase<T>(
  engine: () => Promise<T>,
  database: () => Promise<T>,
): Promise<T & { mode: SearchMode }> {
  if (readSearchConfig() && !searchLooksDown()) {
    try {
      const found = await engine();
      reportSearchSuccess();
      return { ...found, mode: "engine" };
    } catch (error) {
      reportSearchFailure(error);
      log("warn", "search_fallback", { error: String((error as Error)?.message ?? error) });
    }
  }
  return { ...(await database()), mode: "database" };
}

export type DirectorySearchResult = {
  mode: "engine" | "database";
  total: number;
  facets: FacetCounts;
  /** The total is a floor: the fallback stopped counting there (COUNTED_MATCHES_LIMIT) */
  totalAtLeast?: boolean;
  /** Facets whose counts this search could not afford (the fallback's field and area) */
  facetsWithoutCounts?: FacetName[];
  /** No listing matched every word; these match some of them */
  partial?: boolean;
  /** Fields the words were read as (the concept layer), whose listings came first; [] when none */
  concepts: string[];
  results: { organization: OrganizationCard; highlights: OrganizationHit["highlights"] }[];
};

/**
 * Recent answers of the directory's and the offers' searches (ids, highlights,
 * counts; never the cards, which are always read fresh), kept per data version
 * (app/models/cache.server.ts). Set SEARCH_CACHE=off to disable (the benchmark
 * measures both).
 */
const cache = dataCache<object>("search-answers", { max: setting("SEARCH_CACHE_ENTRIES"), ttlMs: 30_000 });

/** `search()`'s answer for this kind of search and input, kept as above; `extra` is whatever else decides it. */
export async function cached<T extends object>(
  kind: string,
  input: unknown,
  extra: unknown,
  search: () => Promise<T>,
): Promise<T> {
  // SEARCH_CACHE=off turns the cache off (the benchmark measures both).
  if (setting("SEARCH_CACHE")) return search();
  return cache.fetch(JSON.stringify([kind, extra, input]), search) as Promise<T>;
}

function searchEngineCached(input: OrganizationSearchInput, config: SearchConfig) {
  return cached("engine", input, [config.host, config.indexPrefix], () => searchOrganizationIndex(input, config));
}

/** What either side found, before the cards are read: ids in order, counts, highlights from the engine. */
type OrganizationMatch = Omit<DirectorySearchResult, "results" | "mode" | "concepts"> & {
  ids: string[];
  highlights?: Map<string, OrganizationHit["highlights"]>;
};

const conceptIndexes = new WeakMap<Taxonomy, ConceptIndex>();

/** The fields a query's words speak of, by the concept layer over the current taxonomy. */
export async function queryConcepts(q: string): Promise<string[]> {
  return (await readDirectoryQuery(q)).fields;
}

/** A query read by the concept layer: its fields, concept terms and words without filler. */
async function readDirectoryQuery(q: string): Promise<QueryReading> {
  if (q.trim() === "") return { fields: [], terms: [], words: q };
  const taxonomy = await getTaxonomy();
  let index = conceptIndexes.get(taxonomy);
  if (!index) conceptIndexes.set(taxonomy, (index = buildConceptIndex(taxonomy.fields)));
  return readQuery(q, index);
}

/**
 * The directory's search. `concepts: false` searches the words alone: the
 * page's "Showing results for" chip, removed, asks for that (docs/decisions/044).
 * `input.facets: false` asks for the page and total
 * only: the engine runs one query instead of one per facet in use, and every
 * facet is listed in `facetsWithoutCounts`. Search as you type should ask so
 * on keystrokes and for the counts once typing settles.
 */
export async function searchDirectory(
  input: Omit<OrganizationSearchInput, "boostFields" | "boostWords"> & { concepts?: boolean },
  db: DbClient = prisma,
): Promise<DirectorySearchResult> {
  const config = readSearchConfig();
  const { concepts: useConcepts = true, ...search } = input;
  // The engine gets the words without filler ("công ty tôi cần", "where can I").
  const read = await readDirectoryQuery(input.q);
  const concepts = useConcepts && input.sort === "relevance" ? read.fields : [];
  const boost = { boostFields: concepts, boostWords: concepts.length ? read.terms.join(" ") : undefined };
  const { mode, ids, highlights, ...found } = await engineOrDatabase<OrganizationMatch>(
    async () => {
      const { hits, ...rest } = await searchEngineCached({ ...search, q: read.words, ...boost }, config!);
      return {
        ...rest,
        ids: hits.map((hit) => hit.id),
        highlights: new Map(hits.map((hit) => [hit.id, hit.highlights])),
      };
    },
    // The fallback's answers (ids and counts) are cached like the engine's: under
    // load they are what keeps it usable. Cards are always read fresh.
    () => cached("database", search, null, () => timed("database", () => matchInDatabase(search, db))),
  );
  const cards = await timed("cards", () => getPublishedOrganizationCards(ids, db));
  const terms = searchTerms(read.words);
  return {
    ...found,
    // Asked without counts (`facets: false`, as you type): none shown, in either mode.
    ...(input.facets === false ? { facets: emptyFacetCounts(), facetsWithoutCounts: [...FACETS] } : {}),
    mode,
    concepts: mode === "engine" ? concepts : [],
    results: cards.map((organization) => ({
      organization,
      highlights: markedWords(organization, terms, input.lang, highlights?.get(organization.id)),
    })),
  };
}

/**
 * A card's marked words: the engine marks the names it matched (typos and
 * synonyms included); the summary's excerpt, and the names when the
 * database answered, are marked here with the query's words. Only the
 * summary the card shows in `lang` is marked: the other was a second pass
 * over every card's text for nothing.
 */
function markedWords(
  card: OrganizationCard,
  terms: string[],
  lang: Language,
  fromEngine: OrganizationHit["highlights"] | undefined,
): OrganizationHit["highlights"] {
  const marked: OrganizationHit["highlights"] = { ...fromEngine };
  const set = (key: keyof OrganizationHit["highlights"], value: string | null) => {
    if (value !== null) marked[key] = value;
  };
  if (!fromEngine) {
    set("nameVi", highlightWords(card.nameVi, terms));
    set("nameEn", highlightWords(card.nameEn, terms));
    set("acronym", highlightWords(card.acronym, terms));
  }
  const summary = shownTextKey(card, "summary", lang);
  set(summary, highlightExcerpt(card[summary], terms));
  return marked;
}

/**
 * Experts and open requests, for the pages and the API alike: text, areas or
 * fields (an area's fields are expanded by the caller), and the list's own
 * filter (offers, sectors); any of a filter's values matches, as in the engine.
 */
export type ListingQuery = ListingFilters & {
  /** False: the words alone, not read as fields (the chip's `concepts=off`) */
  concepts?: boolean;
};
/** `concepts`: the fields the words were read as, whose listings came first; [] when none or from the database */
export type ListingAnswer = ListingResult & { mode: SearchMode; concepts: string[] };

const LISTS = {
  experts: { index: EXPERTS_INDEX, extra: "offers", highlight: ["fullName", "keywords", "bioVi", "bioEn"] },
  requests: { index: REQUESTS_INDEX, extra: "sector", highlight: ["title", "problem"] },
} as const;

async function searchList(
  list: keyof typeof LISTS,
  query: ListingQuery,
  database: () => Promise<ListingResult>,
): Promise<ListingAnswer> {
  const { index, extra, highlight } = LISTS[list];
  // The same concept layer as the directory's (decision 044): listings in the fields the words speak of first.
  const concepts = query.concepts === false ? [] : await queryConcepts(query.q);
  const found = await engineOrDatabase(
    () =>
      searchListing(index, {
        q: query.q,
        filters: {
          areaSlugs: query.areas,
          fieldSlugs: query.fields,
          [extra]: query.extra,
          ...(list === "requests" ? { requesterType: query.requester ?? [] } : { country: query.countries ?? [] }),
        },
        filter:
          list === "experts"
            ? allOf([basedFilter(query.based), query.verifiedOnly ? filterEquals("affiliationVerified", true) : null])
            : undefined,
        facets:
          list === "requests"
            ? ["areaSlugs", extra, "requesterType"]
            : ["areaSlugs", extra, "overseas", "country", "affiliationVerified"],
        // Without words to rank by, the newest first.
        sort: query.q ? undefined : ["publishedAt:desc"],
        page: query.page,
        perPage: query.perPage,
        highlight: [...highlight],
        boostFields: concepts,
      }),
    database,
  );
  return { ...found, concepts: found.mode === "engine" ? concepts : [] };
}

/**
 * The experts' and requests' database fallback, as SQL run on the read workers (decision 059):
 * every folded word of the query in the row's folded text, areas and fields on the links, the
 * list's own filters, newest first. Through Prisma on the app's thread, a search over 50,000
 * profiles held every other request for 200–400 ms while the engine was down.
 */
function listingConditions(
  query: ListingQuery,
  links: { table: Prisma.Sql; key: Prisma.Sql },
  fullText: Prisma.Sql | null,
): Prisma.Sql[] {
  const linked = (where: Prisma.Sql) =>
    Prisma.sql`EXISTS (SELECT 1 FROM ${links.table} l JOIN Field f ON f.id = l.fieldId WHERE l.${links.key} = x.id AND ${where})`;
  const match = fullText ? fullTextQuery(query.q) : null;
  return [
    // The experts' words through their FTS5 index, as the directory's and the offers'; the open
    // requests, a few hundred, by a scan of the same folded text.
    ...(match
      ? [Prisma.sql`+x.rowid IN (SELECT rowid FROM ${fullText} WHERE ${fullText} MATCH ${match})`]
      : searchTerms(query.q)
          .slice(0, 12)
          .map((term) => Prisma.sql`instr(x.searchText, ${term}) > 0`)),
    ...(query.areas.length
      ? [linked(Prisma.sql`f.parentId IN (SELECT a.id FROM Field a WHERE a.slug IN (${Prisma.join(query.areas)}))`)]
      : []),
    ...(query.fields.length ? [linked(Prisma.sql`f.slug IN (${Prisma.join(query.fields)})`)] : []),
  ];
}

/** The count (up to COUNTED_MATCHES_LIMIT, as the directory's) and the page, newest first. */
function listingStatements(table: Prisma.Sql, conditions: Prisma.Sql[], query: ListingQuery) {
  const where = Prisma.join(conditions, " AND ");
  return {
    count: Prisma.sql`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${table} x WHERE ${where} LIMIT ${COUNTED_MATCHES_LIMIT + 1})`,
    page: Prisma.sql`SELECT x.id FROM ${table} x WHERE ${where} ORDER BY x.publishedAt DESC, x.id
      LIMIT ${query.perPage} OFFSET ${(query.page - 1) * query.perPage}`,
  };
}

async function listingInDatabase(statements: ReturnType<typeof listingStatements>): Promise<ListingResult> {
  const [[counted], rows] = await Promise.all([
    readRows<{ n: number | bigint }>(statements.count, prisma),
    readRows<{ id: string }>(statements.page, prisma),
  ]);
  const matched = Number(counted?.n ?? 0);
  return {
    total: Math.min(matched, COUNTED_MATCHES_LIMIT),
    totalAtLeast: matched > COUNTED_MATCHES_LIMIT,
    facets: {},
    hits: rows.map((row) => ({ id: row.id, highlights: {} })),
  };
}

/**
 * "Nơi làm việc" (docs/decisions/076): one of in Vietnam or abroad narrows the list; both,
 * or neither, is everyone. Null (no clause) then.
 */
function basedOnly(based: readonly string[] | undefined): boolean | null {
  const abroad = based?.includes("abroad") ?? false;
  const domestic = based?.includes("domestic") ?? false;
  return abroad === domestic ? null : abroad;
}

function basedFilter(based: readonly string[] | undefined): string | undefined {
  const abroad = basedOnly(based);
  return abroad === null ? undefined : filterEquals("overseas", abroad);
}

/**
 * The experts' statements. "Đã xác minh đơn vị công tác" as the index's `affiliationVerified`
 * (search/expert-document.ts): a published affiliation, verified for that affiliation.
 */
export function expertFallbackStatements(query: ListingQuery) {
  const abroad = basedOnly(query.based);
  const conditions = [
    Prisma.sql`x.status = ${PUBLIC_EXPERT.status} AND x.hiddenAt IS NULL`,
    ...listingConditions(
      query,
      { table: Prisma.sql`ExpertField`, key: Prisma.sql`expertId` },
      Prisma.sql`ExpertSearch`,
    ),
    // Offers are stored one per line.
    ...(query.extra.length
      ? [
          Prisma.sql`(${Prisma.join(
            query.extra.map((offer) => Prisma.sql`instr(x.offers, ${offer}) > 0`),
            " OR ",
          )})`,
        ]
      : []),
    ...(abroad === null ? [] : [abroad ? Prisma.sql`x.country IS NOT NULL` : Prisma.sql`x.country IS NULL`]),
    ...(query.countries?.length ? [Prisma.sql`x.country IN (${Prisma.join(query.countries)})`] : []),
    ...(query.verifiedOnly
      ? [
          Prisma.sql`x.affiliationVerifiedAt IS NOT NULL AND x.affiliationVerifiedOrgId = x.affiliationId
            AND EXISTS (SELECT 1 FROM Organization g WHERE g.id = x.affiliationId AND g.status = 'published')`,
        ]
      : []),
  ];
  return listingStatements(Prisma.sql`ExpertProfile`, conditions, query);
}

export function searchExperts(query: ListingQuery): Promise<ListingAnswer> {
  return searchList("experts", query, () => listingInDatabase(expertFallbackStatements(query)));
}

export function requestFallbackStatements(query: ListingQuery) {
  const conditions = [
    Prisma.sql`x.status = 'open'`,
    ...listingConditions(query, { table: Prisma.sql`RequestField`, key: Prisma.sql`requestId` }, null),
    ...(query.extra.length ? [Prisma.sql`x.sector IN (${Prisma.join(query.extra)})`] : []),
    // The same "any of" as the engine's requesterType filter.
    ...(query.requester?.length ? [Prisma.sql`x.requesterType IN (${Prisma.join(query.requester)})`] : []),
  ];
  return listingStatements(Prisma.sql`TechRequest`, conditions, query);
}

export function searchOpenRequests(query: ListingQuery): Promise<ListingAnswer> {
  return searchList("requests", query, () => listingInDatabase(requestFallbackStatements(query)));
}

type Filters = Omit<OrganizationSearchInput, "page" | "perPage" | "sort" | "lang">;

/**
 * The query as an FTS5 expression over the folded text (docs/decisions/045):
 * every folded word, the last also as the start of a longer word ("vien cong
 * ng" as you type), as the engine reads a query. A word before the last is
 * whole: as a prefix, FTS5 merges the lists of every word it starts (9 times
 * slower for "vien cong nghe" at 100,000 listings). Terms are letters and
 * digits only, so quoting them keeps FTS5's operators out. Null without words.
 */
export function fullTextQuery(q: string): string | null {
  const terms = searchTerms(q).slice(0, 12);
  return terms.length ? terms.map((term, i) => (i === terms.length - 1 ? `"${term}"*` : `"${term}"`)).join(" ") : null;
}

/**
 * Above this many matches the fallback orders the first matches it finds by
 * the engine's order without words (verified, then name) instead of bm25:
 * ranking every row of a one- or two-letter prefix costs hundreds of
 * milliseconds and says little. 1,000 rather than 2,000: reading the matches
 * costs in proportion, and halving it took the fallback's mean from 20 to
 * 14 ms of CPU per search at 100,000 listings (decision 059).
 */
export const RANKED_MATCHES_LIMIT = 1_000;

/**
 * Above this many matches the fallback stops counting: the total reads
 * "1,000+" and the facets show no counts (decision 059).
 */
export const COUNTED_MATCHES_LIMIT = RANKED_MATCHES_LIMIT;

/**
 * Facet filters on the matched rows, optionally leaving one facet out (disjunctive counts).
 * `drive`: the rows are found from the fields' sets of rowids (see linkedTo).
 */
function filterConditions(input: Filters, without?: FacetName, drive = false): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`1 = 1`];
  if (without !== "kind" && input.kinds.length) parts.push(Prisma.sql`o.kind IN (${Prisma.join(input.kinds)})`);
  if (without !== "district" && input.districts.length) {
    parts.push(Prisma.sql`o.district IN (${Prisma.join(input.districts)})`);
  }
  if (input.wards?.length) parts.push(Prisma.sql`o.ward IN (${Prisma.join(input.wards)})`);
  if (without !== "verified" && input.verifiedOnly) parts.push(Prisma.sql`o.verified = 1`);
  if (without !== "field" && input.fields.length) {
    parts.push(linkedTo(Prisma.sql`SELECT f.id FROM Field f WHERE f.slug IN (${Prisma.join(input.fields)})`, drive));
  }
  if (without !== "area" && input.areas.length) {
    parts.push(
      linkedTo(
        Prisma.sql`SELECT f.id FROM Field f JOIN Field a ON a.id = f.parentId
        WHERE a.slug IN (${Prisma.join(input.areas)})`,
        drive,
      ),
    );
  }
  return Prisma.join(parts, " AND ");
}

/**
 * Organizations linked to any of the fields, as a set of rowids SQLite builds
 * once per statement from the links kept under the organizations' rowids
 * (docs/decisions/082: a range of one index per field, where looking each
 * link's organization id up cost 8–10 ms for an area). Checked against rows
 * found another way (`+`: a sort order's index, the text's matches), or, with
 * `drive`, the rows looked up from it: a count over a field of 700 listings
 * scanned every published listing to find them (7 ms). A correlated EXISTS ran
 * once per row, 3–7 s for an area over 100,000 organizations.
 */
function linkedTo(fieldIds: Prisma.Sql, drive = false): Prisma.Sql {
  const rowid = drive ? Prisma.sql`o.rowid` : Prisma.sql`+o.rowid`;
  return Prisma.sql`${rowid} IN (SELECT l.organizationRowid FROM OrganizationFieldRow l WHERE l.fieldId IN (${fieldIds}))`;
}

type GroupRow = { kind: string; district: string | null; verified: number | bigint | boolean; n: number | bigint };

/**
 * The fallback, its words matched through the FTS5 index, run on the read
 * workers (decision 059). Without words, in two statements:
 * 1. counts grouped by kind, district and verified under the field and area
 *    conditions, from which the total and the disjunctive counts of those
 *    three facets are computed here, up to COUNTED_MATCHES_LIMIT matches (past
 *    it, a third statement counts under every filter, up to the limit again,
 *    and the facets show no counts);
 * 2. the page of ids, in the engine's order.
 * With words, the first COUNTED_MATCHES_LIMIT + 1 matches are read once, with
 * the columns the facets and the orders need, and counted, filtered, sorted and
 * paged here (decision 059); only a relevance page of up to
 * RANKED_MATCHES_LIMIT matches asks SQLite again, for bm25. Past the limit the
 * order is that of the first matches found: a short prefix ("v") matches nearly
 * every listing, and ordering all of them cost up to 160 ms per keystroke.
 * Field and area counts are left out (they cost a join over every link, over a
 * second at 100,000 organizations); the page shows those facets without counts.
 */
export async function searchDirectoryInDatabase(input: OrganizationSearchInput, db: DbClient = prisma) {
  return withCards(await matchInDatabase(input, db), db);
}

async function withCards({ ids, ...match }: OrganizationMatch, db: DbClient): Promise<DirectorySearchResult> {
  const cards = await getPublishedOrganizationCards(ids, db);
  return {
    ...match,
    mode: "database",
    concepts: [],
    results: cards.map((organization) => ({ organization, highlights: {} })),
  };
}

/**
 * The fallback's statements for a search. Exported for the tests that read
 * their query plans.
 */
export function fallbackStatements(input: OrganizationSearchInput) {
  // The same order as the engine's: folded names, then id for ties.
  const name = input.lang === "vi" ? Prisma.sql`o.sortNameVi` : Prisma.sql`o.sortNameEn`;
  const orderBy =
    input.sort === "newest"
      ? Prisma.sql`o.createdAt DESC, ${name}, o.id`
      : input.sort === "name"
        ? Prisma.sql`${name}, o.id`
        : Prisma.sql`o.verified DESC, ${name}, o.id`;
  const match = fullTextQuery(input.q);
  const taxonomyOnly = { ...input, kinds: [], districts: [], verifiedOnly: false };
  // Matches are counted up to the limit (decision 059): counting 100,000 rows by kind,
  // district and verified cost 10–35 ms on every keystroke. Under a field or an area the
  // counted rows are looked up from its set, in their narrow rows (decision 082); without,
  // read off the organizations' indexes.
  const byFields = input.fields.length > 0 || input.areas.length > 0;
  const organizations = (filters: Filters, columns: Prisma.Sql) =>
    Prisma.sql`SELECT ${columns} FROM ${byFields ? Prisma.sql`OrganizationSearchRow` : Prisma.sql`Organization`} o
      WHERE o.status = 'published' AND ${filterConditions(filters, undefined, byFields)}
      LIMIT ${COUNTED_MATCHES_LIMIT + 1}`;
  const groups = Prisma.sql`SELECT kind, district, verified, COUNT(*) AS n
    FROM (${organizations(taxonomyOnly, Prisma.sql`o.kind, o.district, o.verified`)})
    GROUP BY kind, district, verified`;
  // Past the limit: the matches under every filter, counted up to the limit again.
  const filteredCount = Prisma.sql`SELECT COUNT(*) AS n FROM (${organizations(input, Prisma.sql`1`)})`;
  const limit = Prisma.sql`LIMIT ${input.perPage} OFFSET ${(input.page - 1) * input.perPage}`;
  const page = Prisma.sql`SELECT o.id FROM Organization o
    WHERE o.status = 'published' AND ${filterConditions(input)} ORDER BY ${orderBy} ${limit}`;
  // With words: the first matches found, read from the full-text index and joined by rowid to their
  // narrow rows (decision 079): the wide Organization row cost a page of the file per match.
  const matches = (conditions: Prisma.Sql) =>
    Prisma.sql`SELECT o.id, o.kind, o.district, o.verified, ${name} AS name, o.createdAt
      FROM OrganizationSearch s JOIN OrganizationSearchRow o ON o.rowid = s.rowid
      WHERE OrganizationSearch MATCH ${match} AND o.status = 'published' AND ${conditions}
      LIMIT ${COUNTED_MATCHES_LIMIT + 1}`;
  const ranked = Prisma.sql`SELECT o.id
    FROM OrganizationSearch s JOIN OrganizationSearchRow o ON o.rowid = s.rowid
    WHERE OrganizationSearch MATCH ${match} AND o.status = 'published' AND ${filterConditions(input)}
    ORDER BY s.rank, o.verified DESC, ${name}, o.id ${limit}`;
  return {
    match,
    groups,
    filteredCount,
    page,
    /** With words: the matches under the field and area conditions, then under every filter */
    matches: matches(filterConditions(taxonomyOnly)),
    filteredMatches: matches(filterConditions(input)),
    ranked,
  };
}

/** Filters the grouped counts do not apply (they are applied to the groups here). */
const hasRowFilters = (input: Filters) => input.kinds.length > 0 || input.districts.length > 0 || input.verifiedOnly;

type MatchRow = {
  id: string;
  kind: string;
  district: string | null;
  verified: number | bigint | boolean;
  name: string | null;
  createdAt: Date | number | bigint | string;
};

/** The facet counts and the total of matched rows grouped by kind, district and verified. */
function countGroups(input: Filters, groups: GroupRow[]) {
  const facets = emptyFacetCounts();
  let total = 0;
  const matches = (group: GroupRow, without?: FacetName) =>
    (without === "kind" || input.kinds.length === 0 || input.kinds.includes(group.kind)) &&
    (without === "district" || input.districts.length === 0 || input.districts.includes(group.district ?? "")) &&
    (without === "verified" || !input.verifiedOnly || Number(group.verified) === 1);
  const add = (counts: Record<string, number>, key: string, n: number) => (counts[key] = (counts[key] ?? 0) + n);
  for (const group of groups) {
    const n = Number(group.n);
    if (matches(group)) total += n;
    if (matches(group, "kind")) add(facets.kind, group.kind, n);
    if (group.district && matches(group, "district")) add(facets.district, group.district, n);
    if (matches(group, "verified")) add(facets.verified, String(Number(group.verified) === 1), n);
  }
  return { total, facets };
}

/** What a capped count answers: up to the limit, marked as a floor past it, no facet counts. */
function capped(filtered: number, ids: string[]): OrganizationMatch {
  return {
    total: Math.min(filtered, COUNTED_MATCHES_LIMIT),
    totalAtLeast: filtered > COUNTED_MATCHES_LIMIT,
    facets: emptyFacetCounts(),
    facetsWithoutCounts: [...FACETS],
    ids,
  };
}

/**
 * A stored time as the fallback sorts it in the app: a Date from Prisma, or the raw
 * value a read worker returns; null (never set) sorts first, as SQLite's NULL does.
 */
export const timeSortValue = (value: Date | number | bigint | string | null) =>
  value instanceof Date ? value.getTime() : (value ?? 0);

/** Ascending order of two values of one kind (numbers, or names compared as SQLite does). */
export const compareValues = (a: unknown, b: unknown) =>
  (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;

/** Matched rows in the engine's order for the sort (SQLite compares these names byte by byte, as here). */
function sortRows(rows: MatchRow[], sort: OrganizationSearchInput["sort"]) {
  const byName = (a: MatchRow, b: MatchRow) => compareValues(a.name ?? "", b.name ?? "") || compareValues(a.id, b.id);
  const order =
    sort === "newest"
      ? (a: MatchRow, b: MatchRow) =>
          compareValues(timeSortValue(b.createdAt), timeSortValue(a.createdAt)) || byName(a, b)
      : sort === "name"
        ? byName
        : (a: MatchRow, b: MatchRow) => Number(b.verified) - Number(a.verified) || byName(a, b);
  return [...rows].sort(order);
}

/** The fallback's later reads go before other searches' first ones (app/db/read-workers.server.ts). */
const FOLLOW_UP = { followUp: true };

async function matchInDatabase(input: OrganizationSearchInput, db: DbClient): Promise<OrganizationMatch> {
  const statements = fallbackStatements(input);
  return statements.match ? matchWords(input, statements, db) : matchWithoutWords(input, statements, db);
}

async function matchWithoutWords(
  input: OrganizationSearchInput,
  statements: ReturnType<typeof fallbackStatements>,
  db: DbClient,
): Promise<OrganizationMatch> {
  // On the read workers: the counts over 100,000 listings are the costly part (decision 059).
  const groups = await readRows<GroupRow>(statements.groups, db);
  const matched = groups.reduce((sum, group) => sum + Number(group.n), 0);
  const page = (await readRows<{ id: string }>(statements.page, db, FOLLOW_UP)).map((row) => row.id);
  if (matched > COUNTED_MATCHES_LIMIT) {
    const filtered = hasRowFilters(input)
      ? Number((await readRows<{ n: number }>(statements.filteredCount, db, FOLLOW_UP))[0]?.n)
      : matched;
    return capped(filtered, page);
  }
  return { ...countGroups(input, groups), facetsWithoutCounts: ["area", "field"], ids: page };
}

async function matchWords(
  input: OrganizationSearchInput,
  statements: ReturnType<typeof fallbackStatements>,
  db: DbClient,
): Promise<OrganizationMatch> {
  const offset = (input.page - 1) * input.perPage;
  const pageOf = (rows: MatchRow[]) =>
    sortRows(rows, input.sort)
      .slice(offset, offset + input.perPage)
      .map((row) => row.id);
  const rows = await readRows<MatchRow>(statements.matches, db);
  if (rows.length > COUNTED_MATCHES_LIMIT) {
    // Past the limit: the first matches found under every filter, ordered and counted here.
    const filtered = hasRowFilters(input) ? await readRows<MatchRow>(statements.filteredMatches, db, FOLLOW_UP) : rows;
    return capped(filtered.length, pageOf(filtered.slice(0, COUNTED_MATCHES_LIMIT)));
  }
  const groups = new Map<string, GroupRow>();
  for (const row of rows) {
    const key = `${row.kind}\u0000${row.district ?? ""}\u0000${Number(row.verified)}`;
    const group = groups.get(key) ?? { kind: row.kind, district: row.district, verified: row.verified, n: 0 };
    group.n = Number(group.n) + 1;
    groups.set(key, group);
  }
  const counted = countGroups(input, [...groups.values()]);
  const inFilters = rows.filter(
    (row) =>
      (input.kinds.length === 0 || input.kinds.includes(row.kind)) &&
      (input.districts.length === 0 || input.districts.includes(row.district ?? "")) &&
      (!input.verifiedOnly || Number(row.verified) === 1),
  );
  const ids =
    input.sort === "relevance"
      ? (await readRows<{ id: string }>(statements.ranked, db, FOLLOW_UP)).map((row) => row.id)
      : pageOf(inFilters);
  return { ...counted, facetsWithoutCounts: ["area", "field"], ids };
}

/**
 * The type-ahead's organizations: the first few that match what is typed, with
 * no facet counts (the engine's cheapest search), kept like the list answers.
 */
export async function suggestOrganizations(q: string, limit: number): Promise<OrganizationCard[]> {
  const key = JSON.stringify(["suggest", readSearchConfig()?.indexPrefix, q, limit]);
  const { ids } = await engineOrDatabase(
    () =>
      keptAnswer(key, async () => {
        const search = { q, filters: {}, facets: [], page: 1, perPage: limit, highlight: [] };
        const found = await searchListing(ORGANIZATIONS_INDEX, search);
        return { ids: found.hits.map((hit) => hit.id) };
      }),
    async () => {
      const terms = searchTerms(q).slice(0, 12);
      const rows = await prisma.organization.findMany({
        where: { status: "published", AND: terms.map((term) => ({ searchText: { contains: term } })) },
        select: { id: true },
        orderBy: [{ verified: "desc" }, { sortNameVi: "asc" }],
        take: limit,
      });
      return { ids: rows.map((row) => row.id) };
    },
  );
  return getPublishedOrganizationCards(ids);
}

function keptAnswer<T extends object>(key: string, search: () => Promise<T>): Promise<T> {
  // SEARCH_CACHE=off turns the cache off, as for the lists.
  return setting("SEARCH_CACHE") ? search() : (cache.fetch(key, search) as Promise<T>);
}

// Services, equipment and technologies (issue 17) are searched in their own module.
export { searchOffers, publicOfferCards } from "./offer-search.server";
