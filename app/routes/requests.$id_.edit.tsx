import { confidentialOf } from "~/models/request-talk.server";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, SubmitButton } from "~/components/forms";
import { FormPage } from "~/components/page";
import { RequestFormFields, type RequestFieldName } from "~/components/request-form";
import { Notice } from "~/components/ui/notice";
import { formatDate, useT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { managedOrganizations } from "~/models/claim.server";
import { taxonomyForPicker } from "~/models/field.server";
import {
  editRequest,
  getRequest,
  hanoiDay,
  isEditable,
  RequestEditError,
  RequestInputError,
} from "~/models/request.server";
import { requireUser } from "~/auth/auth.server";
import { keepRetryAfter } from "~/utils/headers";
import { titled } from "~/utils/meta";
import { invariantResponse, readForm } from "~/utils/misc";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { rateLimited } from "~/validation/submission.server";
import { problem } from "~/validation/messages";
import { EditRequestSchema } from "~/validation/request";

export const meta: MetaFunction = (args) => titled(args, (t) => t("request.edit.title"));

/**
 * The author's own request, and only theirs: anyone else gets 404, as for a
 * request they may not see. Officials keep their own tools (review, queue).
 */
async function ownRequest(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const id = args.params.id ?? "";
  invariantResponse(/^[a-z0-9]{10,40}$/.test(id), "Not found", { status: 404 });
  const request = await getRequest(id);
  invariantResponse(request && request.authorId === user.id, "Not found", { status: 404 });
  invariantResponse(isEditable(request.status), "Not editable", { status: 409 });
  return { user, request };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, request } = await ownRequest(args);
  const [areas, listings] = await Promise.all([taxonomyForPicker(), managedOrganizations(user.id)]);
  // The listing it names stays a choice even if the author no longer manages it.
  const named = request.organization;
  if (named && !listings.some((org) => org.slug === named.slug)) listings.push(named);
  const saved: Record<RequestFieldName, string> = {
    title: request.title,
    problem: request.problem,
    desiredOutcome: request.desiredOutcome,
    fieldSlugs: "",
    trl: String(request.trl),
    budget: request.budget,
    deadline: hanoiDay(request.deadline),
    companyName: request.companyName,
    organizationSlug: request.organization?.slug ?? "",
    sector: request.sector,
    companySize: request.companySize,
    requesterType: request.requesterType,
    district: request.district ?? "",
    ward: request.ward ?? "",
    visibility: request.visibility,
    confidential: (await confidentialOf(request.id)) ?? "",
  };
  return {
    id: request.id,
    status: request.status as "pending" | "rejected" | "open",
    reviewNote: request.status === "rejected" ? request.reviewNote : null,
    saved,
    savedFields: request.fields.map(({ field }) => field.slug),
    areas,
    managed: listings,
  };
}

export const headers = keepRetryAfter;

export async function action(args: ActionFunctionArgs) {
  const { user, request } = await ownRequest(args);
  const submission = parseWithZod(await readForm(args.request), { schema: EditRequestSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const wait = await hit(LIMITS.writesPerUser, user.id);
  if (wait > 0) return rateLimited((options) => submission.reply(options), wait);
  try {
    const outcome = await editRequest(request.id, user.id, submission.value);
    invariantResponse(outcome, "Not found", { status: 404 });
    return redirect(`/requests/${request.id}?edited=${outcome}`);
  } catch (error) {
    if (error instanceof RequestInputError) {
      const key = error.field === "fieldSlugs" ? "request.fieldUnknown" : "request.organizationNotManaged";
      return data({ result: submission.reply({ fieldErrors: { [error.field]: [problem(key)] } }) }, { status: 400 });
    }
    if (error instanceof RequestEditError) {
      if (error.reason === "deadlineEarlier") {
        const date = formatDate(await getLanguage(args.request), request.deadline);
        return data(
          { result: submission.reply({ fieldErrors: { deadline: [problem("request.deadlineEarlier", { date })] } }) },
          { status: 400 },
        );
      }
      const key = error.reason === "notEditable" ? "request.notEditable" : "request.changedMeanwhile";
      return data({ result: submission.reply({ formErrors: [problem(key)] }) }, { status: 409 });
    }
    throw error;
  }
}

export default function EditRequest() {
  const { id, status, reviewNote, saved, savedFields, areas, managed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: "requests-edit-form",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditRequestSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  // What was typed in a refused form comes back in it; otherwise what is saved.
  const sent = actionData?.result.initialValue as Record<string, unknown> | undefined;
  const value = (name: RequestFieldName, fallback = "") =>
    sent && typeof sent[name] === "string" ? (sent[name] as string) : saved[name] || fallback;
  return (
    <FormPage title={t("request.edit.title")}>
      <div className="mb-4 space-y-2">
        {status === "rejected" && reviewNote ? (
          <Notice tone="error">{t("request.rejectedNotice", { note: reviewNote })}</Notice>
        ) : null}
        {status === "pending" ? <Notice>{t("request.edit.pending")}</Notice> : null}
        {status === "rejected" ? <Notice>{t("request.edit.rejected")}</Notice> : null}
        {status === "open" ? (
          <Notice tone="warning">
            <span className="block">{t("request.edit.openReview")}</span>
            <span className="mt-1 block">{t("request.edit.openMinor")}</span>
          </Notice>
        ) : null}
      </div>
      <Form method="post" className="space-y-5" {...getFormProps(form)}>
        <FormErrors
          errors={[...(form.errors ?? []), ...(managed.length === 0 ? (fields.organizationSlug.errors ?? []) : [])]}
        />
        <RequestFormFields
          areas={areas}
          managed={managed}
          value={value}
          selectedFields={sent ? ((sent.fieldSlugs as string[] | string | undefined) ?? []) : savedFields}
          errors={(name) => fields[name].errors}
        />
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton>{status === "rejected" ? t("request.edit.resubmit") : t("request.edit.save")}</SubmitButton>
          <Link to={`/requests/${id}`} className="text-brand-700 underline">
            {t("request.edit.cancel")}
          </Link>
        </div>
      </Form>
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary messages={{ 404: "error.404", 409: "request.notEditable" }} />;
}
