import { parseWithZod } from "@conform-to/zod/v3";
import type { SubmissionResult } from "@conform-to/react";
import { data, redirect } from "@remix-run/node";
import { forbidden } from "~/auth/auth.server";
import { newFormToken } from "~/auth/form-token.server";
import { hasPermission } from "~/auth/permissions";
import type { SessionUser } from "~/auth/session.server";
import type { DeclineReason } from "~/domain/request-values";
import { closeRequest, renewRequest, reviewRequest, type RequestDetail } from "~/models/request.server";
import { conversationUrl } from "~/domain/conversation";
import {
  editOwnResponse,
  hasOwnResponse,
  InvalidMoveError,
  inviteExpert,
  moveResponse,
  responseEligibility,
  submitResponse,
  withdrawOwnResponse,
} from "~/models/response.server";
import { invariantResponse } from "~/utils/misc";
import { problem } from "~/validation/messages";
import {
  CloseSchema,
  EditResponseSchema,
  InviteSchema,
  RenewSchema,
  ResponseSchema,
  ResponseStatusSchema,
  ReviewSchema,
  QuestionSchema,
  AnswerSchema,
  TermsSchema,
} from "~/validation/request";
import { assertNotBot } from "~/auth/honeypot.server";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { acceptConfidentialityTerms, answerQuestion, askQuestion, confidentialFor } from "~/models/request-talk.server";

/**
 * The forms of a request's page (/requests/:id), one function per intent. The route has
 * found the request (404 otherwise), signed-in the user and counted the write; each
 * function checks who may act (403), reads its form (400) and answers as the page expects.
 */
export type IntentArgs = { id: string; user: SessionUser; request: RequestDetail; formData: FormData };

type Result = SubmissionResult<string[]> | undefined;
const answer = <I extends string | null>(intent: I, result: Result, error: string | null = null, status = 200) =>
  data({ intent, result, error }, { status });

const byAuthor = ({ request, user }: IntentArgs) => request.authorId === user.id;
const stillOpen = (request: RequestDetail) => ["open", "expired"].includes(request.status);

const INTENTS = {
  approve: (args: IntentArgs) => review("approve", args),
  reject: (args: IntentArgs) => review("reject", args),
  invite,
  "move-response": moveOne,
  respond,
  "edit-response": editResponse,
  "withdraw-response": withdrawResponse,
  renew,
  close,
  ask,
  answer: answerOne,
  "accept-terms": acceptTerms,
};

/** Runs the posted intent; an unknown one gets 400. */
export function runIntent(intent: FormDataEntryValue | null, args: IntentArgs) {
  const known = typeof intent === "string" && Object.hasOwn(INTENTS, intent);
  return known ? INTENTS[intent as keyof typeof INTENTS](args) : answer(null, undefined, null, 400);
}

/** An official approves or rejects a pending request. */
async function review(intent: "approve" | "reject", { id, user, formData }: IntentArgs) {
  if (!hasPermission(user, "request:review")) throw forbidden();
  const submission = parseWithZod(formData, { schema: ReviewSchema });
  if (submission.status !== "success") return answer(intent, submission.reply(), null, 400);
  const decision = { approve: submission.value.intent === "approve", note: submission.value.note };
  const done = await reviewRequest(id, user.id, decision);
  return answer(intent, submission.reply(), done ? null : problem("review.alreadyDone"), done ? 200 : 409);
}

/** The author invites a suggested expert. */
async function invite(args: IntentArgs) {
  if (!byAuthor(args)) throw forbidden();
  const submission = parseWithZod(args.formData, { schema: InviteSchema });
  if (submission.status !== "success") return answer("invite", submission.reply(), null, 400);
  await inviteExpert(args.id, args.user.id, submission.value.expertId, submission.value.note);
  return answer("invite", submission.reply());
}

/** The author moves a proposal along; accepting it opens the match's conversation. */
async function moveOne(args: IntentArgs) {
  if (!byAuthor(args)) throw forbidden();
  const submission = parseWithZod(args.formData, { schema: ResponseStatusSchema });
  if (submission.status !== "success") return answer("move-response", submission.reply(), null, 400);
  const { responseId, status, declineReason } = submission.value;
  try {
    const move = { responseId, status, declineReason: declineReason as DeclineReason | null };
    const matchId = await moveResponse(args.id, args.user.id, move);
    if (matchId) return redirect(conversationUrl(matchId));
    return answer("move-response", submission.reply());
  } catch (error) {
    if (error instanceof InvalidMoveError) {
      const key = error.reason === "windowClosed" ? "feedback.windowClosed" : "response.invalidMove";
      return answer("move-response", submission.reply(), problem(key), 409);
    }
    throw error;
  }
}

