import { prisma } from "~/db/client.server";
import { DEADLINE_REMINDER_DAYS, FEEDBACK_WINDOW_DAYS } from "~/domain/request-values";
import { DAY_MS, feedbackWindowEnd, takesDecisions } from "~/domain/feedback";
import { notify } from "./notification.server";
import type { MessageKey } from "~/i18n/messages";
import { write, type Effects, type Tx } from "./write.server";

/**
 * The feedback clock of a request (docs/decisions/067): a reminder a week before its response
 * deadline, a feedback window of FEEDBACK_WINDOW_DAYS after it in which the business still moves
 * every response on, and reminders while responses lack feedback: when the window opens and
 * FEEDBACK_LAST_CALL_DAYS before it closes. Each reminder is a conditional update of its time
 * column inside write(), so re-runs and concurrent runs send it once.
 */

/** The second feedback reminder goes out this many days before the window closes. */
export const FEEDBACK_LAST_CALL_DAYS = 3;

export { DAY_MS, feedbackWindowEnd, takesDecisions };

/** The day a date falls on in Hanoi, as the mails and notifications print it (dd/mm/yyyy). */
export function hanoiDate(date: Date) {
  const [year, month, day] = new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 10).split("-");
  return `${day}/${month}/${year}`;
}

const awaitingFeedback = { feedbackAt: null, status: { in: ["submitted", "screening"] } };

/**
 * Tells the author of each open request whose deadline is at most DEADLINE_REMINDER_DAYS away,
 * once per deadline (renewing or moving it clears deadlineReminderAt). Returns how many were told.
 */
export async function sendDeadlineReminders(now = new Date()) {
  const due = { status: "open", deadline: { gt: now, lte: new Date(now.getTime() + DEADLINE_REMINDER_DAYS * DAY_MS) } };
  const candidates = await prisma.techRequest.findMany({
    where: { ...due, deadlineReminderAt: null },
    select: { id: true },
  });
  let sent = 0;
  for (const { id } of candidates) {
    const told = await write(async (tx, effects) => {
      const request = await tx.techRequest.findUniqueOrThrow({
        where: { id },
        select: {
          authorId: true,
          title: true,
          deadline: true,
          updatedAt: true,
          _count: { select: { responses: true } },
        },
      });
      const { count } = await tx.techRequest.updateMany({
        where: { id, ...due, deadlineReminderAt: null },
        data: { deadlineReminderAt: now, ...keepEditTime(request) },
      });
      if (count === 0) return false; // another run told them, or the deadline moved
      await remindAuthor(id, request.authorId, "feedback.notify.deadlineSoon", tx, effects, {
        title: request.title,
        deadline: hanoiDate(request.deadline),
        count: request._count.responses,
        windowEnd: hanoiDate(feedbackWindowEnd(request.deadline)),
      });
      return true;
    });
    if (told) sent++;
  }
  return sent;
}

/**
 * Reminds the business of the responses still waiting for feedback: when the window opens (the
 * deadline passed) and again FEEDBACK_LAST_CALL_DAYS before it closes. feedbackReminderAt holds
 * the last reminder: a stage is due while it is older than the stage's start, so each stage goes
 * out once and a renewed deadline (later stages) re-arms both. Returns how many were sent.
 */
export async function sendFeedbackReminders(now = new Date()) {
  const windowDays = FEEDBACK_WINDOW_DAYS * DAY_MS;
  // Requests whose window is open now: deadline in [now - window, now].
  const candidates = await prisma.techRequest.findMany({
    where: {
      status: { in: ["open", "expired"] },
      deadline: { lte: now, gte: new Date(now.getTime() - windowDays) },
      responses: { some: awaitingFeedback },
    },
    select: { id: true, deadline: true },
  });
  let sent = 0;
  for (const candidate of candidates) {
    const lastCall = new Date(feedbackWindowEnd(candidate.deadline).getTime() - FEEDBACK_LAST_CALL_DAYS * DAY_MS);
    const stage = now >= lastCall ? "lastCall" : "opened";
    const stageStart = stage === "lastCall" ? lastCall : candidate.deadline;
    const told = await write(async (tx, effects) => {
      const request = await tx.techRequest.findUniqueOrThrow({
        where: { id: candidate.id },
        select: {
          authorId: true,
          title: true,
          updatedAt: true,
          _count: { select: { responses: { where: awaitingFeedback } } },
        },
      });
      const { count } = await tx.techRequest.updateMany({
        where: {
          id: candidate.id,
          deadline: candidate.deadline,
          status: { in: ["open", "expired"] },
          OR: [{ feedbackReminderAt: null }, { feedbackReminderAt: { lt: stageStart } }],
        },
        data: { feedbackReminderAt: now, ...keepEditTime(request) },
      });
      if (count === 0) return false;
      const waiting = request._count.responses;
      if (waiting === 0) return false; // all answered meanwhile: the stamp just closes this stage
      const key = stage === "lastCall" ? "feedback.notify.lastCall" : "feedback.notify.windowOpened";
      await remindAuthor(candidate.id, request.authorId, key, tx, effects, {
        title: request.title,
        count: waiting,
        windowEnd: hanoiDate(feedbackWindowEnd(candidate.deadline)),
      });
      return true;
    });
    if (told) sent++;
  }
  return sent;
}

/**
 * A reminder is not an edit: Prisma would stamp updatedAt, the request's last change as the
 * author's edit guard and the fuzzer's "refused, yet changed" check read it.
 */
function keepEditTime(request: { updatedAt: Date }) {
  return { updatedAt: request.updatedAt };
}

/** A reminder's notification and mail, leading to the request's proposals where the author acts. */
function remindAuthor(
  requestId: string,
  authorId: string,
  key: MessageKey,
  tx: Tx,
  effects: Effects,
  params: Record<string, string | number>,
) {
  const url = `/requests/${requestId}#responses`;
  return notify({ userId: authorId, type: "status", key, params, url }, tx, effects);
}

/** Both reminder kinds, as the job worker runs them. */
export async function sendRequestReminders(now = new Date()) {
  return (await sendDeadlineReminders(now)) + (await sendFeedbackReminders(now));
}
