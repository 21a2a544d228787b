import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/page";
import { ButtonLink } from "~/components/ui/button";
import { ResponseStanding } from "~/components/response-standing";
import { formatDate, useLanguage, useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { requireUserId } from "~/auth/auth.server";
import { ThreadLink } from "~/components/thread-link";
import { responsesOf } from "~/models/response.server";
import { titled } from "~/utils/meta";

export const meta: MetaFunction = (args) => titled(args, (t) => t("responses.mine"));

export async function loader(args: LoaderFunctionArgs) {
  const userId = requireUserId(args);
  const [responses, invitations] = await responsesOf(userId);
  return { responses, invitations };
}

export default function MyResponses() {
  const { responses, invitations } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t("responses.mine")}>
        <ButtonLink to="/me/requests-for-you" variant="secondary" size="sm">
          {t("forYou.title")}
        </ButtonLink>
      </PageHeader>
      <section aria-labelledby="invitations" className="space-y-2">
        <h2 id="invitations" className="text-lg font-semibold">
          {t("responses.invitations")}
        </h2>
        {invitations.length === 0 ? <p className="text-sm">{t("responses.invitationsEmpty")}</p> : null}
        <ul className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="p-4">
              <Link to={`/requests/${invitation.request.id}`} className="font-medium text-brand-700 underline">
                {invitation.request.title}
              </Link>
              <p className="text-sm text-slate-600">
                {t("request.deadlineOn", { date: formatDate(lang, invitation.request.deadline) })}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="sent" className="space-y-2">
        <h2 id="sent" className="text-lg font-semibold">
          {t("responses.mine")}
        </h2>
        {responses.length === 0 ? <p className="text-sm">{t("responses.mineEmpty")}</p> : null}
        <ul className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white">
          {responses.map((response) => (
            <li key={response.id} className="space-y-1 p-4">
              <div>
                <Link to={`/requests/${response.request.id}`} className="font-medium text-brand-700 underline">
                  {response.request.title}
                </Link>
                <ResponseStanding response={response} deadline={response.request.deadline} />
                {response.declineReason ? (
                  <p className="text-sm text-slate-600">
                    {t("response.declinedBecause", { reason: t(`decline.${response.declineReason}` as MessageKey) })}
                  </p>
                ) : null}
                {response.conversation ? (
                  <ThreadLink thread={response.conversation} className="text-sm" />
                ) : response.match ? (
                  <Link to={`/messages/${response.match.id}`} className="text-sm text-brand-700 underline">
                    {t("match.open")}
                  </Link>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
