import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, SubmitButton } from "~/components/forms";
import { FormPage } from "~/components/page";
import { RequestFormFields } from "~/components/request-form";
import { Notice } from "~/components/ui/notice";
import { useFormDraft } from "~/utils/hooks";
import { useT } from "~/i18n/i18n";
import { managedOrganizations } from "~/models/claim.server";
import { taxonomyForPicker } from "~/models/field.server";
import { RequestInputError, submitRequest } from "~/models/request.server";
import { requireUser } from "~/auth/auth.server";
import { newFormToken } from "~/auth/form-token.server";
import { titled } from "~/utils/meta";
import { readForm } from "~/utils/misc";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { rateLimited } from "~/validation/submission.server";
import { problem } from "~/validation/messages";
import { RequestSchema, TITLE_MAX } from "~/validation/request";
import { keepRetryAfter } from "~/utils/headers";

export const meta: MetaFunction = (args) => titled(args, (t) => t("request.new.title"));

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const [areas, managed] = await Promise.all([taxonomyForPicker(), managedOrganizations(user.id)]);
  // `?title=` (a search that found nothing) starts the title: only a starting value, the form's rules still apply.
  const prefill = (new URL(args.request.url).searchParams.get("title") ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, TITLE_MAX);
  return { areas, managed, formToken: newFormToken(), prefill };
}

export const headers = keepRetryAfter;

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const submission = parseWithZod(await readForm(args.request), { schema: RequestSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const wait = await hit(LIMITS.writesPerUser, user.id);
  if (wait > 0) return rateLimited((options) => submission.reply(options), wait);
  try {
    const url = await submitRequest(user.id, submission.value, submission.value.formToken ?? newFormToken());
    return redirect(url);
  } catch (error) {
    if (error instanceof RequestInputError) {
      const key = error.field === "fieldSlugs" ? "request.fieldUnknown" : "request.organizationNotManaged";
      return data({ result: submission.reply({ fieldErrors: { [error.field]: [problem(key)] } }) }, { status: 400 });
    }
    throw error;
  }
}

export default function NewRequest() {
  const { areas, managed, formToken, prefill } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    // A stable id of our own: React's (":r1:") is not a valid HTML id.
    id: "requests-new-form",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RequestSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const sent = (actionData?.result.initialValue ?? {}) as Record<string, unknown>;
  const value = (name: string, fallback = "") => (typeof sent[name] === "string" ? (sent[name] as string) : fallback);
  const inTwoMonths = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const draft = useFormDraft("requests-new-form", "request-new");
  return (
    <FormPage title={t("request.new.title")} intro={t("request.new.intro")}>
      {draft.restored ? (
        <div className="mb-4">
          <Notice>
            {t("form.draftRestored")}{" "}
            <button type="button" onClick={draft.discard} className="font-semibold underline">
              {t("form.draftDiscard")}
            </button>
          </Notice>
        </div>
      ) : null}
      <Form method="post" className="space-y-5" {...getFormProps(form)}>
        {/* A spoilt form key has no field of its own to show its message: it shows with the form's. */}
        <FormErrors
          errors={[
            ...(form.errors ?? []),
            ...(fields.formToken.errors ?? []),
            ...(managed.length === 0 ? (fields.organizationSlug.errors ?? []) : []),
          ]}
        />
        <input type="hidden" name="formToken" value={formToken} />
        <RequestFormFields
          areas={areas}
          managed={managed}
          value={(name, fallback) =>
            value(name, fallback ?? (name === "deadline" ? inTwoMonths : name === "title" ? prefill : ""))
          }
          selectedFields={(sent.fieldSlugs as string[] | string | undefined) ?? []}
          errors={(name) => fields[name].errors}
        />
        <SubmitButton>{t("request.submit")}</SubmitButton>
      </Form>
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
