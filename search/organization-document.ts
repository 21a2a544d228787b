import { Prisma } from "~/generated/prisma/client";
import type { DbClient } from "~/db/client.server";
import { findDistrict } from "~/domain/districts";
import { findWard, wardLabel } from "~/domain/wards";
import { KIND_SEARCH_TERMS, isOrganizationKind, type ListingTexts } from "~/domain/organization-values";
import { foldForSearch, foldText } from "~/utils/text";
import { DOCUMENT_FORMAT } from "./document-format";
import { INDEXED_FIELD_SELECT } from "./field-select";
import { fieldTerms } from "./synonyms";

/**
 * What the organizations index holds for one organization. Only published
 * organizations are indexed; the page re-loads what it shows from the database.
 */
export type OrganizationDocument = ListingTexts & {
  /** See search/document-format.ts */
  documentFormat: number;
  /** The initials of its Vietnamese name ("dhqghn", and "qghn" without the kind), see nameInitialisms */
  initialisms: string[];
  /** Vietnamese and English names of its fields (aliases come through synonyms) */
  fieldNames: string[];
  fieldSlugs: string[];
  areaSlugs: string[];
  kindLabels: string[];
  parentId: string | null;
  parentNames: string[];
  /** The area: the former district (before July 2025) */
  district: string | null;
  districtNames: string[];
  /** The ward or commune since July 2025 */
  ward: string | null;
  wardNames: string[];
  verified: boolean;
  verifiedRank: number;
  /** How many fields the listing has: fewer is more specific (a ranking tie-breaker) */
  fieldCount: number;
  createdAt: number;
  sortNameVi: string;
  sortNameEn: string;
};

export const organizationIndexInclude = {
  parent: { select: { nameVi: true, nameEn: true, acronym: true, status: true } },
  fields: { select: { field: { select: { ...INDEXED_FIELD_SELECT, parent: { select: INDEXED_FIELD_SELECT } } } } },
} satisfies Prisma.OrganizationInclude;

export type OrganizationForIndex = Prisma.OrganizationGetPayload<{ include: typeof organizationIndexInclude }>;

type Term = { slug: string; nameVi: string; nameEn: string; aliases: string };

/** What a document is built from: a Prisma row with organizationIndexInclude, or a raw bulk row. */
export type OrganizationIndexSource = Pick<
  OrganizationForIndex,
  | "id"
  | "slug"
  | "kind"
  | "nameVi"
  | "nameEn"
  | "acronym"
  | "summaryVi"
  | "summaryEn"
  | "parentId"
  | "district"
  | "ward"
  | "address"
  | "verified"
  | "createdAt"
  | "status"
> & {
  parent: { nameVi: string | null; nameEn: string | null; acronym: string | null; status: string } | null;
  fields: { field: Term & { parent: Term | null } }[];
};

export function isIndexable(organization: { status: string }): boolean {
  return organization.status === "published";
}

export function organizationDocument(organization: OrganizationIndexSource): OrganizationDocument {
  const fields = organization.fields.map(({ field }) => field);
  const areas = uniqueBy(
    fields.flatMap((field) => (field.parent ? [field.parent] : [])),
    (area) => area.slug,
  );
  const district = findDistrict(organization.district);
  const ward = findWard(organization.ward);
  const kindLabels = isOrganizationKind(organization.kind) ? KIND_SEARCH_TERMS[organization.kind] : [];
  // An unpublished parent is not named in its children's documents.
  const parent = organization.parent?.status === "published" ? organization.parent : null;
  const displayVi = organization.nameVi ?? organization.nameEn ?? organization.slug;
  const displayEn = organization.nameEn ?? organization.nameVi ?? organization.slug;
  return {
    id: organization.id,
    documentFormat: DOCUMENT_FORMAT,
    slug: organization.slug,
    kind: organization.kind,
    nameVi: organization.nameVi,
    nameEn: organization.nameEn,
    acronym: organization.acronym,
    initialisms: nameInitialisms(organization.nameVi),
    summaryVi: organization.summaryVi,
    summaryEn: organization.summaryEn,
    // Both names of each field and its aliases ("TTNT", "AI"), in place of
    // synonyms in the engine (decision 007). Area names are left to the area
    // filter: leaner documents index faster.
    fieldNames: fieldTerms(fields),
    fieldSlugs: fields.map((field) => field.slug),
    areaSlugs: areas.map((area) => area.slug),
    kindLabels,
    parentId: organization.parentId,
    parentNames: parent ? unique([parent.acronym, parent.nameVi, parent.nameEn].filter(isText)) : [],
    district: organization.district,
    districtNames: district ? unique([district.vi, district.en]) : [],
    ward: organization.ward,
    // "Phường Cầu Giấy" as well as "Cầu Giấy": a search for the ward by its full name finds it.
    wardNames: ward ? unique([ward.vi, ward.en, wardLabel(ward, "vi"), wardLabel(ward, "en")]) : [],
    verified: organization.verified,
    verifiedRank: organization.verified ? 1 : 0,
    fieldCount: fields.length,
    createdAt: organization.createdAt.getTime(),
    sortNameVi: sortableName(displayVi),
    sortNameEn: foldText(displayEn),
  };
}

/** What a Vietnamese name begins with when it says the kind of organization, longest first. */
const KIND_PREFIX =
  /^(truong dai hoc|dai hoc|hoc vien|vien nghien cuu|vien|trung tam|phong thi nghiem trong diem|phong thi nghiem|tong cong ty|cong ty co phan|cong ty|tap doan) /;

/**
 * People shorten Vietnamese names to their initials: "ĐHQGHN" (typed "DHQG"
 * on the way), "BKHN" for Đại học Bách khoa Hà Nội, "KTQD" for Kinh tế Quốc
 * dân. The initials of the name before its first comma (a unit's name ends
 * with its parent's), without "Trường", and without the kind; the engine
 * matches a prefix of the last word typed.
 */
