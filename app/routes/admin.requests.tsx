import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { reviewOne } from "./__review.server";
import { ReviewDecision } from "~/components/review-decision";
import { FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { Notice } from "~/components/ui/notice";
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
    <div className="space-y-4">
      <PageHeader title={t("admin.requests")} />
      {actionData && !actionData.error && !actionData.result.error ? <Notice>{t("review.done")}</Notice> : null}
      {actionData?.error ? <FormErrors errors={[actionData.error]} /> : null}
      {requests.length === 0 ? <p>{t("admin.requestsEmpty")}</p> : null}
      <ul className="space-y-4">
        {requests.map((request) => (
          <li key={request.id} className="rounded-2xl border border-slate-200 bg-white p-5" data-request={request.id}>
            <Link to={`/requests/${request.id}`} className="text-lg font-semibold text-brand-700 underline">
              {request.title}
            </Link>
            <p className="text-sm text-slate-600">
              {request.companyName} ({t(`request.visibility.${request.visibility}` as "request.visibility.public")}) ·{" "}
              {request.author.name} &lt;{request.author.email}&gt; · {formatDate(lang, request.createdAt)}
            </p>
            <p className="mt-2 line-clamp-3 text-sm">{request.problem}</p>
            <Form method="post" className="mt-3 space-y-2">
              <input type="hidden" name="requestId" value={request.id} />
              <ReviewDecision
                errors={actionData?.requestId === request.id ? actionData.result.error?.note : undefined}
              />
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
