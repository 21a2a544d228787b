import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { EmailDomainsForm } from "~/components/affiliation";
import { websiteDomain } from "~/domain/affiliation";
import { emailDomainsOf } from "~/models/affiliation.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ListingFields } from "~/components/listing-fields";
import { FormErrors, IntentForm, SubmitButton } from "~/components/forms";
import { FormPage } from "~/components/page";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import { isManager } from "~/models/claim.server";
import { getTaxonomy, taxonomyForPicker } from "~/models/field.server";
import { confirmOrganization } from "~/models/curation.server";
import { editAsOfficial, organizationToEdit, proposeRevision } from "~/models/revision.server";
import { Notice } from "~/components/ui/notice";
import { forbidden, requireUser } from "~/auth/auth.server";
import { titled } from "~/utils/meta";
import { invariantResponse, readForm } from "~/utils/misc";
import { hasPermission } from "~/auth/permissions";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { rateLimited } from "~/validation/submission.server";
import { problem } from "~/validation/messages";
import { OrganizationEditSchema } from "~/validation/organization";
import { keepRetryAfter } from "~/utils/headers";

export const meta: MetaFunction = (args) => titled(args, (t) => t("org.edit"));

/**
 * Managers of the listing, curators and admins may edit it; anyone else gets
 * 403. An official's edit applies at once; a manager's waits for review.
 */
async function editable(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const organization = await organizationToEdit(args.params.slug ?? "");
  invariantResponse(organization, "Not found", { status: 404 });
  if (!hasPermission(user, "organization:edit-any") && !(await isManager(user.id, organization.id))) throw forbidden();
  return { user, organization, official: hasPermission(user, "organization:edit-any") };
}

export async function loader(args: LoaderFunctionArgs) {
  const {
    organization: { staleSince, ...organization },
    official,
  } = await editable(args);
  const domains = await emailDomainsOf(organization.id);
  return {
    organization: { ...organization, stale: staleSince !== null },
    official,
    areas: await taxonomyForPicker(),
    emailDomains: { website: websiteDomain(domains?.website), listed: domains?.listed ?? "" },
  };
}

export const headers = keepRetryAfter;

export async function action(args: ActionFunctionArgs) {
  const { user, organization, official } = await editable(args);
  const formData = await readForm(args.request);
  if (formData.get("intent") === "confirm") {
    await confirmOrganization(organization.id, user.id);
    return redirect(`/organizations/${organization.slug}?confirmed=1`);
  }
  const submission = parseWithZod(formData, { schema: OrganizationEditSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const wait = await hit(LIMITS.writesPerUser, user.id);
  if (wait > 0) return rateLimited((options) => submission.reply(options), wait);
  const taxonomy = await getTaxonomy();
  const fieldIds = submission.value.fieldSlugs.map((slug) => taxonomy.bySlug.get(slug));
  if (fieldIds.some((field) => !field || field.areaSlug === null)) {
    return data(
      { result: submission.reply({ fieldErrors: { fieldSlugs: [problem("request.fieldUnknown")] } }) },
      { status: 400 },
    );
  }
  const { fieldSlugs, ...columns } = submission.value;
  // Contacts changed here no longer rest on the page the seed copied them from.
  const contactChanged = (["address", "ward", "phone", "email"] as const).some(
    (key) => columns[key] !== organization[key],
  );
  const changes = {
    ...columns,
    ...(contactChanged && organization.contactSourceUrl ? { contactSourceUrl: null } : {}),
    fieldIds: fieldIds.map((field) => field!.id),
  };
  if (official) {
    await editAsOfficial(organization.id, user.id, changes);
    return redirect(`/organizations/${organization.slug}?saved=1`);
  }
  await proposeRevision(organization.id, user.id, { ...changes, fieldSlugs });
  return redirect(`/organizations/${organization.slug}?proposed=1`);
}

export default function EditOrganization() {
  const { organization, areas, official, emailDomains } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLanguage();
  const [form, fields] = useForm({
    // A stable id of our own: React's (":r1:") is not a valid HTML id.
    id: "organizations-slug-edit-form",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganizationEditSchema }),
    shouldValidate: "onBlur",
  });
  const sent = (actionData?.result.initialValue ?? {}) as Record<string, unknown>;
  const value = (name: string, saved: string | number | null) =>
    typeof sent[name] === "string" ? (sent[name] as string) : saved === null ? "" : String(saved);
  return (
    <FormPage title={t("org.edit.title", { name: pick(lang, organization.nameVi, organization.nameEn) })}>
      {organization.stale ? (
        <IntentForm intent="confirm" label={t("queue.confirm")} className="mb-4 space-y-2">
          <Notice tone="warning">{t("curation.staleNotice")}</Notice>
        </IntentForm>
      ) : null}
      {official ? null : <p className="mb-4 text-sm text-slate-700">{t("curation.editWillBeReviewed")}</p>}
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <ListingFields
          value={(name) => value(name, (organization as Record<string, unknown>)[name] as string | number | null)}
          errors={(name) => fields[name as keyof typeof fields]?.errors}
          areas={areas}
          selectedFields={
            (sent.fieldSlugs as string[] | undefined) ?? organization.fields.map(({ field }) => field.slug)
          }
        />
        <SubmitButton>{t("form.save")}</SubmitButton>
      </Form>
      <EmailDomainsForm
        slug={organization.slug}
        websiteDomain={emailDomains.website}
        value={emailDomains.listed}
        saved={searchParams.get("domains") === "saved"}
      />
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary messages={{ 404: "error.404.org" }} />;
}
