import { parseWithZod } from "@conform-to/zod/v3";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EmailDomainsForm } from "~/components/affiliation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormPage } from "~/components/page";
import { websiteDomain } from "~/domain/affiliation";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import { emailDomainsOf, saveEmailDomains } from "~/models/affiliation.server";
import { isManager } from "~/models/claim.server";
import { organizationToEdit } from "~/models/revision.server";
import { forbidden, requireUser } from "~/auth/auth.server";
import { hasPermission } from "~/auth/permissions";
import { titled } from "~/utils/meta";
import { invariantResponse, readForm } from "~/utils/misc";
import { EmailDomainsSchema } from "~/validation/affiliation";

/**
 * A listing's extra e-mail domains, for verifying researchers' affiliations. Its managers and
 * officials edit them; unlike the listing's public text they apply at once (docs/decisions/069).
 * The form sits on the edit page; a refused one answers here with its message.
 */
export const meta: MetaFunction = (args) => titled(args, (t) => t("affiliation.domains.title"));

async function editable(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const organization = await organizationToEdit(args.params.slug ?? "");
  invariantResponse(organization, "Not found", { status: 404 });
  if (!hasPermission(user, "organization:edit-any") && !(await isManager(user.id, organization.id))) throw forbidden();
  return { user, organization };
}

export async function loader(args: LoaderFunctionArgs) {
  const { organization } = await editable(args);
  const domains = await emailDomainsOf(organization.id);
  return {
    organization: { slug: organization.slug, nameVi: organization.nameVi, nameEn: organization.nameEn },
    websiteDomain: websiteDomain(domains?.website),
    listed: domains?.listed ?? "",
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user, organization } = await editable(args);
  const formData = await readForm(args.request);
  const submission = parseWithZod(formData, { schema: EmailDomainsSchema });
  if (submission.status !== "success") {
    const typed = String(formData.get("domains") ?? "").slice(0, 2000);
    return data({ errors: submission.error?.domains ?? [], typed }, { status: 400 });
  }
  await saveEmailDomains(user.id, organization.id, submission.value.domains);
  return redirect(`/organizations/${organization.slug}/edit?domains=saved#email-domains`);
}

export default function EmailDomains() {
  const { organization, websiteDomain, listed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLanguage();
  return (
    <FormPage title={t("affiliation.domains.title")}>
      <p className="text-sm">
        <Link to={`/organizations/${organization.slug}/edit`} className="text-brand-700 underline">
          {pick(lang, organization.nameVi, organization.nameEn)}
        </Link>
      </p>
      <EmailDomainsForm
        slug={organization.slug}
        websiteDomain={websiteDomain}
        value={actionData?.typed ?? listed}
        errors={actionData?.errors ?? undefined}
      />
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
