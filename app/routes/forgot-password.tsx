import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { EmailField } from "~/components/auth-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, HoneypotField, SubmitButton } from "~/components/forms";
import { FormPage } from "~/components/page";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/i18n";
import { requestPasswordReset } from "~/models/user.server";
import { clientAddress } from "~/auth/auth.server";
import { readForm } from "~/utils/misc";
import { assertNotBot } from "~/auth/honeypot.server";
import { titled } from "~/utils/meta";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { invalid, rateLimited } from "~/validation/submission.server";
import { ForgotPasswordSchema } from "~/validation/auth";
import { keepRetryAfter } from "~/utils/headers";

export const meta: MetaFunction = (args) => titled(args, (t) => t("auth.forgot.title"));

export const headers = keepRetryAfter;

export async function action(args: ActionFunctionArgs) {
  const formData = await readForm(args.request);
  assertNotBot(formData);
  const submission = parseWithZod(formData, { schema: ForgotPasswordSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const address = clientAddress(args);
  const wait = Math.max(
    await hit(LIMITS.resetPerAddress, address),
    await hit(LIMITS.resetPerAccount, submission.value.email),
  );
  if (wait > 0) return rateLimited((options) => submission.reply(options), wait);
  await requestPasswordReset(submission.value.email);
  // The same answer whether or not the e-mail has an account.
  return data({ result: submission.reply({ resetForm: true }), sent: true });
}

export default function ForgotPassword() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    // A stable id of our own: React's (":r1:") is not a valid HTML id.
    id: "forgot-password-form",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <FormPage title={t("auth.forgot.title")} intro={t("auth.forgot.intro")}>
      {actionData && "sent" in actionData ? (
        <div className="mb-4">
          <Notice>{t("auth.forgot.sent")}</Notice>
        </div>
      ) : null}
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormErrors errors={form.errors} reply={actionData?.result} />
        <HoneypotField />
        <EmailField field={fields.email} />
        <SubmitButton className="w-full">{t("auth.forgot.submit")}</SubmitButton>
      </Form>
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
