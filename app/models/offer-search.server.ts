import { Prisma } from "~/generated/prisma/client";
import { readSearchConfig } from "#search/config";
import { OFFERS_INDEX } from "#search/indexes";
import { searchListing, type ListingResult } from "#search/listing-search";
import { prisma, readRows, readRowsNow, type DbClient } from "~/db/client.server";
import { isPublicOffer, PUBLIC_OFFER } from "~/domain/offer-values";
import type { Language } from "~/i18n/i18n";
import type { OffersPageQuery } from "~/utils/list-queries";
import { NO_OFFER_FILTERS } from "~/utils/offer-query";
import { readDate, storedDate } from "~/db/sqlite-adapter.server";
import { timed } from "~/utils/server-timing";
import {
  cached,
  engineOrDatabase,
  fullTextQuery,
  queryConcepts,
  compareValues,
  COUNTED_MATCHES_LIMIT,
  RANKED_MATCHES_LIMIT,
  timeSortValue,
  type ListingAnswer,
} from "./search-gateway.server";

/**
 * How services, equipment and technologies are found (issue 17): the offers
 * index through the gateway's engine-or-database switch, with the same concept
 * layer as the other lists, and a folded-text match in the database when the
 * engine is down: the words through the FTS5 index over `searchText`, ranked
 * by bm25, as the directory's fallback (decisions 045, 053).
 */
export type OfferQuery = Omit<OffersPageQuery, "concepts"> & {
  perPage: number;
  lang: Language;
  /** Changed at or after (the API's `updatedSince`) */
  updatedSince?: Date | null;
  /** False: the words alone, not read as fields (the chip's `concepts=off`) */
  concepts?: boolean;
  /** False: the page and total only, no facet counts */
  facets?: boolean;
};

/** The index's attributes the page counts, by the URL's parameter names. */
export const OFFER_FACETS = {
  type: "type",
  area: "areaSlugs",
  field: "fieldSlugs",
  price: "priceMode",
  access: "accessMode",
  district: "district",
  ward: "ward",
  kind: "organizationKind",
  trl: "trl",
  ip: "ipStatus",
} as const;
export type OfferFacet = keyof typeof OFFER_FACETS;

const HIGHLIGHT = ["nameVi", "nameEn", "descriptionVi", "descriptionEn"];

export async function searchOffers(query: OfferQuery, db: DbClient = prisma): Promise<ListingAnswer> {
  const sorted = query.sort !== "relevance" || query.q === "";
  // Listings in the fields the words speak of first (decision 044), when ranked by the words.
  const concepts = query.concepts === false || sorted ? [] : await queryConcepts(query.q);
  // Kept like the directory's answers: the same search again, until the data changes, asks nothing.
  const key = { ...query, concepts };
  const config = readSearchConfig();
  const found = await engineOrDatabase<ListingResult>(
    () =>
      cached("offers-engine", key, [config?.host, config?.indexPrefix], () =>
        timed("engine", () =>
          searchListing(OFFERS_INDEX, {
            q: query.q,
            filters: {
              type: query.types,
              areaSlugs: query.areas,
              fieldSlugs: query.fields,
              priceMode: query.priceModes,
              accessMode: query.accessModes,
              district: query.districts,
              ward: query.wards,
              organizationKind: query.kinds,
              trl: query.trls,
              ipStatus: query.ipStatuses,
            },
            filter: query.updatedSince ? `updatedAt >= ${query.updatedSince.getTime()}` : undefined,
            facets: query.facets === false ? [] : Object.values(OFFER_FACETS),
            sort: sorted ? engineSort(query) : undefined,
            page: query.page,
            perPage: query.perPage,
            highlight: HIGHLIGHT,
            boostFields: concepts,
          }),
        ),
      ),
    () => cached("offers-database", key, null, () => timed("database", () => offersInDatabase(query, db))),
  );
  return { ...found, concepts: found.mode === "engine" ? concepts : [] };
}

