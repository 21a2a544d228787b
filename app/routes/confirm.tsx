import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EmailField } from "~/components/auth-fields";
import { FormErrors, HoneypotField, SubmitButton } from "~/components/forms";
import { FormPage } from "~/components/page";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/i18n";
import { confirmSignUp, findValidConfirmation, requestConfirmationResend } from "~/models/sign-up.server";
import { clientAddress, signIn } from "~/auth/auth.server";
import { keepRetryAfter } from "~/utils/headers";
import { assertNotBot } from "~/auth/honeypot.server";
import { titled } from "~/utils/meta";
import { readForm, safeRedirectPath } from "~/utils/misc";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { invalid, rateLimited } from "~/validation/submission.server";
import { ConfirmSignUpSchema, ResendConfirmationSchema } from "~/validation/auth";
import { problem } from "~/validation/messages";

/**
 * The link mailed at sign-up. Opening it shows a button: mail scanners that
 * fetch links must not spend the single-use token. Without a token: the form
 * that sends a new link.
 */
export const meta: MetaFunction = (args) => [
  ...titled(args, (t) => t("auth.confirm.title")),
  { name: "referrer", content: "no-referrer" },
];

export const headers = keepRetryAfter;

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  return { token, valid: token ? Boolean(await findValidConfirmation(token)) : false };
}

export async function action(args: ActionFunctionArgs) {
  const formData = await readForm(args.request);
  if (formData.get("intent") === "resend") {
    assertNotBot(formData);
    const submission = parseWithZod(formData, { schema: ResendConfirmationSchema });
    if (submission.status !== "success") return invalid(submission.reply());
    const { email } = submission.value;
    const wait = Math.max(
      await hit(LIMITS.signUpPerAddress, clientAddress(args)),
      await hit(LIMITS.signUpPerEmail, email),
    );
    if (wait > 0) return rateLimited((options) => submission.reply(options), wait);
    // The same answer, and one job, whatever the address.
    await requestConfirmationResend(email);
    return data({ result: submission.reply({ resetForm: true }), resent: true });
  }
  const submission = parseWithZod(formData, { schema: ConfirmSignUpSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const confirmed = await confirmSignUp(submission.value.token);
  if (!confirmed) return invalid(submission.reply({ formErrors: [problem("auth.confirm.invalid")] }));
  const cookie = await signIn(args.request, confirmed.userId);
  const fallback = confirmed.accountType === "researcher" ? "/me/profile" : "/requests/new";
  return redirect(safeRedirectPath(confirmed.redirectTo, fallback), { headers: { "Set-Cookie": cookie } });
}

export default function Confirm() {
  const t = useT();
  const { token, valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    // A stable id of our own: React's (":r1:") is not a valid HTML id.
    id: "confirm-form",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResendConfirmationSchema }),
    shouldValidate: "onBlur",
  });
  const email = fields.email;
  // Sign-in's link to this page names the address.
  const typedEmail = email.initialValue ?? searchParams.get("email") ?? "";
  if (token && valid) {
    return (
      <FormPage title={t("auth.confirm.title")} intro={t("auth.confirm.intro")}>
        <Form method="post" className="space-y-4">
          <FormErrors errors={form.errors} />
          <input type="hidden" name="token" value={token} />
          <SubmitButton name="intent" value="confirm" className="w-full">
            {t("auth.confirm.submit")}
          </SubmitButton>
        </Form>
      </FormPage>
    );
  }
  return (
    <FormPage title={t("auth.confirm.resendTitle")} intro={t("auth.confirm.resendIntro")}>
      {token ? (
        <div className="mb-4">
          <Notice tone="warning" role="alert">
            {t("auth.confirm.invalid")}
          </Notice>
        </div>
      ) : null}
      {actionData && "resent" in actionData ? (
        <div className="mb-4">
          <Notice>{t("auth.confirm.resent")}</Notice>
        </div>
      ) : null}
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <HoneypotField />
        <EmailField field={{ name: email.name, errors: email.errors, initialValue: typedEmail }} />
        <SubmitButton name="intent" value="resend" className="w-full">
          {t("auth.confirm.resendSubmit")}
        </SubmitButton>
      </Form>
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
