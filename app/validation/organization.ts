import { z } from "zod";
import { DISTRICTS } from "~/domain/districts";
import { isWardSlug } from "~/domain/wards";
import { optionalEmails, optionalPhone } from "./contact";
import { ORGANIZATION_KINDS } from "~/domain/organization-values";
import { formToken, listOf, oneOf, optionalText, optionalUrl } from "./common";
import { problem } from "./messages";

const YEAR_MAX = new Date().getFullYear();

/** What a manager may change in a listing (kind, status and verification are the officials'). */
const listingFields = {
  nameVi: optionalText({ max: 200 }),
  nameEn: optionalText({ max: 200 }),
  acronym: optionalText({ max: 30 }),
  summaryVi: optionalText({ max: 2_000, multiline: true }),
  summaryEn: optionalText({ max: 2_000, multiline: true }),
  website: optionalUrl,
  address: optionalText({ max: 300 }),
  // The ward (since July 2025) and the area (former district) are separate
  // choices: 28 names are both, so neither is guessed from the other.
  ward: z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim() || null)
    .refine((value) => value === null || isWardSlug(value), problem("form.choose")),
  phone: optionalPhone,
  email: optionalEmails,
  district: z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim() || null)
    .refine((value) => value === null || DISTRICTS.some((district) => district.slug === value), problem("form.choose")),
  foundedYear: z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim())
    .refine(
      (value) => value === "" || (/^\d{4}$/.test(value) && Number(value) >= 1800 && Number(value) <= YEAR_MAX),
      problem("form.yearRange", { min: 1800, max: YEAR_MAX }),
    )
    .transform((value) => (value === "" ? null : Number(value))),
  fieldSlugs: listOf(
    z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .max(80),
    { min: 1, max: 8 },
  ),
};

export const OrganizationEditSchema = z
  .object(listingFields)
  .refine((value) => value.nameVi || value.nameEn, { message: problem("org.nameRequired"), path: ["nameVi"] });

/** A member proposes a listing the directory lacks; an official reviews it. */
export const OrganizationNewSchema = z
  .object({
    ...listingFields,
    kind: oneOf(ORGANIZATION_KINDS),
    /** The parent institution, typed as a name, acronym or address in the directory */
    parent: optionalText({ max: 200 }),
    formToken,
  })
  .refine((value) => value.nameVi || value.nameEn, { message: problem("org.nameRequired"), path: ["nameVi"] });
