import { OFFER_COLUMNS } from "~/domain/offer-columns";

/**
 * The columns of an offer import file (services, equipment, technologies), named as
 * the offer form's fields: `organization` is the owner's slug, `area` the former
 * district, and the list columns (`fields`, `audience`, `freeFor`, `offeredAs`,
 * `inventors`) hold codes or slugs separated by `;`, as the listings' `fields`.
 */
export const OFFER_IMPORT_COLUMNS = [
  "type",
  "organization",
  // The area is stored as `district` (the former district), as for organizations.
  ...OFFER_COLUMNS.map((column) => (column === "district" ? "area" : column)),
  "fields",
  "transferred",
  "inventors",
] as const;
export type OfferImportColumn =
  | "type"
  | "organization"
  | "area"
  | "fields"
  | "transferred"
  | "inventors"
  | Exclude<(typeof OFFER_COLUMNS)[number], "district">;

/** The file's columns that the offer form takes under another name. */
export const FORM_NAMES: Partial<Record<OfferImportColumn, string>> = { fields: "fieldSlugs", area: "district" };
/** Columns whose cell is a list, given to the form as one value per item. */
export const LIST_COLUMNS = new Set<OfferImportColumn>(["fields", "audience", "freeFor", "offeredAs"]);
