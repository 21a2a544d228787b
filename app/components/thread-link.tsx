import { Link } from "@remix-run/react";
import { conversationUrl } from "~/domain/conversation";
import { useT } from "~/i18n/i18n";

/** "Talk": a response's conversation from the request's page and /me/responses, bold when it has news. */
export function ThreadLink({
  thread,
  className = "",
}: {
  thread: { id: string; unread: boolean };
  className?: string;
}) {
  const t = useT();
  return (
    <Link
      to={conversationUrl(thread.id)}
      data-thread={thread.id}
      className={`inline-flex items-center gap-1.5 text-brand-700 underline ${thread.unread ? "font-bold" : "font-medium"} ${className}`}
    >
      {thread.unread ? <span className="size-2 shrink-0 rounded-full bg-accent-500" aria-hidden /> : null}
      {t(thread.unread ? "talk.openUnread" : "talk.open")}
    </Link>
  );
}
