import { parseWithZod } from "@conform-to/zod/v3";
import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/auth.server";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import {
  cancelRegistration,
  findRegistrationEvent,
  registerForEvent,
  RegistrationError,
  updateRegistration,
} from "~/models/event-registration.server";
import { invariantResponse, readForm } from "~/utils/misc";
import { REGISTRATION_SCHEMAS, isRegistrationIntent } from "~/validation/event-registration";
import { problem } from "~/validation/messages";
import { rateLimited } from "~/validation/submission.server";

/**
 * The registration forms (docs/decisions/077): register, update (shown to others or not), cancel,
 * posted to /events/:slug/registration or from /me/events with `back` naming that page. A refusal
 * answers 400 with its message.
 */
const REFUSALS = {
  unpublished: problem("registration.closed.unpublished"),
  cancelled: problem("registration.closed.cancelled"),
  past: problem("registration.closed.past"),
  notRegistered: problem("registration.problem.notRegistered"),
} satisfies Record<RegistrationError["problem"], string>;

export async function registrationAction(args: ActionFunctionArgs, slug: string) {
  // A visitor's post is refused (401); the page's GET sends them to sign in and back.
  const user = requireUser(args);
  const event = await findRegistrationEvent(slug);
  invariantResponse(event, "Not found", { status: 404 });
  const formData = await readForm(args.request);
  const intent = formData.get("intent");
  if (!isRegistrationIntent(intent)) {
    const formErrors = [problem("registration.problem.intent")];
    return data(
      { result: { status: "error" as const, error: { "": formErrors }, initialValue: null } },
      { status: 400 },
    );
  }
  const submission = parseWithZod(formData, { schema: REGISTRATION_SCHEMAS[intent] });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const wait = await hit(LIMITS.writesPerUser, user.id);
  if (wait > 0) return rateLimited((options) => submission.reply(options), wait);
  const value = submission.value;
  try {
    const url =
      value.intent === "register"
        ? await registerForEvent(user.id, slug, value, value.formToken)
        : value.intent === "update"
          ? await updateRegistration(user.id, slug, value, value.formToken)
          : await cancelRegistration(user.id, slug, value.formToken);
    // From /me/events, a cancellation goes back there.
    return redirect(formData.get("back") === "me" ? "/me/events?cancelled=1" : url);
  } catch (error) {
    if (!(error instanceof RegistrationError)) throw error;
    return data({ result: submission.reply({ formErrors: [REFUSALS[error.problem]] }) }, { status: 400 });
  }
}
