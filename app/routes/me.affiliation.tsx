import { parseWithZod } from "@conform-to/zod/v3";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AffiliationSection } from "~/components/affiliation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormPage } from "~/components/page";
import { useT } from "~/i18n/i18n";
import { affiliationStateOf, requestAffiliationCheck, requestAffiliationLink } from "~/models/affiliation.server";
import { requireUserId } from "~/auth/auth.server";
import { titled } from "~/utils/meta";
import { readForm } from "~/utils/misc";
import { AffiliationEmailSchema } from "~/validation/affiliation";
import { problem } from "~/validation/messages";

/**
 * Where the verification section of /me/profile posts: a work address to mail the link to,
 * or a request for an official's check. Refused, it answers here with the section and its
 * messages; done, it goes back to the profile.
 */
export const meta: MetaFunction = (args) => titled(args, (t) => t("affiliation.title"));

export async function loader(args: LoaderFunctionArgs) {
  return { state: await affiliationStateOf(requireUserId(args)) };
}

export async function action(args: ActionFunctionArgs) {
  const userId = requireUserId(args);
  const formData = await readForm(args.request);
  const state = await affiliationStateOf(userId);
  const refuse = (errors: { email?: string[]; form?: string[] }, email = "", status = 400) =>
    data({ errors, email }, { status });
  if (formData.get("intent") === "ask-official") {
    if (!(await requestAffiliationCheck(userId))) return refuse({ form: [problem("affiliation.error.noAffiliation")] });
    return redirect("/me/profile?affiliation=asked#affiliation");
  }
  const submission = parseWithZod(formData, { schema: AffiliationEmailSchema });
  const typed = String(formData.get("email") ?? "").slice(0, 254);
  if (submission.status !== "success") return refuse({ email: submission.error?.email ?? [] }, typed);
  const sent = await requestAffiliationLink(userId, submission.value.email);
  if (!sent.ok) {
    if (sent.reason === "domain") {
      const domains = state?.domains.map((domain) => `@${domain}`).join(", ") ?? "";
      return refuse({ email: [problem("affiliation.error.domain", { domains })] }, typed);
    }
    if (sent.reason === "throttled") return refuse({ form: [problem("affiliation.error.throttled")] }, typed, 429);
    return refuse({ form: [problem("affiliation.error.noAffiliation")] }, typed);
  }
  return redirect("/me/profile?affiliation=sent#affiliation");
}

export default function MyAffiliation() {
  const { state } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <FormPage title={t("affiliation.title")}>
      <p className="text-sm">
        <Link to="/me/profile" className="text-brand-700 underline">
          {t("account.myProfile")}
        </Link>
      </p>
      <AffiliationSection
        state={state}
        email={actionData?.email}
        errors={{ email: actionData?.errors.email, form: actionData?.errors.form }}
      />
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
