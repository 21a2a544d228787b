import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/page";
import { Badge } from "~/components/ui/badge";
import { AGREEMENT_TYPE_LABELS, AGREEMENT_VALUE_RANGE_LABELS } from "~/domain/agreement-values";
import { formatDay } from "~/domain/booking";
import { conversationUrl } from "~/domain/conversation";
import { useLanguage, useT } from "~/i18n/i18n";
import { agreementsOfMember } from "~/models/agreement.server";
import { requireUserId } from "~/auth/auth.server";
import { titled } from "~/utils/meta";

export const meta: MetaFunction = (args) => titled(args, (t) => t("myAgreements.title"));

/** A member's agreements, both sides (docs/decisions/074): only theirs ever reach the page. */
export async function loader(args: LoaderFunctionArgs) {
  return { agreements: await agreementsOfMember(requireUserId(args)) };
}

export default function MyAgreements() {
  const { agreements } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("myAgreements.title")} />
      <p className="text-slate-700">{t("myAgreements.intro")}</p>
      {agreements.length === 0 ? <p>{t("myAgreements.empty")}</p> : null}
      {agreements.length ? (
        <ul className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white">
          {agreements.map((agreement) => (
            <li key={agreement.id} className="space-y-1 p-4" data-agreement-status={agreement.status}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium">
                  {AGREEMENT_TYPE_LABELS[agreement.type as keyof typeof AGREEMENT_TYPE_LABELS]?.[lang] ??
                    agreement.type}
                </span>
                <Badge
                  tone={
                    agreement.status === "confirmed" ? "success" : agreement.status === "pending" ? "brand" : "neutral"
                  }
                >
                  {t(`agreement.status.${agreement.status as "pending"}`)}
                </Badge>
              </div>
              <p className="text-sm text-slate-700">
                {formatDay(lang, agreement.signedOn)}
                {agreement.valueRange
                  ? ` · ${AGREEMENT_VALUE_RANGE_LABELS[agreement.valueRange as keyof typeof AGREEMENT_VALUE_RANGE_LABELS]?.[lang] ?? agreement.valueRange}`
                  : null}
                {" · "}
                {t(agreement.recordedByMe ? "myAgreements.recordedByMe" : "myAgreements.recordedByOther")}
              </p>
              <p className="text-sm break-words">
                {t("myAgreements.conversation")}:{" "}
                <Link
                  to={`${conversationUrl(agreement.conversationId)}#agreement-${agreement.id}`}
                  className="text-brand-700 underline"
                >
                  {agreement.subject}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
