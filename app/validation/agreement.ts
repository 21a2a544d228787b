import { z } from "zod";
import { AGREEMENT_TYPES, AGREEMENT_VALUE_RANGES } from "~/domain/agreement-values";
import { signedOnProblem, type SignedOnProblem } from "~/domain/agreement";
import { hanoiToday } from "~/domain/booking";
import { formToken, oneOf, optionalText, recordChoice } from "./common";
import { problem } from "./messages";

/** What is wrong with a signing day, as the form says it. */
export const SIGNED_ON_MESSAGES: Record<SignedOnProblem, string> = {
  invalid: problem("form.dateInvalid"),
  future: problem("agreement.error.future"),
  beforeConversation: problem("agreement.error.beforeConversation"),
};

/**
 * The form that records an agreement in a conversation (docs/decisions/074). The day's
 * lower bound (the conversation's first day) is checked by the model, in the write.
 */
export const AgreementRecordSchema = z
  .object({
    formToken: formToken.optional(),
    type: oneOf(AGREEMENT_TYPES),
    signedOn: z.string({ required_error: problem("form.required") }).trim(),
    valueRange: z
      .union([oneOf(AGREEMENT_VALUE_RANGES), z.literal("")])
      .optional()
      .transform((value) => value || null),
    note: optionalText({ max: 1_000, multiline: true }),
    // A checkbox: "on" when ticked, absent otherwise.
    licensesOffer: z
      .literal("on", { errorMap: () => ({ message: problem("form.choose") }) })
      .optional()
      .transform((value) => value === "on"),
  })
  .superRefine((value, context) => {
    // The lower bound is far back here; the model checks the conversation's own.
    const found = signedOnProblem(value.signedOn, "0000-01-01", hanoiToday());
    if (found) context.addIssue({ code: "custom", path: ["signedOn"], message: SIGNED_ON_MESSAGES[found] });
  });

export type AgreementInput = Omit<z.output<typeof AgreementRecordSchema>, "formToken">;

/** The confirm, dispute and withdraw buttons: which agreement. */
export const AgreementStepSchema = z.object({
  agreementId: recordChoice,
});
