import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/auth/auth.server";
import { conversationForMember, hidesStarter, type listMessages } from "~/models/conversation.server";

/**
 * What a thread page and its live updates send of each message (docs/decisions/070):
 * the same fields both ways, so a message fetched later renders as one loaded with the
 * page. Account ids stay on the server: the page only needs whose message is whose.
 */
type Row = Awaited<ReturnType<typeof listMessages>>["messages"][number];
export type Member = NonNullable<Awaited<ReturnType<typeof conversationForMember>>>;

export function threadMessages(rows: readonly Row[], conversation: Member, userId: string) {
  // An anonymous request's author is "the requester" to the researcher.
  const hideStarter = conversation.side === "owner" && hidesStarter(conversation);
  return rows.map(({ senderId, sender, createdAt, ...message }) => ({
    ...message,
    // A string both ways: the page's data and the JSON updates render alike.
    createdAt: createdAt.toISOString(),
    sender: { name: hideStarter && senderId === conversation.starterId ? null : sender.name },
    mine: senderId === userId,
  }));
}

export type ThreadMessage = ReturnType<typeof threadMessages>[number];

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });

/**
 * The signed-in member and the conversation, for the thread's resource routes; a 404 for
 * everyone else, signed out included (a redirect to sign in would tell that it exists).
 */
export async function requireMember(args: LoaderFunctionArgs) {
  const user = getUser(args);
  const id = args.params.id ?? "";
  if (!user || !/^[a-z0-9]{10,40}$/.test(id)) throw notFound();
  const conversation = await conversationForMember(id, user.id);
  if (!conversation) throw notFound();
  return { user, conversation };
}
