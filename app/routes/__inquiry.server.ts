import { parseWithZod } from "@conform-to/zod/v3";
import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { clientAddress, requireUser } from "~/auth/auth.server";
import { newFormToken } from "~/auth/form-token.server";
import { assertNotBot } from "~/auth/honeypot.server";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { SenderBlocked } from "~/models/conversation.server";
import { inquiryBox, sendInquiry, type InquiryTarget } from "~/models/inquiry.server";
import { InquirySchema } from "~/validation/inquiry";
import { problem } from "~/validation/messages";
import { rateLimited } from "~/validation/submission.server";

/** What a page's loader passes to its InquiryBox, for this viewer. */
export async function inquiryData(target: InquiryTarget, user: { id: string } | null) {
  return { box: await inquiryBox(target, user?.id ?? null), signedIn: Boolean(user), formToken: newFormToken() };
}

/** Whether a page's post is its inquiry form's (the pages' other forms send other intents). */
export const isInquiry = (formData: FormData) => formData.get("intent") === "inquiry";

const REFUSALS = { own: "inquiry.own", closed: "inquiry.closed", unmanaged: "inquiry.unmanaged" } as const;

/**
 * The inquiry form's action, shared by the offer, organization and expert pages: a
 * visitor gets 401, a bot's honeypot 400, bad input 400 with what was typed, too many
 * 429, a refusal (own listing, requests only, nobody to read it, blocked) 403 with its
 * message; a sent inquiry goes to its conversation.
 */
export async function inquiryAction(args: ActionFunctionArgs, formData: FormData, target: InquiryTarget) {
  const user = requireUser(args);
  assertNotBot(formData);
  const submission = parseWithZod(formData, { schema: InquirySchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  // Per account, and per address so that many fresh accounts from one place are held too.
  const wait = Math.max(
    await hit(LIMITS.inquiriesPerUser, user.id),
    await hit(LIMITS.inquiriesPerAddress, clientAddress(args)),
  );
  if (wait > 0) return rateLimited((options) => submission.reply(options), wait);
  const refuse = (key: string) => data({ result: submission.reply({ formErrors: [problem(key)] }) }, { status: 403 });
  try {
    const sent = await sendInquiry(target, user, submission.value.body, submission.value.formToken ?? newFormToken());
    if (!sent) throw new Response("Not found", { status: 404 });
    if (!sent.ok) return refuse(REFUSALS[sent.state]);
    return redirect(`${sent.url}#latest`);
  } catch (error) {
    if (error instanceof SenderBlocked) return refuse("inquiry.blocked");
    throw error;
  }
}
