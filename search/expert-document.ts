import type { Prisma } from "~/generated/prisma/client";
import type { DbClient } from "~/db/client.server";
import { ACADEMIC_TITLE_LABELS, splitLines, type AcademicTitle } from "~/domain/expert-values";
import { findDistrict } from "~/domain/districts";
import { isAffiliationVerified } from "~/domain/affiliation";
import { countryName } from "~/domain/overseas";
import { foldForSearch, foldText } from "~/utils/text";
import { DOCUMENT_FORMAT } from "./document-format";
import { fieldTerms } from "./synonyms";
import { INDEXED_FIELDS } from "./field-select";

/** What the experts index holds for one published expertise profile. */
export type ExpertDocument = {
  /** See search/document-format.ts */
  documentFormat: number;
  id: string;
  slug: string;
  fullName: string;
  titleLabels: string[];
  affiliationId: string | null;
  affiliationNames: string[];
  /** The affiliation shown is verified (app/domain/affiliation.ts): filterable, for a facet to come */
  affiliationVerified: boolean;
  fieldNames: string[];
  fieldSlugs: string[];
  areaSlugs: string[];
  keywords: string[];
  bioVi: string | null;
  bioEn: string | null;
  offers: string[];
  linkTitles: string[];
  district: string | null;
  /** Based abroad (docs/decisions/076): filterable, the experts list's "Nơi làm việc" facet */
  overseas: boolean;
  /** The country abroad (ISO 3166-1 alpha-2); null in Vietnam */
  country: string | null;
  /** Its names in both languages ("Nhật Bản", "Japan"), searched; empty in Vietnam */
  countryNames: string[];
  publishedAt: number;
  sortName: string;
};

export const expertIndexInclude = {
  affiliation: { select: { id: true, nameVi: true, nameEn: true, acronym: true, district: true, status: true } },
  fields: INDEXED_FIELDS,
  links: { select: { title: true, kind: true }, orderBy: { position: "asc" } },
} satisfies Prisma.ExpertProfileInclude;

export type ExpertForIndex = Prisma.ExpertProfileGetPayload<{ include: typeof expertIndexInclude }>;

export function expertDocument(expert: ExpertForIndex): ExpertDocument {
  const title = ACADEMIC_TITLE_LABELS[expert.title as AcademicTitle];
  const affiliation = expert.affiliation?.status === "published" ? expert.affiliation : null;
  const fields = expert.fields.map(({ field }) => field);
  return {
    id: expert.id,
    documentFormat: DOCUMENT_FORMAT,
    slug: expert.slug,
    fullName: expert.fullName,
    titleLabels: title && expert.title !== "none" ? [title.vi, title.en] : [],
    affiliationId: affiliation?.id ?? null,
    affiliationNames: affiliation
      ? [affiliation.acronym, affiliation.nameVi, affiliation.nameEn].filter((name): name is string => Boolean(name))
      : [],
    affiliationVerified: affiliation !== null && isAffiliationVerified(expert),
    fieldNames: fieldTerms(fields),
    fieldSlugs: fields.map((field) => field.slug),
    areaSlugs: [...new Set(fields.flatMap((field) => (field.parent ? [field.parent.slug] : [])))],
    keywords: splitLines(expert.keywords),
    bioVi: expert.bioVi,
    bioEn: expert.bioEn,
    offers: splitLines(expert.offers),
    linkTitles: expert.links.map((link) => link.title),
    district: affiliation?.district ?? null,
    overseas: expert.country !== null,
    country: expert.country,
    countryNames: countryNamesOf(expert.country),
    publishedAt: (expert.publishedAt ?? expert.createdAt).getTime(),
    sortName: foldText(expert.fullName),
  };
}

/** A country's names as people type them, in Vietnamese and English (once when the two are one). */
function countryNamesOf(code: string | null): string[] {
  return code ? [...new Set([countryName(code, "vi"), countryName(code, "en")])] : [];
}

/** Folded text for the database fallback (names, fields with aliases and areas, keywords, bio, links, country). */
export function expertSearchText(expert: ExpertForIndex): string {
  const doc = expertDocument(expert);
  const areas = expert.fields.flatMap(({ field }) => (field.parent ? [field.parent.nameVi, field.parent.nameEn] : []));
  const district = findDistrict(doc.district);
  return foldForSearch(
    [
      doc.fullName,
      ...doc.titleLabels,
      ...doc.affiliationNames,
      ...doc.fieldNames,
      ...areas,
      ...doc.keywords,
      doc.bioVi,
      doc.bioEn,
      ...doc.linkTitles,
      district?.vi,
      ...doc.countryNames,
    ]
      .filter(Boolean)
      .join(" \n "),
  );
}

export async function loadExpertDocuments(db: DbClient, ids: readonly string[]) {
  const rows = await db.expertProfile.findMany({ where: { id: { in: [...ids] } }, include: expertIndexInclude });
  // A profile hidden by the yearly reconfirmation leaves the index (and so matching).
  const upserts = rows.filter((row) => row.status === "published" && row.hiddenAt === null).map(expertDocument);
  const indexed = new Set(upserts.map((doc) => doc.id));
  return { upserts, deletes: ids.filter((id) => !indexed.has(id)) };
}
