import type { Prisma } from "~/generated/prisma/client";
import type { DbClient } from "~/db/client.server";
import { splitLines } from "~/domain/expert-values";
import { isPublicOffer, OFFER_TYPE_LABELS, type OfferType } from "~/domain/offer-values";
import { foldForSearch } from "~/utils/text";
import { DOCUMENT_FORMAT } from "./document-format";
import { INDEXED_FIELDS } from "./field-select";
import { sortableName } from "./organization-document";
import { fieldTerms } from "./synonyms";

/**
 * What the offers index holds for one public service, instrument or
 * technology (docs/decisions/050): its own words, its fields, and its owner's
 * names and place, so that "XRD Cầu Giấy" or "HUST patent" finds it.
 */
export type OfferDocument = {
  /** See search/document-format.ts */
  documentFormat: number;
  id: string;
  type: string;
  typeLabels: string[];
  nameVi: string | null;
  nameEn: string | null;
  descriptionVi: string | null;
  descriptionEn: string | null;
  /** Instrument, make, model, method, specifications, applications: the technical words */
  technical: string[];
  fieldNames: string[];
  fieldSlugs: string[];
  areaSlugs: string[];
  /** The owning organization's or researcher's names, and the inventors' */
  ownerNames: string[];
  organizationId: string | null;
  organizationKind: string | null;
  ownerExpertId: string | null;
  district: string | null;
  ward: string | null;
  priceMode: string;
  accessMode: string | null;
  category: string | null;
  trl: number | null;
  ipStatus: string | null;
  offeredAs: string[];
  audience: string[];
  fromPublicSource: boolean;
  stale: boolean;
  verified: boolean;
  sortNameVi: string;
  sortNameEn: string;
  publishedAt: number;
  updatedAt: number;
};

export const offerIndexInclude = {
  fields: INDEXED_FIELDS,
  organization: {
    select: {
      id: true,
      nameVi: true,
      nameEn: true,
      acronym: true,
      kind: true,
      district: true,
      ward: true,
      verified: true,
      status: true,
    },
  },
  ownerExpert: { select: { id: true, fullName: true, status: true } },
  inventors: { select: { expert: { select: { fullName: true } } }, orderBy: { position: "asc" } },
} satisfies Prisma.OfferInclude;

export type OfferForIndex = Prisma.OfferGetPayload<{ include: typeof offerIndexInclude }>;

/** Public: published, not hidden, its organization published (isPublicOffer in app/domain/offer-values.ts). */
export function isListed(offer: OfferForIndex): boolean {
  return isPublicOffer(offer);
}

export function offerDocument(offer: OfferForIndex): OfferDocument {
  const fields = offer.fields.map(({ field }) => field);
  const organization = offer.organization;
  const label = OFFER_TYPE_LABELS[offer.type as OfferType];
  return {
    id: offer.id,
    documentFormat: DOCUMENT_FORMAT,
    type: offer.type,
    typeLabels: label ? [label.vi, label.en] : [],
    nameVi: offer.nameVi,
    nameEn: offer.nameEn,
    descriptionVi: offer.descriptionVi,
    descriptionEn: offer.descriptionEn,
    technical: [
      offer.instrument,
      offer.make,
      offer.model,
      offer.method,
      ...splitLines(offer.specifications ?? ""),
      offer.applications,
    ].filter(isText),
    fieldNames: fieldTerms(fields),
    fieldSlugs: fields.map((field) => field.slug),
    areaSlugs: [...new Set(fields.flatMap((field) => (field.parent ? [field.parent.slug] : [])))],
    ownerNames: [
      organization?.acronym,
      organization?.nameVi,
      organization?.nameEn,
      offer.ownerExpert?.fullName,
      ...offer.inventors.map(({ expert }) => expert.fullName),
    ].filter(isText),
    organizationId: organization?.id ?? null,
    organizationKind: organization?.kind ?? null,
    ownerExpertId: offer.ownerExpertId,
    // An instrument's own place first; a service or technology is where its owner is.
    district: offer.district ?? organization?.district ?? null,
    ward: offer.ward ?? organization?.ward ?? null,
    priceMode: offer.priceMode,
    accessMode: offer.accessMode,
    category: offer.category,
    trl: offer.trl,
    ipStatus: offer.ipStatus,
    offeredAs: splitLines(offer.offeredAs),
    audience: splitLines(offer.audience),
    fromPublicSource: offer.fromPublicSource,
    stale: offer.staleSince !== null,
    verified: organization?.verified ?? false,
    sortNameVi: offer.sortNameVi,
    sortNameEn: offer.sortNameEn,
    publishedAt: (offer.publishedAt ?? offer.createdAt).getTime(),
    updatedAt: offer.updatedAt.getTime(),
  };
}

/**
 * The columns a writer stores with every change of an offer: the folded text
 * the database fallback matches (the same words the index searches, and the
 * fields' areas, since the database has no synonyms) and the sortable names.
 */
export function offerSearchFields(offer: OfferForIndex): {
  searchText: string;
  sortNameVi: string;
  sortNameEn: string;
} {
  const doc = offerDocument(offer);
  const areas = offer.fields.flatMap(({ field }) => (field.parent ? [field.parent.nameVi, field.parent.nameEn] : []));
  const nameVi = offer.nameVi ?? offer.nameEn ?? "";
  const nameEn = offer.nameEn ?? offer.nameVi ?? "";
  return {
    searchText: foldForSearch(
      [
        doc.nameVi,
        doc.nameEn,
        ...doc.typeLabels,
        ...doc.technical,
        ...doc.fieldNames,
        ...new Set(areas),
        ...doc.ownerNames,
        doc.descriptionVi,
        doc.descriptionEn,
      ]
        .filter(isText)
        .join(" \n "),
    ),
    sortNameVi: sortableName(nameVi),
    sortNameEn: sortableName(nameEn),
  };
}

/** Re-reads an offer and stores its search columns: call inside the transaction that changed it. */
export async function refreshOfferSearchFields(db: DbClient, id: string): Promise<void> {
  const offer = await db.offer.findUnique({ where: { id }, include: offerIndexInclude });
  if (offer) await db.offer.update({ where: { id }, data: offerSearchFields(offer) });
}

export async function loadOfferDocuments(db: DbClient, ids: readonly string[]) {
  const rows = await db.offer.findMany({ where: { id: { in: [...ids] } }, include: offerIndexInclude });
  const upserts = rows.filter(isListed).map(offerDocument);
  const indexed = new Set(upserts.map((doc) => doc.id));
  return { upserts, deletes: ids.filter((id) => !indexed.has(id)) };
}

function isText(value: string | null | undefined): value is string {
  return typeof value === "string" && value.trim() !== "";
}
