/**
 * The columns of an import file, and of the export (so an export can be
 * edited and imported back). `fields` lists taxonomy slugs separated by `;`.
 */
export const IMPORT_COLUMNS = [
  "slug",
  "kind",
  "nameVi",
  "nameEn",
  "acronym",
  "summaryVi",
  "summaryEn",
  "parent",
  "district",
  "address",
  "website",
  "foundedYear",
  "fields",
  "verified",
  "status",
  "sourceUrl",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

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
  website: 500,
  sourceUrl: 500,
};
