/**
 * The columns of an offer import file (services, equipment, technologies), named as
 * the offer form's fields: `organization` is the owner's slug, `area` the former
 * district, and the list columns (`fields`, `audience`, `freeFor`, `offeredAs`,
 * `inventors`) hold codes or slugs separated by `;`, as the listings' `fields`.
 */
export const OFFER_IMPORT_COLUMNS = [
  "type",
  "organization",
  "nameVi",
  "nameEn",
  "descriptionVi",
  "descriptionEn",
  "fields",
  // Service
  "method",
  "sampleRequirements",
  "turnaround",
  "audience",
  "priceMode",
  "priceMinVnd",
  "priceMaxVnd",
  "freeFor",
  // Equipment (a service names its instruments too)
  "instrument",
  "make",
  "model",
  "category",
  "specifications",
  "building",
  "area",
  "ward",
  "accessMode",
  "conditions",
  // Technology
  "applications",
  "trl",
  "ipStatus",
  "ipNumber",
  "offeredAs",
  "transferred",
  "transferredTo",
  "inventors",
] as const;
export type OfferImportColumn = (typeof OFFER_IMPORT_COLUMNS)[number];

/** The file's columns that the offer form takes under another name. */
export const FORM_NAMES: Partial<Record<OfferImportColumn, string>> = { fields: "fieldSlugs", area: "district" };
/** Columns whose cell is a list, given to the form as one value per item. */
export const LIST_COLUMNS = new Set<OfferImportColumn>(["fields", "audience", "freeFor", "offeredAs"]);
