import { z } from "zod";
import { DISTRICTS } from "~/domain/districts";
import { isWardSlug } from "~/domain/wards";
import {
  BUDGETS,
  COMPANY_SIZES,
  DECLINE_REASONS,
  NOT_FOR_ME_REASONS,
  OUTCOMES,
  REQUESTER_TYPES,
  SECTORS,
  VISIBILITIES,
  type CompanySize,
  type RequesterType,
} from "~/domain/request-values";
import { formToken, listOf, oneOf, optionalText, recordChoice, slugChoice, text } from "./common";
import { problem } from "./messages";

/** The longest request title (a prefilled one is cut to it). */
export const TITLE_MAX = 150;
const TWO_YEARS_MS = 2 * 366 * 24 * 60 * 60 * 1000;

/** A yyyy-mm-dd date, in the future and at most two years away (end of that day, Hanoi time). */
export const deadline = z
  .string({ required_error: problem("form.required") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, problem("form.dateInvalid"))
  // 31 February must be refused, not rolled over to March.
  .refine((value) => {
    const [year, month, day] = value.split("-").map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, problem("form.dateInvalid"))
  .transform((value) => new Date(`${value}T23:59:59+07:00`))
  .refine((date) => !Number.isNaN(date.getTime()), problem("form.dateInvalid"))
  .refine((date) => date.getTime() > Date.now(), problem("form.dateInPast"))
  .refine((date) => date.getTime() < Date.now() + TWO_YEARS_MS, problem("form.dateTooFar"));

/**
 * Who posts: a business (the default) or a public agency. An agency has no company size: the
 * field is not asked of it and whatever came is dropped (stored as ""), never refused.
 */
const requesterFields = {
  requesterType: z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim() || "business")
    .pipe(oneOf(REQUESTER_TYPES)),
  companySize: z.string().optional(),
};
function withRequester<T extends { requesterType: RequesterType; companySize?: string }, I>(
  schema: z.ZodType<T, z.ZodTypeDef, I>,
) {
  return schema
    .superRefine((request, context) => {
      if (request.requesterType === "agency") return;
      const size = request.companySize ?? "";
      if (!(COMPANY_SIZES as readonly string[]).includes(size))
        context.addIssue({
          code: "custom",
          path: ["companySize"],
          message: problem(size ? "form.choose" : "form.required"),
        });
    })
    .transform((request) => ({
      ...request,
      companySize: request.requesterType === "agency" ? "" : (request.companySize as CompanySize),
    }));
}

const RequestObject = z.object({
  formToken: formToken.optional(),
  title: text({ min: 10, max: TITLE_MAX }),
  problem: text({ min: 30, max: 5_000, multiline: true }),
  desiredOutcome: text({ min: 20, max: 3_000, multiline: true }),
  /** Only for shortlisted researchers who accepted the terms; never searched, exported or mailed */
  confidential: optionalText({ max: 5_000, multiline: true }),
  fieldSlugs: listOf(slugChoice, { min: 1, max: 6 }),
  trl: z.coerce
    .number({ invalid_type_error: problem("form.number") })
    .int(problem("form.choose"))
    .min(1, problem("form.choose"))
    .max(9, problem("form.choose")),
  budget: oneOf(BUDGETS),
  deadline,
  visibility: oneOf(VISIBILITIES),
  companyName: text({ max: 150 }),
  /** Slug of a listing the author manages, or empty */
  organizationSlug: z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim() || null),
  sector: oneOf(SECTORS),
  ...requesterFields,
  district: z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim() || null)
    .refine((value) => value === null || DISTRICTS.some((district) => district.slug === value), problem("form.choose")),
  /** Today's ward or commune: shown only when the request names its company */
  ward: z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim() || null)
    .refine((value) => value === null || isWardSlug(value), problem("form.choose")),
});
export const RequestSchema = withRequester(RequestObject);
export type RequestInput = z.output<typeof RequestSchema>;

export const ReviewSchema = z
  .object({
    intent: z.enum(["approve", "reject"]),
    note: optionalText({ max: 1_000, multiline: true }),
  })
  .refine((review) => review.intent === "approve" || review.note, {
    message: problem("review.reasonRequired"),
    path: ["note"],
  });

export const RenewSchema = z.object({ intent: z.literal("renew"), deadline });
export const CloseSchema = z.object({ intent: z.literal("close"), outcome: oneOf(OUTCOMES) });

export const ResponseSchema = z.object({
  intent: z.literal("respond"),
  formToken: formToken.optional(),
  approach: text({ min: 30, max: 3_000, multiline: true }),
  experience: text({ min: 20, max: 3_000, multiline: true }),
  timeline: text({ min: 5, max: 500, multiline: true }),
});

export const EditResponseSchema = ResponseSchema.omit({ intent: true, formToken: true }).extend({
  intent: z.literal("edit-response"),
});

export const ResponseStatusSchema = z
  .object({
    intent: z.literal("move-response"),
    responseId: z.string().max(40),
    status: oneOf(["screening", "shortlisted", "accepted", "declined"] as const),
    declineReason: z
      .string()
      .optional()
      .transform((value) => (value ?? "") || null),
  })
  .refine(
    (move) =>
      move.status !== "declined" ||
      (move.declineReason !== null && (DECLINE_REASONS as readonly string[]).includes(move.declineReason)),
    {
      message: problem("response.declineReasonRequired"),
      path: ["declineReason"],
    },
  );

/** The longest personal note a business may add to an invitation. */
export const INVITE_NOTE_MAX = 500;
export const InviteSchema = z.object({
  intent: z.literal("invite"),
  expertId: z.string().max(40),
  note: optionalText({ max: INVITE_NOTE_MAX, multiline: true }),
});

/** "Not for me" on a request suggested to a researcher: an optional reason and short note. */
export const NOT_FOR_ME_NOTE_MAX = 300;
export const NotForMeSchema = z.object({
  intent: z.literal("not-for-me"),
  requestId: z.string().max(40),
  reason: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .pipe(oneOf(NOT_FOR_ME_REASONS).optional())
    .transform((value) => value ?? null),
  note: optionalText({ max: NOT_FOR_ME_NOTE_MAX, multiline: true }),
});
export const UndoNotForMeSchema = z.object({ intent: z.literal("undo-not-for-me"), requestId: z.string().max(40) });

export const QuestionSchema = z.object({
  intent: z.literal("ask"),
  body: text({ min: 10, max: 1_000, multiline: true }),
  formToken: formToken.optional(),
});
export const AnswerSchema = z.object({
  intent: z.literal("answer"),
  questionId: recordChoice,
  answer: text({ min: 2, max: 3_000, multiline: true }),
});
export const TermsSchema = z.object({
  intent: z.literal("accept-terms"),
  agree: z.literal("on", { errorMap: () => ({ message: problem("confidential.mustAgree") }) }),
});

export const MessageSchema = z.object({ body: text({ max: 5_000, multiline: true }), formToken: formToken.optional() });

export const ClaimSchema = z.object({ message: text({ min: 20, max: 2_000, multiline: true }) });

/** The author's edit: the new request's fields (an edit needs no form key: saving twice changes nothing). */
export const EditRequestSchema = withRequester(RequestObject.omit({ formToken: true }));
