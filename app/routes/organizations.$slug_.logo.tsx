import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { forbidden, requireUser } from "~/auth/auth.server";
import { hasPermission } from "~/auth/permissions";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { IntentForm, SubmitButton } from "~/components/forms";
import { OrganizationLogo } from "~/components/organization-logo";
import { FormPage } from "~/components/page";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { isManager } from "~/models/claim.server";
import { logoUrl, MAX_LOGO_BYTES } from "~/domain/logo";
import { organizationForLogo, setOrganizationLogo } from "~/models/media.server";
import type { BodyLimitHandle } from "~/server/body-limits.server";
import { titled } from "~/utils/meta";
import { invariantResponse, readForm } from "~/utils/misc";
import { readImageUpload, refusedImage } from "./__image-upload.server";

export const meta: MetaFunction = (args) => titled(args, (t) => t("org.logo.title"));

/** The file and the form's few fields; more is refused before it is read (413). */
export const handle: BodyLimitHandle = { maxBodyBytes: MAX_LOGO_BYTES + 64 * 1024 };

/** Managers of the listing and officials who may edit any listing; anyone else gets 403. */
async function editable(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const organization = await organizationForLogo(args.params.slug ?? "");
  invariantResponse(organization && organization.status !== "archived", "Not found", { status: 404 });
  if (!hasPermission(user, "organization:edit-any") && !(await isManager(user.id, organization.id))) throw forbidden();
  return { user, organization };
}

export async function loader(args: LoaderFunctionArgs) {
  const { organization } = await editable(args);
  return {
    organization: {
      slug: organization.slug,
      nameVi: organization.nameVi,
      nameEn: organization.nameEn,
      acronym: organization.acronym,
      logo: logoUrl(organization.logoKey, 256),
    },
  };
}

type Problem = Extract<MessageKey, `error.logo.${string}`>;

export async function action(args: ActionFunctionArgs) {
  const { user, organization } = await editable(args);
  const refused = (problem: Problem, status = 400) => data({ problem }, { status });
  const wait = await hit(LIMITS.writesPerUser, user.id);
  if (wait > 0) return data({ problem: "error.logo.tooMany" as Problem }, { status: 429 });

  const type = args.request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    // Removing needs no file: a plain form.
    const form = await readForm(args.request);
    if (form.get("intent") !== "remove") return refused("error.logo.missing");
    await setOrganizationLogo(organization, null, user.id);
    return redirect(`/organizations/${organization.slug}?logo=removed`);
  }
  const upload = await readImageUpload(args.request, { field: "logo", maxBytes: MAX_LOGO_BYTES, maxParts: 4 });
  if ("problem" in upload) return refused(`error.logo.${upload.problem}`, upload.status);
  try {
    await setOrganizationLogo(organization, upload.bytes, user.id);
  } catch (error) {
    return refused(`error.logo.${refusedImage(error)}`);
  }
  return redirect(`/organizations/${organization.slug}?logo=saved`);
}

export default function OrganizationLogoPage() {
  const { organization } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const lang = useLanguage();
  const name = pick(lang, organization.nameVi, organization.nameEn);
  return (
    <FormPage title={t("org.logo.title")} intro={name}>
      <div className="flex items-center gap-4">
        <OrganizationLogo url={organization.logo} name={name} acronym={organization.acronym} size={96} />
        <p className="text-sm text-slate-700">{t(organization.logo ? "org.logo.current" : "org.logo.none")}</p>
      </div>
      <Form method="post" encType="multipart/form-data" className="mt-6 space-y-3">
        {answer?.problem ? (
          <p id="logo-error" role="alert" className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm">
            {t(answer.problem)}
          </p>
        ) : null}
        <div>
          <label htmlFor="logo" className="block font-medium">
            {t("org.logo.file")}
          </label>
          <p id="logo-hint" className="text-sm text-slate-600">
            {t("org.logo.hint")}
          </p>
          <input
            id="logo"
            name="logo"
            type="file"
            required
            accept="image/jpeg,image/png,image/webp,image/gif"
            aria-describedby={answer?.problem ? "logo-hint logo-error" : "logo-hint"}
            aria-invalid={answer?.problem ? true : undefined}
            className="mt-2 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2"
          />
        </div>
        <SubmitButton>{t("org.logo.upload")}</SubmitButton>
      </Form>
      {organization.logo ? (
        <IntentForm intent="remove" label={t("org.logo.remove")} className="mt-6 border-t border-slate-200 pt-4">
          <p className="mb-2 text-sm text-slate-600">{t("org.logo.removeHint")}</p>
        </IntentForm>
      ) : null}
      <p className="mt-6 text-sm">
        <Link to={`/organizations/${organization.slug}`} className="text-brand-700 hover:underline">
          {t("org.logo.back")}
        </Link>
      </p>
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
