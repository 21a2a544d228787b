import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/page";
import { useLanguage, useT } from "~/i18n/i18n";
import { conversationUrl } from "~/domain/conversation";
import { listMatchesOf } from "~/models/response.server";
import { requireUserId } from "~/auth/auth.server";
import { displayName } from "~/domain/expert-values";
import { titled } from "~/utils/meta";

export const meta: MetaFunction = (args) => titled(args, (t) => t("matches.title"));

export async function loader(args: LoaderFunctionArgs) {
  return { matches: await listMatchesOf(requireUserId(args)) };
}

export default function Matches() {
  const { matches } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("matches.title")} />
      {matches.length === 0 ? <p>{t("matches.empty")}</p> : null}
      <ul className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white">
        {matches.map((match) => (
          <li key={match.id} className="p-4">
            <Link to={conversationUrl(match.id)} className="font-medium text-brand-700 underline">
              {match.request.title}
            </Link>
            <p className="text-sm text-slate-600">
              {t("match.between", {
                company: match.request.companyName,
                expert: displayName(match.response.expert, lang),
              })}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
