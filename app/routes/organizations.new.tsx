import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { DuplicateList, type Duplicate } from "~/components/duplicate-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, SelectField, SubmitButton } from "~/components/forms";
import { ListingFields } from "~/components/listing-fields";
import { FormPage } from "~/components/page";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { getTaxonomy, taxonomyForPicker } from "~/models/field.server";
import { likelyDuplicates } from "~/models/duplicates.server";
import { submitListingProposal } from "~/models/listing-proposal.server";
import { resolveOrganization } from "~/models/organization-lookup.server";
import { requireUser } from "~/auth/auth.server";
import { newFormToken } from "~/auth/form-token.server";
import { keepRetryAfter } from "~/utils/headers";
import { titled } from "~/utils/meta";
import { readForm } from "~/utils/misc";
import { ORGANIZATION_KINDS } from "~/domain/organization-values";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { rateLimited } from "~/validation/submission.server";
import { problem } from "~/validation/messages";
import { OrganizationNewSchema } from "~/validation/organization";

/** Any member may propose a listing the directory lacks; it waits for an official. */
export const meta: MetaFunction = (args) => titled(args, (t) => t("listing.new.title"));

export async function loader(args: LoaderFunctionArgs) {
  requireUser(args);
  return { areas: await taxonomyForPicker(), formToken: newFormToken() };
}

export const headers = keepRetryAfter;

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const formData = await readForm(args.request);
  const submission = parseWithZod(formData, { schema: OrganizationNewSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const wait = await hit(LIMITS.writesPerUser, user.id);
  if (wait > 0) return rateLimited((options) => submission.reply(options), wait);
  const { fieldSlugs, parent, formToken, ...columns } = submission.value;
  const taxonomy = await getTaxonomy();
  const fields = fieldSlugs.map((slug) => taxonomy.bySlug.get(slug));
  if (fields.some((field) => !field || field.areaSlug === null)) {
    return data(
      { result: submission.reply({ fieldErrors: { fieldSlugs: [problem("request.fieldUnknown")] } }) },
      { status: 400 },
    );
  }
  let parentId: string | null = null;
  if (parent) {
    const found = await resolveOrganization(parent);
    if (!found.match)
      return data(
        { result: submission.reply({ fieldErrors: { parent: [problem("listing.parentNotFound")] } }) },
        { status: 400 },
      );
    parentId = found.match.id;
  }
  // "Trường Đại học Bách khoa Hà Nội (HUST)" with hust.edu.vn is HUST: say so before it is sent.
  if (formData.get("notDuplicate") !== "on") {
    const duplicates = await likelyDuplicates(columns);
    if (duplicates.length) return data({ result: submission.reply(), duplicates });
  }
  // A double click sends the same token twice: one listing.
  await submitListingProposal(user.id, { ...columns, parentId, fieldIds: fields.map((field) => field!.id) }, formToken);
  return redirect("/organizations/new?sent=1");
}

export default function NewListing() {
  const { areas, formToken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const [form, fields] = useForm({
    // A stable id of our own: React's (":r1:") is not a valid HTML id.
    id: "organizations-new-form",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganizationNewSchema }),
    shouldValidate: "onBlur",
  });
  const sent = (actionData?.result.initialValue ?? {}) as Record<string, unknown>;
  const value = (name: string) => (typeof sent[name] === "string" ? (sent[name] as string) : "");
  return (
    <FormPage title={t("listing.new.title")}>
      {searchParams.has("sent") ? <Notice>{t("listing.sent")}</Notice> : null}
      <p className="mb-4 text-slate-700">{t("listing.new.intro")}</p>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="formToken" value={formToken} />
        <SelectField
          label={t("listing.kind")}
          name="kind"
          defaultValue={value("kind")}
          errors={fields.kind.errors}
          options={[
            { value: "", label: "—" },
            ...ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}` as MessageKey) })),
          ]}
          required
        />
        <ListingFields
          value={value}
          errors={(name) => fields[name as keyof typeof fields]?.errors}
          areas={areas}
          selectedFields={([] as unknown[]).concat(sent.fieldSlugs ?? []).map(String)}
        />
        <Field
          label={t("listing.parent")}
          name="parent"
          defaultValue={value("parent")}
          errors={fields.parent.errors}
          maxLength={200}
        />
        {actionData && "duplicates" in actionData ? (
          <div role="alert" className="space-y-2 rounded-2xl border border-amber-300 bg-amber-50 p-4">
            <h2 className="font-semibold">{t("dup.title")}</h2>
            <p className="text-sm">{t("dup.proposalIntro")}</p>
            <DuplicateList duplicates={actionData.duplicates as Duplicate[]} claimLinks />
            <label className="flex items-start gap-2">
              <input type="checkbox" name="notDuplicate" className="mt-1 size-5 shrink-0" />
              <span>{t("dup.confirm")}</span>
            </label>
          </div>
        ) : null}
        <SubmitButton>{t("listing.submit")}</SubmitButton>
      </Form>
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
