import { z } from "zod";
import { DISTRICTS } from "~/domain/districts";
import { isWardSlug } from "~/domain/wards";
import {
  ACCESS_MODES,
  AUDIENCES,
  EQUIPMENT_CATEGORIES,
  IP_STATUSES,
  OFFER_TYPES,
  OFFERED_AS,
  PRICE_MODES,
} from "~/domain/offer-values";
import { formToken, listOf, oneOf, optionalText, slugChoice } from "./common";
import { problem } from "./messages";

/** The largest price the form takes (Prisma's Int is 32-bit): two billion đồng. */
export const PRICE_MAX_VND = 2_000_000_000;

/** A price in đồng as people type it: "1.500.000", "1 500 000" or "1500000"; empty is null. */
const priceVnd = z
  .string()
  .optional()
  .transform((value) => (value ?? "").replace(/[\s.,]/g, "").replace(/(đ|vnd|vnđ)$/i, ""))
  .refine((value) => value === "" || /^\d{1,10}$/.test(value), problem("form.number"))
  .transform((value) => (value === "" ? null : Number(value)))
  .refine((value) => value === null || value <= PRICE_MAX_VND, problem("offer.priceTooHigh"));

const optionalSlug = (known: (value: string) => boolean) =>
  z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim() || null)
    .refine((value) => value === null || known(value), problem("form.choose"));

/** A code of `values`, or null when the field was left empty (required-ness is checked per type). */
const optionalCode = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim() || null)
    .refine((value) => value === null || (values as readonly string[]).includes(value), problem("form.choose"))
    .transform((value) => value as T | null);

/** Profile slugs, one per line or separated by commas: a technology's inventors. */
const inventorSlugs = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(/[\n,]+/)
      .map((slug) => slug.trim().replace(/^.*\/experts\//, ""))
      .filter(Boolean),
  )
  .refine((slugs) => slugs.every((slug) => slugChoice.safeParse(slug).success), problem("offer.inventorUnknown"))
  .refine((slugs) => slugs.length <= 12, problem("form.tooMany", { max: 12 }))
  .transform((slugs) => [...new Set(slugs)]);

/**
 * An offer as its owner describes it (services, equipment and technologies share one
 * form, decision 050). Each type's own fields are checked in `superRefine`; the fields
 * of the other types are dropped by `offerColumns`.
 */
const OfferObject = z.object({
  type: oneOf(OFFER_TYPES),
  nameVi: optionalText({ max: 200 }),
  nameEn: optionalText({ max: 200 }),
  descriptionVi: optionalText({ max: 3_000, multiline: true }),
  descriptionEn: optionalText({ max: 3_000, multiline: true }),
  fieldSlugs: listOf(slugChoice, { min: 1, max: 6 }),
  // Service
  method: optionalText({ max: 2_000, multiline: true }),
  sampleRequirements: optionalText({ max: 2_000, multiline: true }),
  turnaround: optionalText({ max: 200 }),
  audience: listOf(oneOf(AUDIENCES), { max: AUDIENCES.length }),
  priceMode: optionalCode(PRICE_MODES.filter((mode) => mode !== "unknown")),
  priceMinVnd: priceVnd,
  priceMaxVnd: priceVnd,
  freeFor: listOf(oneOf(AUDIENCES), { max: AUDIENCES.length }),
  // Equipment (the instrument also names a service's)
  instrument: optionalText({ max: 300 }),
  make: optionalText({ max: 100 }),
  model: optionalText({ max: 100 }),
  category: optionalCode(EQUIPMENT_CATEGORIES),
  specifications: optionalText({ max: 3_000, multiline: true }),
  building: optionalText({ max: 200 }),
  district: optionalSlug((slug) => DISTRICTS.some((district) => district.slug === slug)),
  ward: optionalSlug(isWardSlug),
  accessMode: optionalCode(ACCESS_MODES),
  conditions: optionalText({ max: 2_000, multiline: true }),
  // Technology
  applications: optionalText({ max: 3_000, multiline: true }),
  trl: optionalCode(["1", "2", "3", "4", "5", "6", "7", "8", "9"] as const),
  ipStatus: optionalCode(IP_STATUSES),
  ipNumber: optionalText({ max: 50 }),
  offeredAs: listOf(oneOf(OFFERED_AS), { max: OFFERED_AS.length }),
  transferred: z
    .string()
    .optional()
    .transform((value) => value === "on"),
  transferredTo: optionalText({ max: 200 }),
  inventors: inventorSlugs,
});

type Issue = { path: string; key: string; params?: Record<string, string | number> };

/** The rules that depend on the type or tie two fields together. */
function typeIssues(offer: z.output<typeof OfferObject>): Issue[] {
  const issues: Issue[] = [];
  const required = (path: string, value: unknown) => {
    if (value === null || value === undefined || value === "") issues.push({ path, key: "form.required" });
  };
  if (!offer.nameVi && !offer.nameEn) issues.push({ path: "nameVi", key: "offer.nameRequired" });
  if (offer.type === "service") {
    required("priceMode", offer.priceMode);
    if (offer.priceMode === "range") {
      required("priceMinVnd", offer.priceMinVnd);
      if (offer.priceMinVnd !== null && offer.priceMaxVnd !== null && offer.priceMinVnd > offer.priceMaxVnd)
        issues.push({ path: "priceMaxVnd", key: "offer.priceOrder" });
    }
  }
  if (offer.type === "equipment") {
    required("category", offer.category);
    required("accessMode", offer.accessMode);
  }
  if (offer.type === "technology") {
    required("trl", offer.trl);
    required("ipStatus", offer.ipStatus);
    if ((offer.ipStatus === "granted_patent" || offer.ipStatus === "granted_utility") && !offer.ipNumber)
      issues.push({ path: "ipNumber", key: "offer.ipNumberRequired" });
    if (!offer.transferred && offer.offeredAs.length === 0)
      issues.push({ path: "offeredAs", key: "form.chooseAtLeast", params: { min: 1 } });
  }
  return issues;
}

export const OfferSchema = OfferObject.superRefine((offer, context) => {
  for (const issue of typeIssues(offer))
    context.addIssue({ code: "custom", path: [issue.path], message: problem(issue.key, issue.params) });
});
export type OfferInput = z.output<typeof OfferSchema>;

/** The create form also carries its owner and a key against double submission. */
export const NewOfferSchema = OfferObject.extend({ formToken }).superRefine((offer, context) => {
  for (const issue of typeIssues(offer))
    context.addIssue({ code: "custom", path: [issue.path], message: problem(issue.key, issue.params) });
});
