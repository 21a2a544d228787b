import { z } from "zod";
import { ACADEMIC_TITLES, LINK_KINDS, OFFERS } from "~/domain/expert-values";
import { listOf, oneOf, optionalText, optionalUrl, text } from "./common";
import { problem } from "./messages";

export const INQUIRY_CHOICES = ["open", "requests-only"] as const;

const SLUG = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, problem("form.choose"))
  .max(80);
const YEAR_MAX = new Date().getFullYear() + 1;

export const ExpertLinkSchema = z
  .object({
    kind: oneOf(LINK_KINDS),
    title: optionalText({ max: 300 }),
    url: optionalUrl,
    year: z
      .string()
      .optional()
      .transform((value) => (value ?? "").trim())
      .refine(
        (value) => value === "" || (/^\d{4}$/.test(value) && Number(value) >= 1950 && Number(value) <= YEAR_MAX),
        problem("form.yearRange", { min: 1950, max: YEAR_MAX }),
      )
      .transform((value) => (value === "" ? null : Number(value))),
  })
  // A row with nothing but its kind is an unused blank row.
  .transform((link) => (link.title || link.url ? link : null))
  .refine((link) => link === null || link.title !== null, {
    message: problem("expert.linkNeedsTitle"),
    path: ["title"],
  });

export const ExpertProfileSchema = z
  .object({
    intent: z.enum(["save-draft", "publish"]),
    title: oneOf(ACADEMIC_TITLES),
    fullName: text({ max: 120 }),
    /** The affiliation typed or chosen: a directory slug, or a name to look up */
    affiliation: optionalText({ max: 200 }),
    position: optionalText({ max: 150 }),
    fieldSlugs: listOf(SLUG, { min: 1, max: 8 }),
    keywords: optionalText({ max: 1_500, multiline: true })
      .transform((value) =>
        (value ?? "")
          .split(/[\n,;]/)
          .map((keyword) => keyword.trim())
          .filter(Boolean),
      )
      .refine((keywords) => keywords.length <= 25, problem("form.tooMany", { max: 25 }))
      .refine(
        (keywords) => keywords.every((keyword) => keyword.length <= 60),
        problem("expert.keywordTooLong", { max: 60 }),
      ),
    bioVi: optionalText({ max: 3_000, multiline: true }),
    bioEn: optionalText({ max: 3_000, multiline: true }),
    offers: listOf(oneOf(OFFERS), { max: OFFERS.length }),
    /** Direct inquiries from the profile page, or formal requests only (docs/decisions/061) */
    inquiries: z.enum(INQUIRY_CHOICES).default("open"),
    links: z
      .array(ExpertLinkSchema)
      .max(30, problem("form.tooMany", { max: 30 }))
      .optional()
      .transform((links) => (links ?? []).filter((link): link is NonNullable<typeof link> => link !== null)),
  })
  .refine((profile) => profile.bioVi || profile.bioEn, { message: problem("expert.bioRequired"), path: ["bioVi"] });

export type ExpertProfileInput = z.output<typeof ExpertProfileSchema>;