/** A researcher sends a proposal, once per form token. */
async function respond(args: IntentArgs) {
  const { id, user } = args;
  if (byAuthor(args)) throw forbidden("You cannot respond to your own request.");
  const submission = parseWithZod(args.formData, { schema: ResponseSchema });
  if (submission.status !== "success") return answer("respond", submission.reply(), null, 400);
  const eligibility = await responseEligibility(id, user);
  const already = "responseId" in eligibility;
  if (!already && !eligibility.can) {
    return answer("respond", submission.reply({ formErrors: [problem(eligibility.reason)] }), null, 403);
  }
  const { approach, experience, timeline, formToken } = submission.value;
  const url = await submitResponse(id, user, { approach, experience, timeline }, formToken ?? newFormToken(), already);
  return redirect(`${url}?sent=1`);
}

/** The researcher edits their proposal while it is not screened yet. */
async function editResponse(args: IntentArgs) {
  const { id, user } = args;
  if (byAuthor(args)) throw forbidden();
  invariantResponse(await hasOwnResponse(id, user.id), "Not found", { status: 404 });
  const submission = parseWithZod(args.formData, { schema: EditResponseSchema });
  if (submission.status !== "success") return answer("edit-response", submission.reply(), null, 400);
  const { approach, experience, timeline } = submission.value;
  const saved = await editOwnResponse(id, user.id, { approach, experience, timeline });
  if (!saved) return answer("edit-response", submission.reply(), problem("response.locked"), 409);
  return redirect(`/requests/${id}?saved=1#respond`);
}

/** The researcher withdraws their proposal until it is accepted or declined. */
async function withdrawResponse(args: IntentArgs) {
  const { id, user } = args;
  if (byAuthor(args)) throw forbidden();
  invariantResponse(await hasOwnResponse(id, user.id), "Not found", { status: 404 });
  const withdrawn = await withdrawOwnResponse(id, user.id);
  if (!withdrawn) return answer("withdraw-response", undefined, problem("response.cannotWithdraw"), 409);
  return redirect(`/requests/${id}?withdrawn=1#respond`);
}

/** The author gives an open or expired request a new deadline. */
async function renew(args: IntentArgs) {
  if (!byAuthor(args)) throw forbidden();
  const submission = parseWithZod(args.formData, { schema: RenewSchema });
  if (submission.status !== "success") return answer("renew", submission.reply(), null, 400);
  // Already closed (a second click, another tab): say so on the page, not as an error page.
  if (!stillOpen(args.request)) return answer("renew", submission.reply(), problem("request.notOpen"), 409);
  await renewRequest(args.id, submission.value.deadline);
  return answer("renew", submission.reply());
}

/** The author closes an open or expired request with its outcome. */
async function close(args: IntentArgs) {
  if (!byAuthor(args)) throw forbidden();
  const submission = parseWithZod(args.formData, { schema: CloseSchema });
  if (submission.status !== "success") return answer("close", submission.reply(), null, 400);
  if (!stillOpen(args.request)) return answer("close", submission.reply(), problem("request.notOpen"), 409);
  await closeRequest(args.id, submission.value.outcome);
  return answer("close", submission.reply());
}

/** A member who is not the author asks a public question, once per form token. */
async function ask(args: IntentArgs) {
  const { id, user, formData } = args;
  if (byAuthor(args)) throw forbidden("You cannot ask on your own request.");
  assertNotBot(formData);
  const submission = parseWithZod(formData, { schema: QuestionSchema });
  if (submission.status !== "success") return answer("ask", submission.reply(), null, 400);
  if (args.request.status !== "open") return answer("ask", submission.reply(), problem("request.notOpen"), 409);
  const wait = await hit(LIMITS.requestQuestionsPerUser, user.id);
  if (wait > 0) {
    const error = problem("form.tooManyAttempts", { minutes: Math.max(1, Math.ceil(wait / 60_000)) });
    const headers = { "Retry-After": String(Math.ceil(wait / 1000)) };
    return data({ intent: "ask" as const, result: submission.reply(), error }, { status: 429, headers });
  }
  const url = await askQuestion(id, user.id, submission.value.body, submission.value.formToken ?? newFormToken());
  return redirect(url);
}

/** The author answers a question for everyone (or edits the answer). */
async function answerOne(args: IntentArgs) {
  if (!byAuthor(args)) throw forbidden();
  const submission = parseWithZod(args.formData, { schema: AnswerSchema });
  if (submission.status !== "success") return answer("answer", submission.reply(), null, 400);
  await answerQuestion(args.id, args.user.id, submission.value.questionId, submission.value.answer);
  return redirect(`/requests/${args.id}#questions`);
}

/** A shortlisted researcher accepts the confidentiality terms; anyone else finds nothing here. */
async function acceptTerms(args: IntentArgs) {
  const access = await confidentialFor(args.request, args.user.id);
  invariantResponse(access && access.view !== "author", "Not found", { status: 404 });
  const submission = parseWithZod(args.formData, { schema: TermsSchema });
  if (submission.status !== "success") return answer("accept-terms", submission.reply(), null, 400);
  await acceptConfidentialityTerms(args.id, args.user.id);
  return redirect(`/requests/${args.id}#confidential`);
}
