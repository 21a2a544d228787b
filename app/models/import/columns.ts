import { LISTING_CONTACT_COLUMNS, LISTING_TEXT_COLUMNS, selectColumns } from "~/domain/organization-values";

/**
 * The columns of an import file, and of the export (so an export can be
 * edited and imported back). `fields` lists taxonomy slugs separated by `;`.
 */
export const IMPORT_COLUMNS = [
  ...LISTING_TEXT_COLUMNS,
  "parent",
  // The area is the former district (before July 2025); the ward or commune
  // is today's unit. Two columns: 28 names are both (decision 029).
  "area",
  ...LISTING_CONTACT_COLUMNS,
  "fields",
  "verified",
  "status",
  "sourceUrl",
] as const;
/** The stored columns behind the import file's, the parent and the fields aside (read by the export and the plan). */
export const IMPORT_COLUMNS_SELECT = {
  ...selectColumns(LISTING_TEXT_COLUMNS),
  district: true,
  ...selectColumns(LISTING_CONTACT_COLUMNS),
  verified: true,
  status: true,
  sourceUrl: true,
} as const;
/** Accepted in files made before the area column: `district` means `area`. */
export const LEGACY_COLUMNS = ["district"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number] | (typeof LEGACY_COLUMNS)[number];

export const MAX_IMPORT_ROWS = 100_000;
/** The largest upload: the request body of the import route (its `handle`). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export const COLUMN_LIMITS: Partial<Record<ImportColumn, number>> = {
  slug: 120,
  nameVi: 200,
  nameEn: 200,
  acronym: 30,
  summaryVi: 2_000,
  summaryEn: 2_000,
  address: 300,
  phone: 100,
  email: 254,
  website: 500,
  sourceUrl: 500,
};