/**
 * The type-ahead's offers on /offers: the first few public offers the words
 * find (ranked, no counts, not read as fields), in either mode.
 */
export async function suggestOffers(q: string, limit: number, lang: Language) {
  const found = await searchOffers({
    q,
    ...NO_OFFER_FILTERS,
    sort: "relevance",
    page: 1,
    perPage: limit,
    lang,
    concepts: false,
    facets: false,
  });
  return publicOfferCards(found.hits.map((hit) => hit.id));
}

function engineSort(query: OfferQuery): string[] {
  if (query.sort === "name") return [query.lang === "vi" ? "sortNameVi:asc" : "sortNameEn:asc"];
  // Without words to rank by, the newest first (as the other lists).
  return ["publishedAt:desc"];
}

/**
 * The same filters as the engine's, on the public offers' rows (`o`), the
 * words matched through the FTS5 index (decision 053, as the directory's,
 * decision 045). Without filters on the owner, the conditions read only the
 * narrow (status, type, hiddenAt) index: the text and the owner's status are
 * checked as sets of rowids (the unary + keeps SQLite from looking each
 * match up in the wide table), the owners not published being few.
 */
function offerConditions(query: Omit<OfferQuery, "page" | "perPage" | "sort" | "lang">, match: string | null) {
  const parts: Prisma.Sql[] = [
    Prisma.sql`o.status = 'published' AND o.hiddenAt IS NULL
      AND +o.rowid NOT IN (SELECT x.rowid FROM Offer x WHERE x.organizationId IN (
        SELECT g.id FROM Organization g WHERE g.status < 'published' OR g.status > 'published'))`,
  ];
  const any = <T>(values: readonly T[], where: (values: Prisma.Sql) => Prisma.Sql) => {
    if (values.length) parts.push(where(Prisma.join([...values])));
  };
  if (match) parts.push(Prisma.sql`+o.rowid IN (SELECT rowid FROM OfferSearch WHERE OfferSearch MATCH ${match})`);
  any(query.types, (types) => Prisma.sql`o.type IN (${types})`);
  // Offers as a set of rowids, built once per statement from the narrow id index (as the directory's linkedTo).
  const offersWhere = (ids: Prisma.Sql) => Prisma.sql`+o.rowid IN (SELECT x.rowid FROM Offer x WHERE x.id IN (${ids}))`;
  any(query.areas, (areas) =>
    offersWhere(Prisma.sql`SELECT l.offerId FROM OfferField l JOIN Field f ON f.id = l.fieldId
        JOIN Field a ON a.id = f.parentId WHERE a.slug IN (${areas})`),
  );
  any(query.fields, (fields) =>
    offersWhere(Prisma.sql`SELECT l.offerId FROM OfferField l JOIN Field f ON f.id = l.fieldId
        WHERE f.slug IN (${fields})`),
  );
  any(query.priceModes, (modes) => Prisma.sql`o.priceMode IN (${modes})`);
  any(query.accessModes, (modes) => Prisma.sql`o.accessMode IN (${modes})`);
  // A service or technology is where its owner is; an instrument may say where it stands.
  const owners = (column: Prisma.Sql) =>
    Prisma.sql`(SELECT g.${column} FROM Organization g WHERE g.id = o.organizationId)`;
  any(
    query.districts,
    (districts) => Prisma.sql`COALESCE(o.district, ${owners(Prisma.sql`district`)}) IN (${districts})`,
  );
  any(query.wards, (wards) => Prisma.sql`COALESCE(o.ward, ${owners(Prisma.sql`ward`)}) IN (${wards})`);
  // The owner's kind, looked up per offer: the set of every offer of the 33,000 universities at
  // 100,000 listings cost 110 ms to build on every search, while the lookups stop with the
  // count's limit or the page. Each lookup reads the narrow (id, status, kind) index alone;
  // the planner prefers the unique id index, which then reads the wide row (25 → 10 ms).
  any(
    query.kinds,
    (kinds) => Prisma.sql`EXISTS (SELECT 1 FROM Organization g INDEXED BY Organization_id_status_kind_idx
      WHERE g.id = o.organizationId AND g.status = 'published' AND g.kind IN (${kinds}))`,
  );
  any(query.trls, (trls) => Prisma.sql`o.trl IN (${trls})`);
  any(query.ipStatuses, (statuses) => Prisma.sql`o.ipStatus IN (${statuses})`);
  if (query.updatedSince) parts.push(Prisma.sql`o.updatedAt >= ${storedDate(query.updatedSince)}`);
  return Prisma.join(parts, " AND ");
}

