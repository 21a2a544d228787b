import { z } from "zod";
import { ACADEMIC_TITLES, LINK_KINDS, MAX_PROFILE_LINKS, OFFERS } from "~/domain/expert-values";
import { normaliseOrcid } from "~/domain/scholarly-ids";
import { isCountryCode, WORK_LANGUAGES, WORK_MODES } from "~/domain/overseas";
import { listOf, oneOf, optionalText, optionalUrl, slugChoice, text } from "./common";
import { problem } from "./messages";

export const INQUIRY_CHOICES = ["open", "requests-only"] as const;

const YEAR_MAX = new Date().getFullYear() + 1;

export const ExpertLinkSchema = z
  .object({
    /** The saved row this one edits: what an import brought stays with it */
    id: z.string().max(40).optional(),
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

/**
 * "Tôi đang làm việc ở nước ngoài" (docs/decisions/076): a country (none: based in Vietnam),
 * the institution abroad, how they work with Hanoi, the languages they work in.
 */
const OverseasFields = {
  country: optionalText({ max: 2 }).refine((value) => value === null || isCountryCode(value), problem("form.choose")),
  institutionAbroad: optionalText({ max: 200 }),
  workModes: listOf(oneOf(WORK_MODES), { max: WORK_MODES.length }),
  languages: listOf(oneOf(WORK_LANGUAGES), { max: WORK_LANGUAGES.length }),
};

type OverseasInput = {
  country: string | null;
  institutionAbroad: string | null;
  workModes: string[];
  languages: string[];
};

/** Abroad, the rest of the section is required; each missing part named at its field. */
function requireOverseasDetails(profile: OverseasInput, context: z.RefinementCtx) {
  if (profile.country === null) return;
  if (!profile.institutionAbroad)
    context.addIssue({ code: "custom", message: problem("overseas.institutionRequired"), path: ["institutionAbroad"] });
  if (profile.workModes.length === 0)
    context.addIssue({ code: "custom", message: problem("overseas.workModesRequired"), path: ["workModes"] });
  if (profile.languages.length === 0)
    context.addIssue({ code: "custom", message: problem("overseas.languagesRequired"), path: ["languages"] });
}

/** No country: based in Vietnam, and the section's other answers are not kept (a profile is never half abroad). */
function clearOverseasAtHome<T extends OverseasInput>(profile: T): T {
  return profile.country === null ? { ...profile, institutionAbroad: null, workModes: [], languages: [] } : profile;
}

export const ExpertProfileSchema = z
  .object({
    intent: z.enum(["save-draft", "publish"]),
    title: oneOf(ACADEMIC_TITLES),
    fullName: text({ max: 120 }),
    /** The affiliation typed or chosen: a directory slug, or a name to look up */
    affiliation: optionalText({ max: 200 }),
    position: optionalText({ max: 150 }),
    fieldSlugs: listOf(slugChoice, { min: 1, max: 8 }),
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
    /**
     * ORCID iD, as typed or its link; stored 0000-0000-0000-000X once its check digit
     * holds. Absent (not blank) leaves the saved one alone.
     */
    orcid: optionalText({ max: 60 })
      .refine((value) => value === null || normaliseOrcid(value) !== null, problem("publications.orcidInvalid"))
      .transform((value) => (value === null ? null : normaliseOrcid(value)))
      .optional(),
    links: z
      .array(ExpertLinkSchema)
      .max(MAX_PROFILE_LINKS, problem("form.tooMany", { max: MAX_PROFILE_LINKS }))
      .optional()
      .transform((links) => (links ?? []).filter((link): link is NonNullable<typeof link> => link !== null)),
    ...OverseasFields,
  })
  .refine((profile) => profile.bioVi || profile.bioEn, { message: problem("expert.bioRequired"), path: ["bioVi"] })
  .superRefine(requireOverseasDetails)
  .transform(clearOverseasAtHome);

type ExpertProfileOutput = z.output<typeof ExpertProfileSchema>;
type OverseasKeys = keyof typeof OverseasFields;
/** What saving takes: the form's values; without the overseas section's, the profile is based in Vietnam. */
export type ExpertProfileInput = Omit<ExpertProfileOutput, OverseasKeys> &
  Partial<Pick<ExpertProfileOutput, OverseasKeys>>;
