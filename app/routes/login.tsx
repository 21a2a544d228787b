import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { CurrentPasswordField, EmailField } from "~/components/auth-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, HoneypotField, SubmitButton } from "~/components/forms";
import { FormPage } from "~/components/page";
import { useT } from "~/i18n/i18n";
import { verifyLogin } from "~/models/user.server";
import { clientAddress, requireAnonymous, signIn } from "~/auth/auth.server";
import { assertNotBot } from "~/auth/honeypot.server";
import { titled } from "~/utils/meta";
import { safeRedirectPath, readForm } from "~/utils/misc";
import { forgive, hit, LIMITS, reset } from "~/auth/rate-limit.server";
import { invalid, rateLimited } from "~/validation/submission.server";
import { SignInSchema } from "~/validation/auth";
import { problem } from "~/validation/messages";
import { keepRetryAfter } from "~/utils/headers";

export const meta: MetaFunction = (args) => titled(args, (t) => t("auth.signIn.title"));

export async function loader(args: LoaderFunctionArgs) {
  requireAnonymous(args);
  return null;
}

export const headers = keepRetryAfter;

export async function action(args: ActionFunctionArgs) {
  requireAnonymous(args);
  const formData = await readForm(args.request);
  assertNotBot(formData);
  const submission = parseWithZod(formData, { schema: SignInSchema });
  const hidden = { hideFields: ["password"] };
  if (submission.status !== "success") return invalid(submission.reply(hidden));
  const { email, password, redirectTo } = submission.value;
  // Limited per address, and per account from that address: one machine cannot guess a password,
  // and nobody can lock the owner out from elsewhere (decision 010).
  const address = clientAddress(args);
  const accountKey = `${email}\n${address}`;
  const wait = Math.max(await hit(LIMITS.signInPerAddress, address), await hit(LIMITS.signInPerAccount, accountKey));
  if (wait > 0) return rateLimited((options) => submission.reply({ ...options, ...hidden }), wait);

  const user = await verifyLogin(email, password);
  if (!user) return invalid(submission.reply({ formErrors: [problem("auth.signIn.failed")], ...hidden }));
  if (!user.confirmed) {
    // Said only to whoever knows the password; the page offers to send the link again.
    const result = submission.reply({ formErrors: [problem("auth.signIn.unconfirmed")], ...hidden });
    return data({ result, unconfirmed: email }, { status: 403 });
  }
  await reset(LIMITS.signInPerAccount, accountKey);
  await forgive(LIMITS.signInPerAddress, address);
  const cookie = await signIn(args.request, user.id);
  return redirect(safeRedirectPath(redirectTo, "/account"), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const [form, fields] = useForm({
    // A stable id of our own: React's (":r1:") is not a valid HTML id.
    id: "login-form",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <FormPage title={t("auth.signIn.title")}>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormErrors errors={form.errors} reply={actionData?.result} />
        {actionData && "unconfirmed" in actionData ? (
          <Link
            to={`/confirm?email=${encodeURIComponent(String(actionData.unconfirmed))}`}
            className="block font-medium text-brand-700 underline"
          >
            {t("auth.confirm.resendTitle")}
          </Link>
        ) : null}
        <HoneypotField />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <EmailField field={fields.email} />
        <CurrentPasswordField label="auth.password" field={fields.password} />
        <SubmitButton className="w-full">{t("auth.signIn.submit")}</SubmitButton>
        <div className="flex flex-wrap justify-between gap-2 text-sm">
          <Link to="/forgot-password" className="text-brand-700 underline">
            {t("auth.forgot.link")}
          </Link>
          <span>
            {t("auth.signIn.noAccount")}{" "}
            <Link
              to={`/signup${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`}
              className="font-medium text-brand-700 underline"
            >
              {t("nav.signUp")}
            </Link>
          </span>
        </div>
      </Form>
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
