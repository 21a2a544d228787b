import type { Prisma } from "~/generated/prisma/client";
import type { DbClient } from "~/utils/db.server";
import { findDistrict } from "~/utils/districts";
import { KIND_LABELS, isOrganizationKind } from "~/utils/organization-values";
import { foldText } from "~/utils/text";
import { splitAliases } from "./synonyms";

/**
 * What the organizations index holds for one organization. Only published
 * organizations are indexed; the page re-loads what it shows from the database.
 */
export type OrganizationDocument = {
  id: string;
  slug: string;
  kind: string;
  nameVi: string | null;
  nameEn: string | null;
  acronym: string | null;
  summaryVi: string | null;
  summaryEn: string | null;
  /** Vietnamese and English names and aliases of its fields and their areas */
  fieldNames: string[];
  fieldSlugs: string[];
  areaSlugs: string[];
  kindLabels: string[];
  parentId: string | null;
  parentNames: string[];
  district: string | null;
  districtNames: string[];
  verified: boolean;
  verifiedRank: number;
  createdAt: number;
  sortNameVi: string;
  sortNameEn: string;
};

export const organizationIndexInclude = {
  parent: { select: { nameVi: true, nameEn: true, acronym: true } },
  fields: {
    select: {
      field: {
        select: {
          slug: true,
          nameVi: true,
          nameEn: true,
          aliases: true,
          parent: { select: { slug: true, nameVi: true, nameEn: true, aliases: true } },
        },
      },
    },
  },
} satisfies Prisma.OrganizationInclude;

export type OrganizationForIndex = Prisma.OrganizationGetPayload<{ include: typeof organizationIndexInclude }>;

export function isIndexable(organization: { status: string }): boolean {
  return organization.status === "published";
}

export function organizationDocument(organization: OrganizationForIndex): OrganizationDocument {
  const fields = organization.fields.map(({ field }) => field);
  const areas = uniqueBy(
    fields.flatMap((field) => (field.parent ? [field.parent] : [])),
    (area) => area.slug,
  );
  const district = findDistrict(organization.district);
  const kindLabels = isOrganizationKind(organization.kind) ? KIND_LABELS[organization.kind].searchTerms : [];
  const parent = organization.parent;
  const displayVi = organization.nameVi ?? organization.nameEn ?? organization.slug;
  const displayEn = organization.nameEn ?? organization.nameVi ?? organization.slug;
  return {
    id: organization.id,
    slug: organization.slug,
    kind: organization.kind,
    nameVi: organization.nameVi,
    nameEn: organization.nameEn,
    acronym: organization.acronym,
    summaryVi: organization.summaryVi,
    summaryEn: organization.summaryEn,
    fieldNames: unique(
      [...fields, ...areas].flatMap((term) => [term.nameVi, term.nameEn, ...splitAliases(term.aliases)]),
    ),
    fieldSlugs: fields.map((field) => field.slug),
    areaSlugs: areas.map((area) => area.slug),
    kindLabels,
    parentId: organization.parentId,
    parentNames: parent ? unique([parent.acronym, parent.nameVi, parent.nameEn].filter(isText)) : [],
    district: organization.district,
    districtNames: district ? unique([district.vi, district.en]) : [],
    verified: organization.verified,
    verifiedRank: organization.verified ? 1 : 0,
    createdAt: organization.createdAt.getTime(),
    sortNameVi: foldText(displayVi),
    sortNameEn: foldText(displayEn),
  };
}

/**
 * The accent-free text the database fallback search matches against: the same
 * words the index searches, folded.
 */
export function organizationSearchText(organization: OrganizationForIndex): string {
  return searchTextOf(organizationDocument(organization), organization.address);
}

/** The same, from an already built document (bulk writers build it once). */
export function searchTextOf(doc: OrganizationDocument, address: string | null): string {
  return foldText(
    [
      doc.acronym,
      doc.nameVi,
      doc.nameEn,
      ...doc.fieldNames,
      ...doc.kindLabels,
      ...doc.parentNames,
      doc.summaryVi,
      doc.summaryEn,
      ...doc.districtNames,
      address,
    ]
      .filter(isText)
      .join(" \n "),
  );
}

/** Documents to upsert and ids to delete, for the given organization ids. */
export async function loadOrganizationDocuments(db: DbClient, ids: readonly string[]) {
  const rows = await db.organization.findMany({ where: { id: { in: [...ids] } }, include: organizationIndexInclude });
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
