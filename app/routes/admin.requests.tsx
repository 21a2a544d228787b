import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { reviewOne } from "./__review.server";
import { ReviewPage } from "~/components/review-decision";
import { ColumnHeadings } from "~/components/ui/column-headings";
import { formatDate, useLanguage, useT } from "~/i18n/i18n";
import { requirePermission } from "~/auth/auth.server";
import { pendingRequests } from "~/models/review-queue.server";
import { notForMeCounts } from "~/models/requests-for-you.server";
import type { MessageKey } from "~/i18n/messages";
import { titled } from "~/utils/meta";

export const meta: MetaFunction = (args) => titled(args, (t) => t("admin.requests"));

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "request:review");
  const [requests, notForMe] = await Promise.all([pendingRequests(), notForMeCounts()]);
  return { requests, notForMe };
}

export async function action(args: ActionFunctionArgs) {
  const {
    id: requestId,
    status,
    ...answer
  } = await reviewOne(args, {
    permission: "request:review",
    kind: "request",
    field: "requestId",
  });
  return data({ requestId, ...answer }, { status });
}

export default function AdminRequests() {
  const { requests, notForMe } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLanguage();
  return (
    <>
      <ReviewPage
        title={t("admin.requests")}
        empty={t("admin.requestsEmpty")}
        items={requests}
        field="requestId"
        answer={actionData && { id: actionData.requestId, result: actionData.result, error: actionData.error }}
        itemAttributes={(request) => ({ "data-request": request.id })}
      >
        {(request) => (
          <>
            <Link to={`/requests/${request.id}`} className="text-lg font-semibold text-brand-700 underline">
              {request.title}
            </Link>
            <p className="text-sm text-slate-600">
              {request.companyName} ({t(`request.visibility.${request.visibility}` as "request.visibility.public")}) ·{" "}
              {request.author.name} &lt;{request.author.email}&gt; · {formatDate(lang, request.createdAt)}
            </p>
            <p className="mt-2 line-clamp-3 text-sm">{request.problem}</p>
          </>
        )}
      </ReviewPage>
      <NotForMeTable rows={notForMe} />
    </>
  );
}

/** Why researchers said "not for me", counted (issue 19): what the suggestions get wrong. */
function NotForMeTable({ rows }: { rows: { reason: string | null; all: number; recent: number }[] }) {
  const t = useT();
  return (
    <section aria-labelledby="not-for-me" className="mx-auto mt-8 max-w-3xl overflow-x-auto">
      <h2 id="not-for-me" className="text-lg font-semibold">
        {t("forYou.stats.title")}
      </h2>
      <table className="w-full border-collapse text-sm" data-not-for-me>
        <caption className="pb-2 text-left text-slate-600">{t("forYou.stats.intro")}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left">
            <ColumnHeadings
              labels={[t("forYou.stats.reason"), t("forYou.stats.all"), t("forYou.stats.recent")]}
              cell="py-2 pr-3"
            />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.reason ?? "none"} data-reason={row.reason ?? "none"} className="border-b border-slate-100">
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                {row.reason ? t(`forYou.reason.${row.reason}` as MessageKey) : t("forYou.reasonNone")}
              </th>
              <td className="py-2 pr-3 text-right tabular-nums">{row.all}</td>
              <td className="py-2 text-right tabular-nums">{row.recent}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
