import { parseWithZod } from "@conform-to/zod/v3";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, SubmitButton, TextareaField } from "~/components/forms";
import { FormPage } from "~/components/page";
import { Notice } from "~/components/ui/notice";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import { claimableOrganization, claimStatus, submitClaim } from "~/models/claim.server";
import { requireUser } from "~/auth/auth.server";
import { titled } from "~/utils/meta";
import { invariantResponse, readForm } from "~/utils/misc";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { rateLimited } from "~/validation/submission.server";
import { ClaimSchema } from "~/validation/request";
import { keepRetryAfter } from "~/utils/headers";

export const meta: MetaFunction = (args) => titled(args, (t) => t("claim.button"));

async function publishedOrganization(slug: string | undefined) {
  const organization = await claimableOrganization(slug ?? "");
  invariantResponse(organization, "Not found", { status: 404 });
  return organization;
}

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const organization = await publishedOrganization(args.params.slug);
  return { organization, status: await claimStatus(user.id, organization.id) };
}

export const headers = keepRetryAfter;

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const organization = await publishedOrganization(args.params.slug);
  const submission = parseWithZod(await readForm(args.request), { schema: ClaimSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const wait = await hit(LIMITS.writesPerUser, user.id);
  if (wait > 0) return rateLimited((options) => submission.reply(options), wait);
  await submitClaim(user.id, organization.id, submission.value.message);
  return redirect(`/organizations/${organization.slug}/claim`);
}

export default function Claim() {
  const { organization, status } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLanguage();
  const name = pick(lang, organization.nameVi, organization.nameEn);
  return (
    <FormPage title={t("claim.title", { name })} intro={status === "none" ? t("claim.intro") : undefined}>
      {status === "manager" ? <Notice>{t("claim.alreadyManager")}</Notice> : null}
      {status === "pending" ? <Notice>{t("claim.pending")}</Notice> : null}
      {status === "none" ? (
        <Form method="post" className="space-y-4">
          <FormErrors errors={actionData?.result?.error?.[""]} />
          <TextareaField
            label={t("claim.message")}
            name="message"
            minLength={20}
            maxLength={2000}
            required
            errors={actionData?.result?.error?.message}
          />
          <SubmitButton>{t("claim.submit")}</SubmitButton>
        </Form>
      ) : null}
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary messages={{ 404: "error.404.org" }} />;
}
