import { z } from "zod";
import { DISTRICTS } from "~/utils/districts";
import { listOf, optionalText, optionalUrl } from "./common";
import { problem } from "./messages";

const YEAR_MAX = new Date().getFullYear();

/** What a manager may change in a listing (kind, status and verification are the officials'). */
export const OrganizationEditSchema = z
  .object({
    nameVi: optionalText({ max: 200 }),
    nameEn: optionalText({ max: 200 }),
    acronym: optionalText({ max: 30 }),
    summaryVi: optionalText({ max: 2_000, multiline: true }),
    summaryEn: optionalText({ max: 2_000, multiline: true }),
    website: optionalUrl,
    address: optionalText({ max: 300 }),
    district: z
      .string()
      .optional()
      .transform((value) => (value ?? "").trim() || null)
      .refine((value) => value === null || DISTRICTS.some((district) => district.slug === value), problem("form.choose")),
    foundedYear: z
      .string()
      .optional()
      .transform((value) => (value ?? "").trim())
      .refine((value) => value === "" || (/^\d{4}$/.test(value) && Number(value) >= 1800 && Number(value) <= YEAR_MAX), problem("form.yearRange", { min: 1800, max: YEAR_MAX }))
      .transform((value) => (value === "" ? null : Number(value))),
    fieldSlugs: listOf(z.string().regex(/^[a-z0-9-]+$/).max(80), { min: 1, max: 8 }),
  })
  .refine((value) => value.nameVi || value.nameEn, { message: problem("org.nameRequired"), path: ["nameVi"] });
export type OrganizationEdit = z.output<typeof OrganizationEditSchema>;
