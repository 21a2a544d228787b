import { z } from "zod";
import { MEETING_OUTCOMES } from "~/domain/meeting-values";
import { formToken, oneOf, optionalText, recordChoice, text } from "./common";
import { problem } from "./messages";

/** The forms of meetings at events (docs/decisions/073). */

/** What a participant wants to meet about, shown with their name on the event's list. */
export const INTERESTS_MAX = 500;
export const MEETING_MESSAGE_MAX = 2_000;
export const MEETING_NOTE_MAX = 2_000;

/** Opting in to the list of participants (a checkbox: "on" when ticked, absent otherwise). */
export const MeetingListingSchema = z.object({
  intent: z.literal("listing"),
  listed: z
    .string()
    .optional()
    .transform((value) => value === "on"),
  interests: optionalText({ max: INTERESTS_MAX, multiline: true }),
});

/** A meeting request from a participant's card: the slot and a short message. */
export const MeetingRequestSchema = z.object({
  intent: z.literal("request"),
  formToken: formToken.optional(),
  registrationId: recordChoice,
  slot: z
    .string({ required_error: problem("form.choose") })
    .trim()
    .min(1, problem("form.choose"))
    .max(40, problem("form.choose")),
  message: text({ max: MEETING_MESSAGE_MAX, multiline: true }),
});

/** One side's outcome after the event, and its private note. */
export const MeetingOutcomeSchema = z.object({
  outcome: oneOf(MEETING_OUTCOMES),
  note: optionalText({ max: MEETING_NOTE_MAX, multiline: true }),
});
