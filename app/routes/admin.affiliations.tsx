import { parseWithZod } from "@conform-to/zod/v3";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, SubmitButton, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { Notice } from "~/components/ui/notice";
import { formatDate, pick, useLanguage, useT } from "~/i18n/i18n";
import { decideAffiliationCheck, pendingAffiliationChecks } from "~/models/affiliation.server";
import { requirePermission } from "~/auth/auth.server";
import { titled } from "~/utils/meta";
import { readForm } from "~/utils/misc";
import { AffiliationDecisionSchema } from "~/validation/affiliation";
import { problem } from "~/validation/messages";

/** Affiliation checks researchers asked for (listings without a known e-mail domain). Officials only. */
export const meta: MetaFunction = (args) => titled(args, (t) => t("affiliation.admin.title"));

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "organization:curate");
  return { checks: await pendingAffiliationChecks() };
}

export async function action(args: ActionFunctionArgs) {
  const official = requirePermission(args, "organization:curate");
  const submission = parseWithZod(await readForm(args.request), { schema: AffiliationDecisionSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), done: false }, { status: 400 });
  const { id, decision, note } = submission.value;
  const done = await decideAffiliationCheck(official.id, id, { approve: decision === "verify", note });
  // Already decided (a second click, another official): nothing more happens.
  if (!done)
    return data(
      { result: submission.reply({ formErrors: [problem("review.alreadyDone")] }), done: false },
      { status: 409 },
    );
  return data({ result: submission.reply({ resetForm: true }), done: true });
}

export default function AffiliationChecks() {
  const { checks } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLanguage();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("affiliation.admin.title")} />
      <p className="text-slate-700">{t("affiliation.admin.intro")}</p>
      {actionData?.done ? <Notice>{t("affiliation.admin.done")}</Notice> : null}
      <FormErrors reply={actionData?.result} />
      {checks.length === 0 ? <p className="text-slate-700">{t("affiliation.admin.empty")}</p> : null}
      <ul className="space-y-4">
        {checks.map((check) => (
          <li key={check.id} className="rounded-2xl border border-slate-200 bg-white p-4">
            <p className="font-medium">
              {check.published ? (
                <Link to={`/experts/${check.slug}`} className="text-brand-800 underline">
                  {check.fullName}
                </Link>
              ) : (
                check.fullName
              )}
              {check.position ? <span className="text-slate-600"> · {check.position}</span> : null}
            </p>
            <p className="text-sm">
              <Link to={`/organizations/${check.organization.slug}`} className="text-brand-700 underline">
                {pick(lang, check.organization.nameVi, check.organization.nameEn)}
              </Link>
            </p>
            <p className="text-sm text-slate-600">
              {t("affiliation.admin.requested", { date: formatDate(lang, check.requestedAt) })}
            </p>
            <Form method="post" className="mt-3 space-y-3">
              <input type="hidden" name="id" value={check.id} />
              <TextareaField id={`note-${check.id}`} label={t("affiliation.admin.note")} name="note" maxLength={500} />
              <div className="flex flex-wrap gap-2">
                <SubmitButton name="decision" value="verify">
                  {t("affiliation.admin.verify")}
                </SubmitButton>
                <SubmitButton name="decision" value="decline" tone="secondary">
                  {t("affiliation.admin.decline")}
                </SubmitButton>
              </div>
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
