import { parseWithZod } from "@conform-to/zod/v3";
import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { assertNotBot } from "~/auth/honeypot.server";
import { clientAddress } from "~/auth/auth.server";
import { newFormToken } from "~/auth/form-token.server";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import type { SessionUser } from "~/auth/session.server";
import { conversationUrl } from "~/domain/conversation";
import { BookingError, requestBooking, takeBookingStep, type BookingStep } from "~/models/booking.server";
import { problem } from "~/validation/messages";
import { BookingDeclineSchema, BookingProposeSchema, BookingRequestSchema, DATE_MESSAGES } from "~/validation/booking";
import { rateLimited } from "~/validation/submission.server";

/**
 * The booking forms: the request on an instrument's page (/offers/:id, intent "book")
 * and the steps on its conversation's page (/messages/:id, intents "booking-…"). A
 * refusal answers 400 (409 for a booking that changed meanwhile) with its message.
 */

const MESSAGES = {
  ...DATE_MESSAGES,
  overlap: problem("booking.overlap"),
  ownInstrument: problem("booking.ownInstrument"),
  notBookable: problem("booking.notBookable"),
  wrongStatus: problem("booking.wrongStatus"),
} satisfies Record<BookingError["problem"], string>;

/** The refusal's message, under its field (the form's own errors when it has none). */
const fieldError = (error: BookingError) => ({ [error.field ?? ""]: [MESSAGES[error.problem]] });

export async function bookAction(args: ActionFunctionArgs, user: SessionUser, offerId: string, formData: FormData) {
  assertNotBot(formData);
  const submission = parseWithZod(formData, { schema: BookingRequestSchema });
  if (submission.status !== "success") return data({ booking: submission.reply() }, { status: 400 });
  const wait = Math.max(
    await hit(LIMITS.inquiriesPerUser, user.id),
    await hit(LIMITS.inquiriesPerAddress, clientAddress(args)),
  );
  if (wait > 0) {
    const limited = rateLimited((options) => submission.reply(options), wait);
    return data({ booking: limited.data.result }, limited.init ?? undefined);
  }
  try {
    const { formToken, ...input } = submission.value;
    return redirect(await requestBooking(user.id, offerId, input, formToken ?? newFormToken()));
  } catch (error) {
    if (!(error instanceof BookingError)) throw error;
    return data({ booking: submission.reply({ fieldErrors: fieldError(error) }) }, { status: 400 });
  }
}

const STEP_INTENTS: Record<string, BookingStep["step"]> = {
  "booking-accept": "accept",
  "booking-decline": "decline",
  "booking-propose": "propose",
  "booking-accept-proposal": "acceptProposal",
  "booking-decline-proposal": "declineProposal",
  "booking-cancel": "cancel",
};

export const isBookingIntent = (intent: unknown) => typeof intent === "string" && intent in STEP_INTENTS;

export async function bookingStepAction(conversationId: string, user: SessionUser, formData: FormData) {
  const step = STEP_INTENTS[String(formData.get("intent"))];
  if (!step) throw new Response("Unknown intent", { status: 400 });
  // The propose and decline forms have fields; the other steps are one button.
  const schema = step === "propose" ? BookingProposeSchema : step === "decline" ? BookingDeclineSchema : null;
  const submission = schema ? parseWithZod(formData, { schema }) : null;
  if (submission && submission.status !== "success")
    return data({ bookingStep: { step, result: submission.reply() } }, { status: 400 });
  const action = { step, ...(submission?.status === "success" ? submission.value : {}) } as BookingStep;
  try {
    await takeBookingStep(conversationId, user.id, action);
    return redirect(`${conversationUrl(conversationId)}#booking`);
  } catch (error) {
    if (!(error instanceof BookingError)) throw error;
    const fieldErrors = fieldError(error);
    const result = submission
      ? submission.reply({ fieldErrors })
      : { status: "error" as const, error: fieldErrors, initialValue: null };
    return data({ bookingStep: { step, result } }, { status: error.problem === "wrongStatus" ? 409 : 400 });
  }
}