/**
 * The fallback's statements, counting up to COUNTED_MATCHES_LIMIT as the
 * directory's (decision 059). Without words: the count, then the page in the
 * engine's order. With words: the first matches found, read once with what the
 * orders need and sorted and paged here; a relevance page of up to
 * RANKED_MATCHES_LIMIT matches asks again, for bm25.
 */
export function offerFallbackStatements(query: OfferQuery) {
  const match = fullTextQuery(query.q);
  const where = offerConditions(query, match);
  const name = query.lang === "vi" ? Prisma.sql`o.sortNameVi` : Prisma.sql`o.sortNameEn`;
  const orderBy = query.sort === "name" ? Prisma.sql`${name}, o.id` : Prisma.sql`o.publishedAt DESC, o.id`;
  const limit = Prisma.sql`LIMIT ${query.perPage} OFFSET ${(query.page - 1) * query.perPage}`;
  return {
    match,
    count: Prisma.sql`SELECT COUNT(*) AS n FROM (SELECT 1 FROM Offer o WHERE ${where}
      LIMIT ${COUNTED_MATCHES_LIMIT + 1})`,
    page: Prisma.sql`SELECT o.id FROM Offer o WHERE ${where} ORDER BY ${orderBy} ${limit}`,
    matches: Prisma.sql`SELECT o.id, o.publishedAt, ${name} AS name
      FROM OfferSearch s JOIN Offer o ON o.rowid = s.rowid
      WHERE OfferSearch MATCH ${match} AND ${offerConditions(query, null)}
      LIMIT ${COUNTED_MATCHES_LIMIT + 1}`,
    ranked: Prisma.sql`SELECT o.id FROM OfferSearch s JOIN Offer o ON o.rowid = s.rowid
      WHERE OfferSearch MATCH ${match} AND ${offerConditions(query, null)}
      ORDER BY s.rank, o.publishedAt DESC, o.id ${limit}`,
  };
}

type OfferMatchRow = { id: string; publishedAt: Date | number | bigint | string | null; name: string | null };

async function offersInDatabase(query: OfferQuery, db: DbClient): Promise<ListingResult> {
  const statements = offerFallbackStatements(query);
  const answer = (matched: number, ids: string[]): ListingResult => ({
    total: Math.min(matched, COUNTED_MATCHES_LIMIT),
    totalAtLeast: matched > COUNTED_MATCHES_LIMIT,
    facets: {},
    hits: ids.map((id) => ({ id, highlights: {} })),
  });
  // On the read workers, beside the app's thread (decision 059).
  if (!statements.match) {
    const [{ n }] = (await readRows<{ n: number | bigint }>(statements.count, db)) as [{ n: number | bigint }];
    const matched = Number(n);
    const rows = matched === 0 ? [] : await readRows<{ id: string }>(statements.page, db, { followUp: true });
    return answer(
      matched,
      rows.map((row) => row.id),
    );
  }
  const rows = await readRows<OfferMatchRow>(statements.matches, db);
  if (query.sort === "relevance" && rows.length > 0 && rows.length <= RANKED_MATCHES_LIMIT) {
    return answer(
      rows.length,
      (await readRows<{ id: string }>(statements.ranked, db, { followUp: true })).map((row) => row.id),
    );
  }
  // Past the limit, or sorted: the first matches found, in the engine's order without words.
  const byName = (a: OfferMatchRow, b: OfferMatchRow) =>
    compareValues(a.name ?? "", b.name ?? "") || compareValues(a.id, b.id);
  const order =
    query.sort === "name"
      ? byName
      : (a: OfferMatchRow, b: OfferMatchRow) =>
          compareValues(timeSortValue(b.publishedAt), timeSortValue(a.publishedAt)) || compareValues(a.id, b.id);
  const offset = (query.page - 1) * query.perPage;
  const page = rows
    .slice(0, COUNTED_MATCHES_LIMIT)
    .sort(order)
    .slice(offset, offset + query.perPage);
  return answer(
    rows.length,
    page.map((row) => row.id),
  );
}

