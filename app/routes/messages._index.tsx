import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { UnreadDot } from "~/components/ui/unread-dot";
import { PageHeader } from "~/components/page";
import { formatDateTime, pick, useLanguage, useT } from "~/i18n/i18n";
import { conversationUrl } from "~/domain/conversation";
import { listConversationsOf } from "~/models/conversation.server";
import { requireUserId } from "~/auth/auth.server";
import { titled } from "~/utils/meta";

export const meta: MetaFunction = (args) => titled(args, (t) => t("conversations.title"));

/** The signed-in member's conversations: their own and their organizations' team's. */
export async function loader(args: LoaderFunctionArgs) {
  return { conversations: await listConversationsOf(requireUserId(args)) };
}

export default function Conversations() {
  const { conversations } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("conversations.title")} />
      {conversations.length === 0 ? <p className="text-slate-700">{t("conversations.empty")}</p> : null}
      <ul className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white">
        {conversations.map((conversation) => (
          <li key={conversation.id} className="flex items-start gap-3 p-4">
            <UnreadDot unread={conversation.unread} label={t("notifications.unread")} />
            <div className="min-w-0">
              <Link
                to={conversationUrl(conversation.id)}
                className={`break-words text-brand-700 underline ${conversation.unread ? "font-bold" : "font-medium"}`}
              >
                {conversation.subject}
              </Link>
              <p className="text-sm text-slate-600">
                {t(`conversations.kind.${conversation.kind as "match" | "inquiry" | "booking"}`)} ·{" "}
                {conversation.with.person ??
                  pick(lang, conversation.with.organization?.nameVi, conversation.with.organization?.nameEn)}{" "}
                ·{" "}
                <time dateTime={new Date(conversation.lastMessageAt).toISOString()}>
                  {formatDateTime(lang, conversation.lastMessageAt)}
                </time>
              </p>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