export function nameInitialisms(nameVi: string | null): string[] {
  if (!nameVi) return [];
  const name = foldText(nameVi.split(",")[0]!).replace(/^truong /, "");
  const initials = (text: string) =>
    text
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .map((word) => word[0])
      .join("");
  return unique([initials(name), initials(name.replace(KIND_PREFIX, ""))].filter((text) => text.length >= 3));
}

/**
 * A name folded for sorting, without the legal form that begins most company
 * names ("Công ty Cổ phần FPT" sorts under F).
 */
export function sortableName(name: string): string {
  return foldText(name).replace(
    /^(tong cong ty|cong ty co phan|cong ty tnhh( mot thanh vien)?|cong ty|ctcp|tap doan) /,
    "",
  );
}

/**
 * The accent-free text the database fallback search matches against: the same
 * words the index searches, folded.
 */
export function organizationSearchText(organization: OrganizationIndexSource): string {
  return searchTextOf(organizationDocument(organization), organization);
}

/**
 * The same, from an already built document (bulk writers build it once). The
 * database has no synonyms, so the fields' areas are written out.
 */
export function searchTextOf(
  doc: OrganizationDocument,
  source: Pick<OrganizationIndexSource, "address" | "fields">,
): string {
  const terms = source.fields.flatMap(({ field }) => (field.parent ? [field.parent.nameVi, field.parent.nameEn] : []));
  return foldForSearch(
    [
      doc.acronym,
      doc.nameVi,
      doc.nameEn,
      ...doc.fieldNames,
      ...new Set(terms),
      ...doc.kindLabels,
      ...doc.parentNames,
      doc.summaryVi,
      doc.summaryEn,
      ...doc.districtNames,
      ...doc.wardNames,
      source.address,
    ]
      .filter(isText)
      .join(" \n "),
  );
}

type SourceRow = Omit<OrganizationIndexSource, "verified" | "createdAt" | "parent" | "fields"> & {
  verified: number | bigint | boolean;
  createdAt: string | Date;
  parentNameVi: string | null;
  parentNameEn: string | null;
  parentAcronym: string | null;
  fields: string | null;
};

/**
 * Organizations with what their documents need, in one SQL statement (parent
 * joined, fields and areas aggregated as JSON). A full reindex reads 100,000
 * of them: as a Prisma include that took 18 s of CPU, competing with the
 * engine for the same two cores; this takes about 2 s.
 */
export async function loadIndexSources(
  db: DbClient,
  where: { ids?: readonly string[]; afterId?: string; publishedOnly?: boolean; limit?: number },
): Promise<OrganizationIndexSource[]> {
  const conditions: Prisma.Sql[] = [Prisma.sql`1 = 1`];
  if (where.ids)
    conditions.push(where.ids.length ? Prisma.sql`o.id IN (${Prisma.join([...where.ids])})` : Prisma.sql`0 = 1`);
  if (where.afterId) conditions.push(Prisma.sql`o.id > ${where.afterId}`);
  // Unary + keeps SQLite from walking an index on status (nearly every row is
  // published) and sorting 100,000 rows for each batch: it walks the primary key.
  if (where.publishedOnly) conditions.push(Prisma.sql`+o.status = 'published'`);
  const limit = where.limit ? Prisma.sql`LIMIT ${where.limit}` : Prisma.empty;
  const rows = await db.$queryRaw<SourceRow[]>`
    SELECT o.id, o.slug, o.kind, o.nameVi, o.nameEn, o.acronym, o.summaryVi, o.summaryEn, o.parentId, o.district,
           o.ward, o.address, o.verified, o.createdAt, o.status,
           p.nameVi AS parentNameVi, p.nameEn AS parentNameEn, p.acronym AS parentAcronym,
           (SELECT json_group_array(json_object(
                     'slug', f.slug, 'nameVi', f.nameVi, 'nameEn', f.nameEn, 'aliases', f.aliases,
                     'parent', CASE WHEN a.id IS NULL THEN NULL ELSE json_object(
                       'slug', a.slug, 'nameVi', a.nameVi, 'nameEn', a.nameEn, 'aliases', a.aliases) END))
              FROM OrganizationField l JOIN Field f ON f.id = l.fieldId LEFT JOIN Field a ON a.id = f.parentId
             WHERE l.organizationId = o.id) AS fields
    FROM Organization o LEFT JOIN Organization p ON p.id = o.parentId AND p.status = 'published'
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY o.id ${limit}`;
  return rows.map(({ parentNameVi, parentNameEn, parentAcronym, fields, verified, createdAt, ...row }) => ({
    ...row,
    verified: Boolean(Number(verified)),
    createdAt: new Date(createdAt),
    parent:
      parentNameVi !== null || parentNameEn !== null
        ? { nameVi: parentNameVi, nameEn: parentNameEn, acronym: parentAcronym, status: "published" }
        : null,
    fields: (JSON.parse(fields ?? "[]") as (Term & { parent: Term | null })[]).map((field) => ({ field })),
  }));
}

/** Documents to upsert and ids to delete, for the given organization ids. */
export async function loadOrganizationDocuments(db: DbClient, ids: readonly string[]) {
  const rows = await loadIndexSources(db, { ids });
  const upserts = rows.filter(isIndexable).map(organizationDocument);
  const indexed = new Set(upserts.map((doc) => doc.id));
  const deletes = ids.filter((id) => !indexed.has(id));
  return { upserts, deletes };
}

function isText(value: string | null | undefined): value is string {
  return typeof value === "string" && value.trim() !== "";
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(isText))];
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