export const offerCardSelect = {
  id: true,
  type: true,
  nameVi: true,
  nameEn: true,
  descriptionVi: true,
  descriptionEn: true,
  priceMode: true,
  accessMode: true,
  category: true,
  trl: true,
  ipStatus: true,
  fromPublicSource: true,
  staleSince: true,
  district: true,
  ward: true,
  updatedAt: true,
  organization: {
    select: {
      slug: true,
      nameVi: true,
      nameEn: true,
      acronym: true,
      kind: true,
      status: true,
      district: true,
      ward: true,
    },
  },
  ownerExpert: { select: { slug: true, fullName: true, status: true } },
  fields: {
    select: { field: { select: { slug: true, nameVi: true, nameEn: true } } },
    orderBy: { field: { position: "asc" } },
  },
} satisfies Prisma.OfferSelect;

type CardRow = Prisma.OfferGetPayload<{ select: typeof offerCardSelect }>;

/** An offer's owner only when the owner is public too; its place, and whether it is stale. */
export function publicParts<R extends CardRow>(row: R) {
  const { organization, ownerExpert, fields, staleSince, district, ward, ...rest } = row;
  const publicOrganization = organization?.status === "published" ? organization : null;
  return {
    ...rest,
    stale: staleSince !== null,
    // An instrument's own place first; a service or technology is where its owner is.
    district: district ?? publicOrganization?.district ?? null,
    ward: ward ?? publicOrganization?.ward ?? null,
    organization: publicOrganization,
    ownerExpert: ownerExpert?.status === "published" ? ownerExpert : null,
    fields: fields.map(({ field }) => field),
  };
}

/** A card's row as one statement reads it: the owners' columns flat, the fields as JSON. */
type CardSqlRow = Omit<
  CardRow,
  "organization" | "ownerExpert" | "fields" | "fromPublicSource" | "staleSince" | "updatedAt"
> & {
  fromPublicSource: boolean | number | bigint;
  staleSince: Date | string | number | null;
  updatedAt: Date | string | number;
  orgSlug: string | null;
  orgNameVi: string | null;
  orgNameEn: string | null;
  orgAcronym: string | null;
  orgKind: string | null;
  orgStatus: string | null;
  orgDistrict: string | null;
  orgWard: string | null;
  expertSlug: string | null;
  expertName: string | null;
  expertStatus: string | null;
  fields: string | null;
  status: string;
  hiddenAt: Date | string | number | null;
};

/**
 * What a list shows of public offers, in the order of `ids`; each owner only when
 * public too. One statement (owners joined, fields aggregated as JSON), read with a
 * statement prepared once, as the directory's cards are (docs/decisions/078): as a
 * Prisma select it was four queries and about 5 ms on every /offers request, cached
 * or not, the largest part of the page's time.
 */
