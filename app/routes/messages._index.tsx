import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { invariantResponse, readForm } from "~/utils/misc";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { UnreadDot } from "~/components/ui/unread-dot";
import { PageHeader } from "~/components/page";
import { formatDateTime, pick, useLanguage, useT } from "~/i18n/i18n";
import { conversationUrl, type ConversationKind } from "~/domain/conversation";
import { listBlocksOf, listConversationsOf, unblockStarter } from "~/models/conversation.server";
import { requireUserId } from "~/auth/auth.server";
import { titled } from "~/utils/meta";

export const meta: MetaFunction = (args) => titled(args, (t) => t("conversations.title"));

/** The signed-in member's conversations: their own and their organizations' team's. */
export async function loader(args: LoaderFunctionArgs) {
  const userId = requireUserId(args);
  const [conversations, blocks] = await Promise.all([listConversationsOf(userId), listBlocksOf(userId)]);
  return { conversations, blocks };
}

/** Unblocks a sender, named by the conversation the block was made from (no account id on the page). */
export async function action(args: ActionFunctionArgs) {
  const userId = requireUserId(args);
  const form = await readForm(args.request);
  const conversationId = form.get("conversationId");
  invariantResponse(form.get("intent") === "unblock", "Unknown intent", { status: 400 });
  invariantResponse(typeof conversationId === "string" && /^[a-z0-9]{10,40}$/.test(conversationId), "Not found", {
    status: 404,
  });
  await unblockStarter(conversationId, userId);
  return redirect("/messages#blocked");
}

export default function Conversations() {
  const { conversations, blocks } = useLoaderData<typeof loader>();
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
                {t(`conversations.kind.${conversation.kind as ConversationKind}`)} ·{" "}
                {conversation.with.person ??
                  (conversation.with.organization
                    ? pick(lang, conversation.with.organization.nameVi, conversation.with.organization.nameEn)
                    : t("talk.requester"))}{" "}
                ·{" "}
                <time dateTime={new Date(conversation.lastMessageAt).toISOString()}>
                  {formatDateTime(lang, conversation.lastMessageAt)}
                </time>
              </p>
            </div>
          </li>
        ))}
      </ul>
      {blocks.length > 0 ? (
        <section aria-labelledby="blocked" className="rounded-2xl border border-slate-200 bg-white p-4">
          <h2 id="blocked" className="text-lg font-semibold">
            {t("conversations.blocked")}
          </h2>
          <ul className="mt-2 divide-y divide-slate-100">
            {blocks.map((block) => (
              <li key={block.conversationId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0 break-words text-sm">
                  {t("conversations.blockedItem", { name: block.name, subject: block.subject })}
                </span>
                <Form method="post">
                  <input type="hidden" name="conversationId" value={block.conversationId} />
                  <Button type="submit" name="intent" value="unblock" variant="secondary" size="sm">
                    {t("conversation.unblock")}
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
