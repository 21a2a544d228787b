import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FieldPicker } from "~/components/field-picker";
import { ChoiceGroup, Field, FormErrors, SelectField, SubmitButton, TextareaField } from "~/components/forms";
import { FormPage } from "~/components/page";
import { Notice } from "~/components/ui/notice";
import { useFormDraft } from "~/utils/hooks";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import { taxonomyForPicker } from "~/models/field.server";
import { RequestInputError, submitRequest } from "~/models/request.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { DISTRICTS } from "~/utils/districts";
import { WARDS, wardLabel } from "~/utils/wards";
import { newFormToken } from "~/utils/form-token.server";
import { titled } from "~/utils/meta";
import { readForm } from "~/utils/misc";
import { hit, LIMITS } from "~/utils/rate-limit.server";
import { BUDGET_LABELS, BUDGETS, COMPANY_SIZE_LABELS, COMPANY_SIZES, SECTOR_LABELS, SECTORS, TRL_LABELS } from "~/utils/request-values";
import { rateLimited } from "~/utils/submission.server";
import { problem } from "~/validation/messages";
import { RequestSchema } from "~/validation/request";
import { keepRetryAfter } from "~/utils/headers";

export const meta: MetaFunction = (args) => titled(args, (t) => t("request.new.title"));

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const [areas, managed] = await Promise.all([
    taxonomyForPicker(),
    prisma.organizationManager.findMany({
      where: { userId: user.id },
      select: { organization: { select: { slug: true, nameVi: true, nameEn: true } } },
    }),
  ]);
  return { areas, managed: managed.map(({ organization }) => organization), formToken: newFormToken() };
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
  const { areas, managed, formToken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLanguage();
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
        <FormErrors errors={[...(form.errors ?? []), ...(fields.formToken.errors ?? []), ...(managed.length === 0 ? (fields.organizationSlug.errors ?? []) : [])]} />
        <input type="hidden" name="formToken" value={formToken} />
        <Field label={t("request.titleField")} name="title" defaultValue={value("title")} errors={fields.title.errors} minLength={10} maxLength={150} required />
        <TextareaField label={t("request.problem")} name="problem" defaultValue={value("problem")} errors={fields.problem.errors} minLength={30} maxLength={5000} required />
        <TextareaField label={t("request.desiredOutcome")} name="desiredOutcome" defaultValue={value("desiredOutcome")} errors={fields.desiredOutcome.errors} minLength={20} maxLength={3000} required />
        <FieldPicker legend={t("request.fields")} name="fieldSlugs" areas={areas} selected={(sent.fieldSlugs as string[] | undefined) ?? []} errors={fields.fieldSlugs.errors} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={t("request.trl")}
            name="trl"
            defaultValue={value("trl", "5")}
            errors={fields.trl.errors}
            options={Object.entries(TRL_LABELS).map(([trl, label]) => ({ value: trl, label: label[lang] }))}
          />
          <SelectField
            label={t("request.budget")}
            name="budget"
            defaultValue={value("budget", "to_discuss")}
            errors={fields.budget.errors}
            options={BUDGETS.map((budget) => ({ value: budget, label: BUDGET_LABELS[budget][lang] }))}
          />
          <Field label={t("request.deadline")} name="deadline" type="date" defaultValue={value("deadline", inTwoMonths)} errors={fields.deadline.errors} required />
        </div>
        <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold text-slate-800">{t("request.companySection")}</legend>
          <Field label={t("request.companyName")} name="companyName" defaultValue={value("companyName")} errors={fields.companyName.errors} maxLength={150} required />
          {managed.length > 0 ? (
            <SelectField
              label={t("request.organization")}
              name="organizationSlug"
              defaultValue={value("organizationSlug")}
              errors={fields.organizationSlug.errors}
              options={[{ value: "", label: t("request.organizationNone") }, ...managed.map((org) => ({ value: org.slug, label: pick(lang, org.nameVi, org.nameEn) }))]}
            />
          ) : null}
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField label={t("request.sector")} name="sector" defaultValue={value("sector")} placeholder={t("form.choosePlaceholder")} required errors={fields.sector.errors} options={SECTORS.map((sector) => ({ value: sector, label: SECTOR_LABELS[sector][lang] }))} />
            <SelectField label={t("request.companySize")} name="companySize" defaultValue={value("companySize", "small")} errors={fields.companySize.errors} options={COMPANY_SIZES.map((size) => ({ value: size, label: COMPANY_SIZE_LABELS[size][lang] }))} />
            <SelectField
              label={t("request.district")}
              name="district"
              defaultValue={value("district")}
              errors={fields.district.errors}
              options={[{ value: "", label: t("request.districtNone") }, ...DISTRICTS.map((district) => ({ value: district.slug, label: district[lang] }))]}
            />
          </div>
          {/* Shown only while the request names its company: a ward narrows an anonymous one down. */}
          <SelectField
            label={t("request.ward")}
            name="ward"
            defaultValue={value("ward")}
            errors={fields.ward.errors}
            options={[
              { value: "", label: t("request.districtNone") },
              ...WARDS.map((ward) => ({ value: ward.slug, label: wardLabel(ward, lang) })).sort((a, b) => a.label.localeCompare(b.label, lang)),
            ]}
          />
          <ChoiceGroup
            legend={t("request.visibility")}
            name="visibility"
            type="radio"
            defaultValue={value("visibility", "public")}
            errors={fields.visibility.errors}
            options={[
              { value: "public", label: t("request.visibility.public") },
              { value: "anonymous", label: t("request.visibility.anonymous") },
            ]}
          />
        </fieldset>
        <SubmitButton>{t("request.submit")}</SubmitButton>
      </Form>
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