export async function publicOfferCards(ids: readonly string[], db: DbClient = prisma) {
  if (ids.length === 0) return [];
  const rows = await timed("cards", () =>
    readRowsNow<CardSqlRow>(
      Prisma.sql`
      SELECT x.id, x.status, x.hiddenAt, x.type, x.nameVi, x.nameEn, x.descriptionVi, x.descriptionEn, x.priceMode, x.accessMode,
             x.category, x.trl, x.ipStatus, x.fromPublicSource, x.staleSince, x.district, x.ward, x.updatedAt,
             g.slug AS orgSlug, g.nameVi AS orgNameVi, g.nameEn AS orgNameEn, g.acronym AS orgAcronym,
             g.kind AS orgKind, g.status AS orgStatus, g.district AS orgDistrict, g.ward AS orgWard,
             e.slug AS expertSlug, e.fullName AS expertName, e.status AS expertStatus,
             (SELECT json_group_array(json_array(f.slug, f.nameVi, f.nameEn))
                FROM (SELECT f.slug, f.nameVi, f.nameEn FROM OfferField l JOIN Field f ON f.id = l.fieldId
                      WHERE l.offerId = x.id ORDER BY f.position) f) AS fields
      FROM Offer x
      LEFT JOIN Organization g ON g.id = x.organizationId
      LEFT JOIN ExpertProfile e ON e.id = x.ownerExpertId
      WHERE x.id IN (${Prisma.join([...ids])})`,
      db,
    ),
  );
  // Only public offers (the engine's index may lag behind an unpublish), by the domain's one rule.
  const byId = new Map(
    rows
      .filter((row) =>
        isPublicOffer({
          status: row.status,
          hiddenAt: row.hiddenAt === null ? null : readDate(row.hiddenAt),
          organization: row.orgStatus === null ? null : { status: row.orgStatus },
        }),
      )
      .map((row) => [row.id, row]),
  );
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [publicParts(cardRow(row))] : [];
  });
}

/** The statement's row in the shape of `offerCardSelect`, which publicParts and the export share. */
function cardRow({ status: _status, hiddenAt: _hiddenAt, ...row }: CardSqlRow): CardRow {
  const { orgSlug, orgNameVi, orgNameEn, orgAcronym, orgKind, orgStatus, orgDistrict, orgWard, ...rest } = row;
  const { expertSlug, expertName, expertStatus, fields, trl, fromPublicSource, staleSince, updatedAt, ...columns } =
    rest;
  return {
    ...columns,
    trl: trl === null ? null : Number(trl),
    fromPublicSource: Boolean(Number(fromPublicSource)),
    staleSince: staleSince === null ? null : readDate(staleSince),
    updatedAt: readDate(updatedAt),
    organization:
      orgSlug === null
        ? null
        : {
            slug: orgSlug,
            nameVi: orgNameVi,
            nameEn: orgNameEn,
            acronym: orgAcronym,
            kind: orgKind!,
            status: orgStatus!,
            district: orgDistrict,
            ward: orgWard,
          },
    ownerExpert: expertSlug === null ? null : { slug: expertSlug, fullName: expertName!, status: expertStatus! },
    fields: (JSON.parse(fields ?? "[]") as [string, string, string][]).map(([slug, nameVi, nameEn]) => ({
      field: { slug, nameVi, nameEn },
    })),
  };
}

export type OfferCardData = Awaited<ReturnType<typeof publicOfferCards>>[number];

/** Everything public about one offer (the API's resource); null unless it is public. */
export async function getPublicOffer(id: string, type: string, db: DbClient = prisma) {
  const row = await db.offer.findFirst({
    where: { id, type, ...PUBLIC_OFFER },
    select: {
      ...offerCardSelect,
      method: true,
      sampleRequirements: true,
      turnaround: true,
      audience: true,
      priceMinVnd: true,
      priceMaxVnd: true,
      freeFor: true,
      instrument: true,
      make: true,
      model: true,
      specifications: true,
      building: true,
      conditions: true,
      applications: true,
      ipNumber: true,
      offeredAs: true,
      transferredTo: true,
      transferredAt: true,
      sourceUrls: true,
      publishedAt: true,
      inventors: {
        select: { expert: { select: { slug: true, fullName: true, status: true } } },
        orderBy: { position: "asc" },
      },
    },
  });
  if (!row) return null;
  const { inventors, ...rest } = row;
  return {
    ...publicParts(rest),
    inventors: inventors.flatMap(({ expert }) => (expert.status === "published" ? [expert] : [])),
  };
}
export type PublicOffer = NonNullable<Awaited<ReturnType<typeof getPublicOffer>>>;
