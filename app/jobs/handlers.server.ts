import { deliverMail } from "~/models/mail.server";
import { matchNewOffer, recomputeForExpert, recomputeSuggestions } from "~/models/matching.server";
import { expireOverdueRequests } from "~/models/request.server";
import { sendRequestReminders } from "~/models/request-feedback.server";
import { runResendConfirmation, runSignUp } from "~/models/sign-up.server";
import { sendPasswordReset } from "~/models/user.server";
import { prisma } from "~/db/client.server";
import { log } from "~/config/log.server";
import { setting } from "~/config/env.server";
import { JobWorker, type JobHandlers, type PeriodicTask } from "./worker.server";
import { flagStaleListings } from "~/models/stale.server";
import { runOfferClock } from "~/models/offer-review.server";
import { sweepOrphanAttachments } from "~/models/message-attachment.server";
import { runAlerts } from "~/models/alerts.server";
import { sendWeeklyDigests } from "~/models/digest.server";
import { runProfileClock } from "~/models/profile-reconfirmation.server";
import { sendEventReminders } from "~/models/event-registration.server";

/** What each kind of job does. */
export const JOB_HANDLERS: JobHandlers = {
  "deliver-mail": ({ mailId }) => deliverMail(mailId),
  "recompute-matches": ({ requestId }) => recomputeSuggestions(requestId),
  "recompute-matches-for-expert": ({ expertId }) => recomputeForExpert(expertId),
  "match-offer": ({ offerId }) => matchNewOffer(offerId),
  "sign-up": (payload) => runSignUp(payload),
  "resend-confirmation": (payload) => runResendConfirmation(payload),
  "password-reset": ({ email }) => sendPasswordReset(email),
};

export const PERIODIC_TASKS: PeriodicTask[] = [
  { name: "expire-requests", everyMs: 60_000, run: () => expireOverdueRequests() },
  { name: "request-reminders", everyMs: 15 * 60_000, run: () => sendRequestReminders() },
  { name: "flag-stale-listings", everyMs: 60 * 60_000, run: () => flagStaleListings() },
  { name: "offer-reconfirmation", everyMs: 60 * 60_000, run: () => runOfferClock() },
  // Message files whose rows are gone (a conversation deleted with its organization) or never came.
  { name: "sweep-attachments", everyMs: 60 * 60_000, run: () => sweepOrphanAttachments() },
  // Saved searches (docs/decisions/068): instant ones by a short sweep, which costs one
  // small query per list when nothing became public; daily, weekly and the digest hourly,
  // each acting only on what is due.
  { name: "instant-alerts", everyMs: 15_000, run: () => runAlerts("instant") },
  { name: "daily-alerts", everyMs: 60 * 60_000, run: () => runAlerts("daily") },
  { name: "weekly-alerts", everyMs: 60 * 60_000, run: () => runAlerts("weekly") },
  { name: "weekly-digest", everyMs: 60 * 60_000, run: () => sendWeeklyDigests() },
  { name: "profile-reconfirmation", everyMs: 60 * 60_000, run: () => runProfileClock() },
  // Events (docs/decisions/077): the day-before reminder, once per registration.
  { name: "event-reminders", everyMs: 15 * 60_000, run: () => sendEventReminders() },
];

/**
 * The periodic tasks this process runs: none with PERIODIC_TASKS=off (the bench's portals,
 * where the clocks over 50,000 generated profiles would run at each start, beside what is measured).
 */
export function periodicTasks(env: Record<string, string | undefined> = process.env): PeriodicTask[] {
  return setting("PERIODIC_TASKS", env) ? [] : PERIODIC_TASKS;
}

export function createJobWorker(options: { pollIntervalMs?: number } = {}) {
  return new JobWorker({
    db: prisma,
    handlers: JOB_HANDLERS,
    periodic: periodicTasks(),
    pollIntervalMs: options.pollIntervalMs,
    log: (event, fields) => log("warn", event, fields),
  });
}
