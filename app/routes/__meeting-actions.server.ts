import { parseWithZod } from "@conform-to/zod/v3";
import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { assertNotBot } from "~/auth/honeypot.server";
import { clientAddress } from "~/auth/auth.server";
import { newFormToken } from "~/auth/form-token.server";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import type { SessionUser } from "~/auth/session.server";
import { conversationUrl } from "~/domain/conversation";
import { MAX_OPEN_REQUESTS } from "~/domain/meeting";
import {
  MeetingError,
  recordOutcome,
  requestMeeting,
  setListing,
  takeMeetingStep,
  type MeetingEvent,
  type MeetingStep,
} from "~/models/meeting.server";
import { problem } from "~/validation/messages";
import { MeetingListingSchema, MeetingOutcomeSchema, MeetingRequestSchema } from "~/validation/meeting";
import { rateLimited } from "~/validation/submission.server";

/**
 * The meeting forms (docs/decisions/073): opting in and requesting on the event's people
 * page (/events/:slug/people, intents "listing" and "request"), and the steps and the
 * outcome on the meeting's thread (/messages/:id, intents "meeting-…"). A refusal answers
 * 400 (409 for a meeting that changed meanwhile) with its message.
 */

const MESSAGES = {
  slotInvalid: problem("meeting.slotInvalid"),
  slotPast: problem("meeting.slotPast"),
  clash: problem("meeting.clash"),
  self: problem("meeting.self"),
  notRegistered: problem("meeting.notRegistered"),
  notListed: problem("meeting.notListed"),
  tooMany: problem("meeting.tooMany", { max: MAX_OPEN_REQUESTS }),
  alreadyAsked: problem("meeting.alreadyAsked"),
  closed: problem("meeting.closed"),
  wrongStatus: problem("meeting.wrongStatus"),
  started: problem("meeting.started"),
  notEnded: problem("meeting.notEnded"),
} satisfies Record<MeetingError["problem"], string>;

/** The refusal's message, under its field (the form's own errors when it has none). */
const fieldError = (error: MeetingError) => ({ [error.field ?? ""]: [MESSAGES[error.problem]] });

const statusOf = (error: MeetingError) => (error.problem === "wrongStatus" ? 409 : 400);

/** The people page's two forms: one's own listing, and a request to someone listed. */
export async function peopleAction(args: ActionFunctionArgs, user: SessionUser, event: MeetingEvent, form: FormData) {
  if (form.get("intent") === "listing") {
    const submission = parseWithZod(form, { schema: MeetingListingSchema });
    if (submission.status !== "success") return data({ listing: submission.reply() }, { status: 400 });
    const wait = await hit(LIMITS.writesPerUser, user.id);
    if (wait > 0) {
      const limited = rateLimited((options) => submission.reply(options), wait);
      return data({ listing: limited.data.result }, limited.init ?? undefined);
    }
    try {
      await setListing(event.id, user.id, submission.value);
    } catch (error) {
      if (!(error instanceof MeetingError)) throw error;
      return data({ listing: submission.reply({ formErrors: [MESSAGES[error.problem]] }) }, { status: 400 });
    }
    return redirect(`/events/${event.slug}/people?saved=1#own`);
  }
  assertNotBot(form);
  const submission = parseWithZod(form, { schema: MeetingRequestSchema });
  if (submission.status !== "success") return data({ request: submission.reply() }, { status: 400 });
  const wait = Math.max(
    await hit(LIMITS.inquiriesPerUser, user.id),
    await hit(LIMITS.inquiriesPerAddress, clientAddress(args)),
  );
  if (wait > 0) {
    const limited = rateLimited((options) => submission.reply(options), wait);
    return data({ request: limited.data.result }, limited.init ?? undefined);
  }
  try {
    const { formToken, registrationId, slot, message } = submission.value;
    return redirect(
      await requestMeeting(user.id, event.slug, { registrationId, slot, message }, formToken ?? newFormToken()),
    );
  } catch (error) {
    if (!(error instanceof MeetingError)) throw error;
    return data({ request: submission.reply({ fieldErrors: fieldError(error) }) }, { status: statusOf(error) });
  }
}

const STEP_INTENTS: Record<string, MeetingStep | "outcome"> = {
  "meeting-accept": "accept",
  "meeting-decline": "decline",
  "meeting-withdraw": "withdraw",
  "meeting-cancel": "cancel",
  "meeting-outcome": "outcome",
};

export const isMeetingIntent = (intent: unknown) => typeof intent === "string" && intent in STEP_INTENTS;

/** A step or the outcome on a meeting's thread, by one of its two people. */
export async function meetingStepAction(conversationId: string, user: SessionUser, form: FormData) {
  const step = STEP_INTENTS[String(form.get("intent"))];
  if (!step) throw new Response("Unknown intent", { status: 400 });
  if (step === "outcome") {
    const submission = parseWithZod(form, { schema: MeetingOutcomeSchema });
    if (submission.status !== "success")
      return data({ meetingStep: { step, result: submission.reply() } }, { status: 400 });
    try {
      await recordOutcome(conversationId, user.id, submission.value);
      return redirect(`${conversationUrl(conversationId)}?outcome=saved#meeting`);
    } catch (error) {
      if (!(error instanceof MeetingError)) throw error;
      const result = submission.reply({ fieldErrors: fieldError(error) });
      return data({ meetingStep: { step, result } }, { status: statusOf(error) });
    }
  }
  try {
    await takeMeetingStep(conversationId, user.id, step);
    return redirect(`${conversationUrl(conversationId)}#meeting`);
  } catch (error) {
    if (!(error instanceof MeetingError)) throw error;
    // A one-button step has no field: its message is the form's. A clash on accept asks for another time.
    const message = error.problem === "clash" ? problem("meeting.clashOnAccept") : MESSAGES[error.problem];
    const result = { status: "error" as const, error: { "": [message] }, initialValue: null };
    return data({ meetingStep: { step, result } }, { status: statusOf(error) });
  }
}
