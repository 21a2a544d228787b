import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/page";
import { useT } from "~/i18n/i18n";
import { requireUserWithRole } from "~/auth/auth.server";
import { waitingCounts } from "~/models/review-queue.server";
import { titled } from "~/utils/meta";

export const meta: MetaFunction = (args) => titled(args, (t) => t("admin.title"));

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUserWithRole(args, ["curator", "admin"]);
  const { requests, claims, revisions, profiles, stale, listings } = await waitingCounts();
  return {
    requests,
    claims,
    waiting: requests + claims + revisions + profiles + stale + listings,
    isAdmin: user.role === "admin",
  };
}

export default function Admin() {
  const { requests, claims, waiting, isAdmin } = useLoaderData<typeof loader>();
  const t = useT();
  const tile = "block rounded-2xl border border-slate-200 bg-white p-5 hover:border-brand-600";
  return (
    <div className="space-y-4">
      <PageHeader title={t("admin.title")} />
      <ul className="grid gap-4 sm:grid-cols-3">
        <li>
          <Link to="/admin/queue" className={tile}>
            <span className="block text-3xl font-bold text-brand-700">{waiting}</span>
            {t("queue.title")}
          </Link>
        </li>
        <li>
          <Link to="/admin/requests" className={tile}>
            <span className="block text-3xl font-bold text-brand-700">{requests}</span>
            {t("admin.requests")}
          </Link>
        </li>
        <li>
          <Link to="/admin/claims" className={tile}>
            <span className="block text-3xl font-bold text-brand-700">{claims}</span>
            {t("admin.claims")}
          </Link>
        </li>
        <li>
          <Link to="/admin/organizations" className={tile}>
            {t("curation.organizations")}
          </Link>
        </li>
        <li>
          <Link to="/admin/import" className={tile}>
            {t("import.title")}
          </Link>
        </li>
        <li>
          <Link to="/admin/audit" className={tile}>
            {t("audit.title")}
          </Link>
        </li>
        <li>
          <Link to="/admin/indicators" className={tile}>
            {t("indicators.title")}
          </Link>
        </li>
        {isAdmin ? (
          <li>
            <Link to="/admin/users" className={tile}>
              {t("admin.users")}
            </Link>
          </li>
        ) : null}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
