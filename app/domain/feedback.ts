import { FEEDBACK_WINDOW_DAYS } from "./request-values";

/** The feedback window's rules, shared by the models and the pages (docs/decisions/067). */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The last moment the business may give a response feedback. */
export const feedbackWindowEnd = (deadline: Date | string) =>
  new Date(new Date(deadline).getTime() + FEEDBACK_WINDOW_DAYS * DAY_MS);

/** Whether decisions on a request's responses are still taken: open, or expired within the window. */
export function takesDecisions(request: { status: string; deadline: Date | string }, now = new Date()) {
  if (request.status === "open") return true;
  return request.status === "expired" && now <= feedbackWindowEnd(request.deadline);
}

/** A response still waiting for the business's answer (screening is no answer yet). */
export const awaitsFeedback = (response: { status: string; feedbackAt: Date | string | null }) =>
  response.feedbackAt === null && (response.status === "submitted" || response.status === "screening");
