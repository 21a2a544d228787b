import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { EmailField, NewPasswordFields } from "~/components/auth-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ChoiceGroup, Field, FormErrors, HoneypotField, SubmitButton } from "~/components/forms";
import { FormPage } from "~/components/page";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/i18n";
import { requestSignUp } from "~/models/sign-up.server";
import { clientAddress, requireAnonymous } from "~/auth/auth.server";
import { assertNotBot } from "~/auth/honeypot.server";
import { getLanguage } from "~/i18n/language.server";
import { titled } from "~/utils/meta";
import { safeRedirectPath, readForm } from "~/utils/misc";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { invalid, rateLimited } from "~/validation/submission.server";
import { SignUpSchema } from "~/validation/auth";
import { keepRetryAfter } from "~/utils/headers";

export const meta: MetaFunction = (args) => titled(args, (t) => t("auth.signUp.title"));

export async function loader(args: LoaderFunctionArgs) {
  requireAnonymous(args);
  return null;
}

export const headers = keepRetryAfter;

export async function action(args: ActionFunctionArgs) {
  requireAnonymous(args);
  const formData = await readForm(args.request);
  assertNotBot(formData);
  const submission = parseWithZod(formData, { schema: SignUpSchema });
  const hidden = { hideFields: ["password", "confirmPassword"] };
  if (submission.status !== "success") return invalid(submission.reply(hidden));
  const { name, email, password, accountType, redirectTo } = submission.value;
  // Per address, and per e-mail so that nobody can fill a stranger's mailbox.
  const wait = Math.max(
    await hit(LIMITS.signUpPerAddress, clientAddress(args)),
    await hit(LIMITS.signUpPerEmail, email),
  );
  if (wait > 0) return rateLimited((options) => submission.reply({ ...options, ...hidden }), wait);

  // One answer, and the same work (a hash and one job), whether or not the e-mail has an account.
  const next = safeRedirectPath(redirectTo, "") || null;
  await requestSignUp({
    name,
    email,
    password,
    accountType,
    locale: await getLanguage(args.request),
    redirectTo: next,
  });
  return data({ result: submission.reply({ resetForm: true }), sentTo: email });
}

export default function SignUp() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    // A stable id of our own: React's (":r1:") is not a valid HTML id.
    id: "signup-form",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignUpSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  if (actionData && "sentTo" in actionData) {
    return (
      <FormPage title={t("auth.signUp.title")}>
        <Notice role="status">{t("auth.signUp.sent", { email: String(actionData.sentTo) })}</Notice>
      </FormPage>
    );
  }
  return (
    <FormPage title={t("auth.signUp.title")} intro={t("auth.signUp.intro")}>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormErrors errors={form.errors} reply={actionData?.result} />
        <HoneypotField />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <ChoiceGroup
          legend={t("auth.accountType")}
          name={fields.accountType.name}
          type="radio"
          defaultValue={
            (fields.accountType.initialValue as string | undefined) ?? searchParams.get("type") ?? "researcher"
          }
          errors={fields.accountType.errors}
          options={[
            { value: "researcher", label: t("auth.accountType.researcher") },
            { value: "business", label: t("auth.accountType.business") },
          ]}
        />
        <Field
          label={t("auth.name")}
          name={fields.name.name}
          defaultValue={fields.name.initialValue}
          errors={fields.name.errors}
          autoComplete="name"
          maxLength={120}
          required
        />
        <EmailField field={fields.email} />
        <NewPasswordFields label="auth.password" password={fields.password} confirmPassword={fields.confirmPassword} />
        <SubmitButton className="w-full">{t("auth.signUp.submit")}</SubmitButton>
        <p className="text-center text-sm text-slate-700">
          {t("auth.signUp.haveAccount")}{" "}
          <Link
            to={`/login${searchParams.get("redirectTo") ? `?redirectTo=${encodeURIComponent(searchParams.get("redirectTo")!)}` : ""}`}
            className="font-medium text-brand-700 underline"
          >
            {t("nav.signIn")}
          </Link>
        </p>
      </Form>
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
