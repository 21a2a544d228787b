import { parseWithZod } from "@conform-to/zod/v3";
import { data, redirect } from "@remix-run/node";
import { newFormToken } from "~/auth/form-token.server";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import type { SessionUser } from "~/auth/session.server";
import { takesAgreements } from "~/domain/agreement";
import { conversationUrl } from "~/domain/conversation";
import {
  AgreementError,
  agreementsForConversation,
  licensableOffer,
  recordAgreement,
  takeAgreementStep,
  type AgreementProblem,
} from "~/models/agreement.server";
import { hidesStarter } from "~/models/conversation.server";
import { AgreementRecordSchema, AgreementStepSchema, SIGNED_ON_MESSAGES } from "~/validation/agreement";
import { problem } from "~/validation/messages";
import { rateLimited } from "~/validation/submission.server";
import type { Member } from "./__thread.server";

/**
 * The agreement part of a conversation's page (docs/decisions/074): what its loader adds
 * and the forms its action hands over (intents "agreement-…"). Kept apart from the
 * thread's own route so other sections of the page stay independent of it.
 */

const MESSAGES = {
  ...SIGNED_ON_MESSAGES,
  notLicensing: problem("agreement.error.notLicensing"),
  wrongStatus: problem("agreement.error.wrongStatus"),
  notYours: problem("agreement.error.notYours"),
} satisfies Record<AgreementProblem, string>;

/** What the thread's loader adds: the agreements and the form's state, or null for kinds that take none. */
export async function agreementSection(conversation: Member, userId: string) {
  if (!takesAgreements(conversation.kind)) return null;
  const hideStarter = conversation.side === "owner" && hidesStarter(conversation);
  const [agreements, licensable] = await Promise.all([
    agreementsForConversation(conversation, userId, hideStarter),
    licensableOffer(conversation.id),
  ]);
  return { agreements: agreements ?? [], licensable, formToken: newFormToken() };
}

const STEPS = {
  "agreement-confirm": "confirm",
  "agreement-dispute": "dispute",
  "agreement-withdraw": "withdraw",
} as const;

export const isAgreementIntent = (intent: unknown) =>
  intent === "agreement-record" || (typeof intent === "string" && intent in STEPS);

/** The agreement forms: record (fields, 400 with a message at each), and the one-button steps. */
export async function agreementAction(conversation: Member, user: SessionUser, form: FormData) {
  // Outsiders never get here (the route's membership check); a kind without agreements is not found.
  if (!takesAgreements(conversation.kind)) throw new Response("Not found", { status: 404 });
  const intent = String(form.get("intent"));
  if (intent === "agreement-record") {
    const submission = parseWithZod(form, { schema: AgreementRecordSchema });
    if (submission.status !== "success") return data({ agreement: submission.reply() }, { status: 400 });
    const wait = await hit(LIMITS.messagesPerUser, user.id);
    if (wait > 0) {
      const limited = rateLimited((options) => submission.reply(options), wait);
      return data({ agreement: limited.data.result }, limited.init ?? undefined);
    }
    try {
      const { formToken, ...input } = submission.value;
      return redirect(await recordAgreement(conversation.id, user.id, input, formToken ?? newFormToken()));
    } catch (error) {
      if (!(error instanceof AgreementError)) throw error;
      const reply = submission.reply({ fieldErrors: { [error.field ?? ""]: [MESSAGES[error.problem]] } });
      return data({ agreement: reply }, { status: 400 });
    }
  }
  const step = STEPS[intent as keyof typeof STEPS];
  const submission = parseWithZod(form, { schema: AgreementStepSchema });
  if (!step || submission.status !== "success") throw new Response("Bad request", { status: 400 });
  try {
    await takeAgreementStep(conversation.id, submission.value.agreementId, user.id, step);
    return redirect(`${conversationUrl(conversation.id)}#agreement-${submission.value.agreementId}`);
  } catch (error) {
    if (!(error instanceof AgreementError)) throw error;
    const status = error.problem === "wrongStatus" ? 409 : 403;
    return data({ agreementStep: { id: submission.value.agreementId, message: MESSAGES[error.problem] } }, { status });
  }
}
