import { prisma } from "~/db/client.server";
import { toCsv } from "~/utils/csv";
import { IMPORT_COLUMNS, IMPORT_COLUMNS_SELECT } from "./import/columns";
import { PUBLIC_OFFER } from "~/domain/offer-values";
import { pickColumns } from "~/domain/organization-values";
import { offerCardSelect, publicParts } from "./offer-search.server";
import { splitLines } from "~/domain/expert-values";

/**
 * Published listings as open data, in the import file's columns, so that an
 * export can be corrected in a spreadsheet and imported back.
 */
export type ExportedOrganization = Record<(typeof IMPORT_COLUMNS)[number], string | number | boolean | string[] | null>;

/**
 * Public contacts only: the ward is part of an organization's published
 * address (requests' wards are never exported).
 */

export async function exportPublishedOrganizations(): Promise<ExportedOrganization[]> {
  const rows = await prisma.organization.findMany({
    where: { status: "published" },
    orderBy: { slug: "asc" },
    select: {
      ...IMPORT_COLUMNS_SELECT,
      parent: { select: { slug: true, status: true } },
      fields: { select: { field: { select: { slug: true } } }, orderBy: { field: { position: "asc" } } },
    },
  });
  return rows.map(({ parent, fields, district, ...row }) => ({
    ...row,
    area: district,
    parent: parent?.status === "published" ? parent.slug : null,
    fields: fields.map(({ field }) => field.slug),
  }));
}

export function organizationsCsv(rows: ExportedOrganization[]): string {
  return toCsv(
    IMPORT_COLUMNS,
    rows.map((row) =>
      IMPORT_COLUMNS.map((column) => (Array.isArray(row[column]) ? (row[column] as string[]).join(";") : row[column])),
    ),
  );
}

/** The offers' open-data columns: public facts only (no review notes, no accounts, no search columns). */
export const OFFER_EXPORT_COLUMNS = [
  "id",
  "type",
  "nameVi",
  "nameEn",
  "descriptionVi",
  "descriptionEn",
  "organization",
  "ownerExpert",
  "area",
  "ward",
  "fields",
  "priceMode",
  "priceMinVnd",
  "priceMaxVnd",
  "audience",
  "method",
  "turnaround",
  "instrument",
  "make",
  "model",
  "category",
  "accessMode",
  "applications",
  "trl",
  "ipStatus",
  "ipNumber",
  "offeredAs",
  "fromPublicSource",
  "stale",
  "sourceUrls",
  "updatedAt",
] as const;
export type ExportedOffer = Record<(typeof OFFER_EXPORT_COLUMNS)[number], string | number | boolean | string[] | null>;

/** Every public offer (published, not hidden), by type and id; owners named only when public. */
export async function exportPublicOffers(): Promise<ExportedOffer[]> {
  const rows = await prisma.offer.findMany({
    where: PUBLIC_OFFER,
    orderBy: [{ type: "asc" }, { id: "asc" }],
    select: {
      ...offerCardSelect,
      priceMinVnd: true,
      priceMaxVnd: true,
      audience: true,
      method: true,
      turnaround: true,
      instrument: true,
      make: true,
      model: true,
      applications: true,
      ipNumber: true,
      offeredAs: true,
      sourceUrls: true,
    },
  });
  return rows.map(publicParts).map((row) => {
    // An offer from public sources shows no price until its organization confirms it (decision 050).
    const priced = !row.fromPublicSource;
    return {
      ...pickColumns(row, OFFER_EXPORT_COLUMNS.filter((column) => column in row) as (keyof typeof row)[]),
      organization: row.organization?.slug ?? null,
      ownerExpert: row.ownerExpert?.slug ?? null,
      area: row.district,
      ward: row.ward,
      fields: row.fields.map((field) => field.slug),
      priceMinVnd: priced ? row.priceMinVnd : null,
      priceMaxVnd: priced ? row.priceMaxVnd : null,
      audience: splitLines(row.audience),
      offeredAs: splitLines(row.offeredAs),
      sourceUrls: splitLines(row.sourceUrls),
      updatedAt: row.updatedAt.toISOString(),
    } as ExportedOffer;
  });
}

export function offersCsv(rows: ExportedOffer[]): string {
  return toCsv(
    OFFER_EXPORT_COLUMNS,
    rows.map((row) =>
      OFFER_EXPORT_COLUMNS.map((column) => {
        const value = row[column];
        return Array.isArray(value) ? value.join(";") : value;
      }),
    ),
  );
}
