import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { reviewOne } from "./__review.server";
import { ReviewDecision } from "~/components/review-decision";
import { FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { Notice } from "~/components/ui/notice";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import { pendingClaims } from "~/models/claim.server";
import { requirePermission } from "~/auth/auth.server";
import { titled } from "~/utils/meta";

export const meta: MetaFunction = (args) => titled(args, (t) => t("admin.claims"));

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "claim:review");
  return { claims: await pendingClaims() };
}

export async function action(args: ActionFunctionArgs) {
  const {
    id: claimId,
    status,
    ...answer
  } = await reviewOne(args, {
    permission: "claim:review",
    kind: "claim",
    field: "claimId",
  });
  return data({ claimId, ...answer }, { status });
}

export default function AdminClaims() {
  const { claims } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLanguage();
  return (
    <div className="space-y-4">
      <PageHeader title={t("admin.claims")} />
      {actionData && !actionData.error && !actionData.result.error ? <Notice>{t("review.done")}</Notice> : null}
      {actionData?.error ? <FormErrors errors={[actionData.error]} /> : null}
      {claims.length === 0 ? <p>{t("admin.claimsEmpty")}</p> : null}
      <ul className="space-y-4">
        {claims.map((claim) => (
          <li key={claim.id} className="rounded-2xl border border-slate-200 bg-white p-5">
            <p>
              <strong>{claim.user.name}</strong> &lt;{claim.user.email}&gt; →{" "}
              <Link to={`/organizations/${claim.organization.slug}`} className="text-brand-700 underline">
                {pick(lang, claim.organization.nameVi, claim.organization.nameEn)}
              </Link>
            </p>
            <p className="mt-2 whitespace-pre-line text-sm">{claim.message}</p>
            <Form method="post" className="mt-3 space-y-2">
              <input type="hidden" name="claimId" value={claim.id} />
              <ReviewDecision errors={actionData?.claimId === claim.id ? actionData.result.error?.note : undefined} />
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
