/**
 * The columns an owner writes about an offer, each type's own among them (the other
 * types' are null): what the form edits, what the import file holds, and what sends an
 * owner's edit back to review.
 */
export const OFFER_COLUMNS = [
  "nameVi",
  "nameEn",
  "descriptionVi",
  "descriptionEn",
  "method",
  "sampleRequirements",
  "turnaround",
  "audience",
  "priceMode",
  "priceMinVnd",
  "priceMaxVnd",
  "freeFor",
  "instrument",
  "make",
  "model",
  "category",
  "specifications",
  "building",
  "district",
  "ward",
  "accessMode",
  "conditions",
  "applications",
  "trl",
  "ipStatus",
  "ipNumber",
  "offeredAs",
  "transferredTo",
] as const;
export type OfferColumn = (typeof OFFER_COLUMNS)[number];
