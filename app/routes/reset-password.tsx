import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { NewPasswordFields } from "~/components/auth-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, SubmitButton } from "~/components/forms";
import { FormPage } from "~/components/page";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/i18n";
import { findValidResetToken, resetPassword } from "~/models/user.server";
import { signIn } from "~/auth/auth.server";
import { readForm } from "~/utils/misc";
import { titled } from "~/utils/meta";
import { invalid } from "~/validation/submission.server";
import { ResetPasswordSchema } from "~/validation/auth";
import { problem } from "~/validation/messages";

export const meta: MetaFunction = (args) => [
  ...titled(args, (t) => t("auth.reset.title")),
  { name: "referrer", content: "no-referrer" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, valid: Boolean(await findValidResetToken(token)) };
}

export async function action(args: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(args.request), { schema: ResetPasswordSchema });
  const hidden = { hideFields: ["password", "confirmPassword"] };
  if (submission.status !== "success") return invalid(submission.reply(hidden));
  const userId = await resetPassword(submission.value.token, submission.value.password);
  if (!userId) return invalid(submission.reply({ formErrors: [problem("auth.reset.invalid")], ...hidden }));
  const cookie = await signIn(args.request, userId);
  return redirect("/account?reset=1", { headers: { "Set-Cookie": cookie } });
}

export default function ResetPassword() {
  const t = useT();
  const { token, valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    // A stable id of our own: React's (":r1:") is not a valid HTML id.
    id: "reset-password-form",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
    shouldValidate: "onBlur",
  });
  if (!valid) {
    return (
      <FormPage title={t("auth.reset.title")}>
        <Notice tone="warning" role="alert">
          {t("auth.reset.invalid")}{" "}
          <Link to="/forgot-password" className="font-semibold underline">
            {t("auth.forgot.submit")}
          </Link>
        </Notice>
      </FormPage>
    );
  }
  return (
    <FormPage title={t("auth.reset.title")}>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormErrors errors={form.errors} reply={actionData?.result} />
        <input type="hidden" name="token" value={token} />
        <NewPasswordFields
          label="account.newPassword"
          password={fields.password}
          confirmPassword={fields.confirmPassword}
        />
        <SubmitButton className="w-full">{t("auth.reset.submit")}</SubmitButton>
      </Form>
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
