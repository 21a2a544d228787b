import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { reviewOne } from "./__review.server";
import { ReviewPage } from "~/components/review-decision";
import { formatDate, useLanguage, useT } from "~/i18n/i18n";
import { requirePermission } from "~/auth/auth.server";
import { pendingRequests } from "~/models/review-queue.server";
import { titled } from "~/utils/meta";

export const meta: MetaFunction = (args) => titled(args, (t) => t("admin.requests"));

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "request:review");
  return { requests: await pendingRequests() };
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
  const { requests } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLanguage();
  return (
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
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
