import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { reviewOne } from "./__review.server";
import { ReviewPage } from "~/components/review-decision";
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
    <ReviewPage
      title={t("admin.claims")}
      empty={t("admin.claimsEmpty")}
      items={claims}
      field="claimId"
      answer={actionData && { id: actionData.claimId, result: actionData.result, error: actionData.error }}
    >
      {(claim) => (
        <>
          <p>
            <strong>{claim.user.name}</strong> &lt;{claim.user.email}&gt; →{" "}
            <Link to={`/organizations/${claim.organization.slug}`} className="text-brand-700 underline">
              {pick(lang, claim.organization.nameVi, claim.organization.nameEn)}
            </Link>
          </p>
          <p className="mt-2 whitespace-pre-line text-sm">{claim.message}</p>
        </>
      )}
    </ReviewPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
