import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/page";
import { ButtonLink } from "~/components/ui/button";
import { Badge } from "~/components/ui/badge";
import { formatDate, useLanguage, useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { listRequestsOf } from "~/models/request.server";
import { requireUserId } from "~/auth/auth.server";
import { titled } from "~/utils/meta";

export const meta: MetaFunction = (args) => titled(args, (t) => t("requests.mine"));

export async function loader(args: LoaderFunctionArgs) {
  return { requests: await listRequestsOf(requireUserId(args)) };
}

export default function MyRequests() {
  const { requests } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("requests.mine")}>
        <ButtonLink to="/requests/new" className="text-sm">
          {t("requests.new")}
        </ButtonLink>
      </PageHeader>
      {requests.length === 0 ? <p>{t("requests.mineEmpty")}</p> : null}
      <ul className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white">
        {requests.map((request) => (
          <li key={request.id} className="flex flex-wrap items-center justify-between gap-2 p-4">
            <div>
              <Link to={`/requests/${request.id}`} className="font-medium text-brand-700 underline">
                {request.title}
              </Link>
              <p className="text-sm text-slate-600">
                {t("request.deadlineOn", { date: formatDate(lang, request.deadline) })} ·{" "}
                {t("requests.responsesCount", { count: request._count.responses })}
              </p>
            </div>
            <Badge tone={request.status === "open" ? "success" : "neutral"}>
              {t(`request.status.${request.status}` as MessageKey)}
            </Badge>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
