import type { LoaderFunctionArgs } from "@remix-run/node";
import { listMessages, markConversationRead, messagesAfter } from "~/models/conversation.server";
import { requireMember, threadMessages } from "./__thread.server";

/**
 * A thread's messages as JSON for the open page (docs/decisions/070): `after` a message,
 * what came since (asked every few seconds while the page is visible); `before` one, the
 * page of older ones. Only members get an answer (everyone else 404), with the fields
 * the page renders. New messages seen on an open page are read, as when the page opens.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { user, conversation } = await requireMember(args);
  const query = new URL(args.request.url).searchParams;
  const before = query.get("before");
  const after = query.get("after");
  const headers = { "Cache-Control": "private, no-store" };
  const now = new Date().toISOString();
  if (before) {
    const page = await listMessages(conversation.id, { before });
    return Response.json(
      { messages: threadMessages(page.messages, conversation, user.id), older: page.older, now },
      { headers },
    );
  }
  const page = after ? await messagesAfter(conversation.id, after) : await listMessages(conversation.id);
  if (page.messages.length > 0 && conversation.unread) await markConversationRead(conversation.id, user.id);
  const more = "more" in page && page.more;
  return Response.json({ messages: threadMessages(page.messages, conversation, user.id), more, now }, { headers });
}
