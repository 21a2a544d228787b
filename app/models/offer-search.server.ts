import type { Prisma } from "~/generated/prisma/client";
import { OFFERS_INDEX } from "#search/indexes";
import { searchListing, type ListingResult } from "#search/listing-search";
import { prisma, type DbClient } from "~/db/client.server";
import { PUBLIC_OFFER } from "~/domain/offer-values";
import type { Language } from "~/i18n/i18n";
import type { OffersPageQuery } from "~/utils/list-queries";
import { searchTerms } from "~/utils/text";
import { engineOrDatabase, queryConcepts, type ListingAnswer } from "./search-gateway.server";

/**
 * How services, equipment and technologies are found (issue 17): the offers
 * index through the gateway's engine-or-database switch, with the same concept
 * layer as the other lists, and a folded-text match in the database when the
 * engine is down. The fallback matches `searchText` with LIKE: offers number in
 * the thousands, where a scan costs a few milliseconds (decision 053).
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
  const found = await engineOrDatabase<ListingResult>(
    () =>
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
    () => offersInDatabase(query, db),
  );
  return { ...found, concepts: found.mode === "engine" ? concepts : [] };
}

function engineSort(query: OfferQuery): string[] {
  if (query.sort === "name") return [query.lang === "vi" ? "sortNameVi:asc" : "sortNameEn:asc"];
  // Without words to rank by, the newest first (as the other lists).
  return ["publishedAt:desc"];
}

/** The same filters as the engine's, on the public offers' rows; no counts (the page says so). */
export function offerWhere(query: Omit<OfferQuery, "page" | "perPage" | "sort" | "lang">): Prisma.OfferWhereInput {
  const any = <T>(values: readonly T[], where: (values: T[]) => Prisma.OfferWhereInput) =>
    values.length ? [where([...values])] : [];
  // A service or technology is where its owner is; an instrument may say where it stands.
  const place = (column: "district" | "ward", values: string[]): Prisma.OfferWhereInput => ({
    OR: [{ [column]: { in: values } }, { [column]: null, organization: { [column]: { in: values } } }],
  });
  return {
    ...PUBLIC_OFFER,
    AND: [
      // The same folding as the engine's: every folded word in the folded text.
      ...searchTerms(query.q)
        .slice(0, 12)
        .map((term) => ({ searchText: { contains: term } })),
      ...any(query.types, (types) => ({ type: { in: types } })),
      ...any(query.areas, (areas) => ({ fields: { some: { field: { parent: { slug: { in: areas } } } } } })),
      ...any(query.fields, (fields) => ({ fields: { some: { field: { slug: { in: fields } } } } })),
      ...any(query.priceModes, (modes) => ({ priceMode: { in: modes } })),
      ...any(query.accessModes, (modes) => ({ accessMode: { in: modes } })),
      ...any(query.districts, (districts) => place("district", districts)),
      ...any(query.wards, (wards) => place("ward", wards)),
      ...any(query.kinds, (kinds) => ({ organization: { kind: { in: kinds } } })),
      ...any(query.trls, (trls) => ({ trl: { in: trls } })),
      ...any(query.ipStatuses, (statuses) => ({ ipStatus: { in: statuses } })),
      ...(query.updatedSince ? [{ updatedAt: { gte: query.updatedSince } }] : []),
    ],
  };
}

async function offersInDatabase(query: OfferQuery, db: DbClient): Promise<ListingResult> {
  const where = offerWhere(query);
  const orderBy: Prisma.OfferOrderByWithRelationInput[] =
    query.sort === "name"
      ? [{ [query.lang === "vi" ? "sortNameVi" : "sortNameEn"]: "asc" }, { id: "asc" }]
      : [{ publishedAt: "desc" }, { id: "asc" }];
  const [total, rows] = await Promise.all([
    db.offer.count({ where }),
    db.offer.findMany({
      where,
      select: { id: true },
      orderBy,
      skip: (query.page - 1) * query.perPage,
      take: query.perPage,
    }),
  ]);
  return { total, facets: {}, hits: rows.map((row) => ({ id: row.id, highlights: {} })) };
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

/** What a list shows of one public offer; its owner only when the owner is public too. */
export async function publicOfferCards(ids: readonly string[], db: DbClient = prisma) {
  const rows = await db.offer.findMany({ where: { id: { in: [...ids] }, ...PUBLIC_OFFER }, select: offerCardSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [publicParts(row)];
  });
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
