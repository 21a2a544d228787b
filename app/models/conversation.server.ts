import { conversationUrl, type ConversationKind } from "~/domain/conversation";
import { isLanguage, translator } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { isDatabaseBusy } from "~/db/busy.server";
import { prisma } from "~/db/client.server";
import {
  removeUnusedAttachmentFiles,
  writeAttachmentFiles,
  type CheckedAttachment,
  type StoredAttachment,
} from "./message-attachment.server";
import { notify } from "./notification.server";
import { write, writeOnce, type Effects, type Tx } from "./write.server";

/**
 * Private conversations (docs/decisions/060): a match's thread, an inquiry from a
 * listing, a booking request. One model for every kind: two sides (the person who
 * started it, and the person or organization team they contacted), messages, and each
 * member's read state. Every function here checks membership on the server; anyone
 * else is told the conversation does not exist.
 */

/** How many messages a thread page shows; older ones load on demand. */
export const MESSAGES_PER_PAGE = 50;

const notFound = () => new Response("Not found", { status: 404 });

/**
 * Thrown (inside the write, so nothing is written) when the contacted side has blocked
 * the sender. A 403 Response, so a caller that does not catch it still answers 4xx;
 * it names nobody: the sender only learns that the listing does not accept their messages.
 */
export class SenderBlocked extends Response {
  constructor() {
    super("This listing does not accept your messages.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}

type Db = Tx | typeof prisma;
type Sides = { starterId: string; ownerUserId: string | null; organizationId: string | null };

/** The contacted side as one key: blocks are kept per side, so any manager's block is the team's. */
function ownerKeyOf(owner: { ownerUserId?: string | null; organizationId?: string | null }): string {
  return owner.organizationId ? `organization:${owner.organizationId}` : `user:${owner.ownerUserId}`;
}

/** Whether the contacted side of the conversation has blocked this sender. */
async function isBlocked(conversation: Sides, senderId: string, db: Db): Promise<boolean> {
  const block = await db.conversationBlock.findUnique({
    where: { ownerKey_blockedUserId: { ownerKey: ownerKeyOf(conversation), blockedUserId: senderId } },
    select: { createdAt: true },
  });
  return Boolean(block);
}

async function assertNotBlocked(conversation: Sides, senderId: string, tx: Tx) {
  if (await isBlocked(conversation, senderId, tx)) throw new SenderBlocked();
}

/** The user ids on the contacted side: its one person, or the organization's managers now. */
async function ownerSide(conversation: Sides, db: Db): Promise<string[]> {
  if (conversation.ownerUserId) return [conversation.ownerUserId];
  if (!conversation.organizationId) return [];
  const managers = await db.organizationManager.findMany({
    where: { organizationId: conversation.organizationId },
    select: { userId: true },
  });
  return managers.map((manager) => manager.userId);
}

/** Which side this user is on, or null when they are not a member. */
export async function sideOf(conversation: Sides, userId: string, db: Db): Promise<"starter" | "owner" | null> {
  if (conversation.starterId === userId) return "starter";
  return (await ownerSide(conversation, db)).includes(userId) ? "owner" : null;
}

/** Everyone on the other side from `userId`: who a message of theirs notifies. */
export async function otherSide(conversation: Sides, userId: string, db: Db): Promise<string[]> {
  const owners = await ownerSide(conversation, db);
  return conversation.starterId === userId ? owners : [conversation.starterId];
}

/** The request a response's (or match's) conversation is about, as far as anonymity needs it. */
const requestOfThread = {
  response: { select: { status: true, request: { select: { id: true, title: true, visibility: true } } } },
  match: { select: { request: { select: { id: true, title: true, visibility: true } } } },
} as const;

/**
 * Whether the starter's name is hidden from the other side: the author of an anonymous
 * request is "the requester" in its response's and match's conversation. A response's
 * conversation whose response was withdrawn no longer knows its request, so it hides too.
 */
export function hidesStarter(conversation: {
  kind: string;
  response?: { request: { visibility: string } } | null;
  match?: { request: { visibility: string } } | null;
}) {
  if (conversation.kind !== "response" && conversation.kind !== "match") return false;
  const request = conversation.response?.request ?? conversation.match?.request;
  return !request || request.visibility === "anonymous";
}

/**
 * Opens a conversation and notifies the contacted side (in-app and by e-mail), in the
 * caller's transaction. `about` names what it concerns; the notice says who wrote and why.
 */
export async function startConversation(
  start: {
    kind: ConversationKind;
    subject: string;
    starterId: string;
    /** The contacted side: one person, or an organization's managers */
    owner: { userId: string } | { organizationId: string };
    about?: { matchId?: string; offerId?: string; expertId?: string; responseId?: string };
    /** Its id, when it must equal another's (a match's conversation has the match's id) */
    id?: string;
    /** The first message, if the starter wrote one */
    body?: string;
    notice?: { key: MessageKey; params: Record<string, string | number> };
  },
  tx: Tx,
  effects: Effects,
): Promise<string> {
  const owner = "userId" in start.owner ? { ownerUserId: start.owner.userId } : start.owner;
  // Checked here, in the write, so that every kind (inquiries, bookings…) honours a block.
  await assertNotBlocked(
    { starterId: start.starterId, ownerUserId: null, organizationId: null, ...owner },
    start.starterId,
    tx,
  );
  const conversation = await tx.conversation.create({
    data: {
      id: start.id,
      kind: start.kind,
      subject: start.subject,
      starterId: start.starterId,
      ...owner,
      ...start.about,
    },
  });
  let lastAt = conversation.createdAt;
  if (start.body) {
    const first = await tx.message.create({
      data: { conversationId: conversation.id, senderId: start.starterId, body: start.body },
    });
    // Its own first message leaves the conversation read for the starter, unread for the other side.
    lastAt = first.createdAt;
    await tx.conversation.update({ where: { id: conversation.id }, data: { lastMessageAt: lastAt } });
  }
  await tx.conversationRead.create({
    data: { conversationId: conversation.id, userId: start.starterId, lastReadAt: lastAt },
  });
  if (start.notice) {
    const starter = await tx.user.findUniqueOrThrow({ where: { id: start.starterId }, select: { name: true } });
    for (const userId of await otherSide(conversation, start.starterId, tx)) {
      await notify(
        {
          userId,
          type: "message",
          ...start.notice,
          url: conversationUrl(conversation.id),
          mail: start.body ? { quote: { by: starter.name, text: start.body }, action: "mail.action.reply" } : undefined,
        },
        tx,
        effects,
      );
    }
  }
  return conversation.id;
}

/** A conversation as one of its members sees it; null for anyone else (shown as 404). */
export async function conversationForMember(id: string, userId: string) {
  const conversation = await prisma.conversation.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      subject: true,
      starterId: true,
      ownerUserId: true,
      organizationId: true,
      createdAt: true,
      lastMessageAt: true,
      reads: { where: { userId }, select: { lastReadAt: true } },
      starter: { select: { name: true } },
      ownerUser: { select: { name: true } },
      organization: { select: { slug: true, nameVi: true, nameEn: true } },
      offer: { select: { id: true, nameVi: true, nameEn: true } },
      expert: { select: { slug: true, title: true, fullName: true } },
      ...requestOfThread,
    },
  });
  if (!conversation) return null;
  const side = await sideOf(conversation, userId, prisma);
  if (!side) return null;
  const { reads, ...rest } = conversation;
  return { ...rest, side, unread: !reads[0] || reads[0].lastReadAt < conversation.lastMessageAt };
}

/** What a thread shows of each message; the sender's id stays on the server (the route maps it). */
const messageFields = {
  id: true,
  body: true,
  event: true,
  createdAt: true,
  senderId: true,
  sender: { select: { name: true } },
  attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, contentType: true, size: true } },
} as const;

/** A message of this conversation, as a cursor: its time and id. */
function cursorOf(conversationId: string, id: string | undefined) {
  if (!id || !/^[a-z0-9]{10,40}$/.test(id)) return Promise.resolve(null);
  return prisma.message.findFirst({ where: { id, conversationId }, select: { createdAt: true, id: true } });
}

/**
 * A page of a conversation's messages, oldest first: the newest MESSAGES_PER_PAGE, or
 * those before the message `before`. `older` is the cursor for the page before, if any.
 * One indexed query of at most a page, however long the thread (docs/decisions/070).
 */
export async function listMessages(conversationId: string, options: { before?: string } = {}) {
  const cursor = await cursorOf(conversationId, options.before);
  const rows = await prisma.message.findMany({
    where: {
      conversationId,
      // Messages strictly before the cursor, in (createdAt, id) order: two may share a millisecond.
      ...(cursor
        ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: messageFields,
    take: MESSAGES_PER_PAGE + 1,
  });
  const page = rows.slice(0, MESSAGES_PER_PAGE).reverse();
  return { messages: page, older: rows.length > MESSAGES_PER_PAGE ? (page[0]?.id ?? null) : null };
}

/**
 * The messages since the message `after`, oldest first, at most a page (`more` when
 * there are others): what a thread open in a browser asks for every few seconds.
 * Those of the cursor's very millisecond come again (ids do not tell which of them was
 * written first); the page keeps the ones it does not have. An unknown cursor gets nothing.
 */
export async function messagesAfter(conversationId: string, after: string) {
  const cursor = await cursorOf(conversationId, after);
  if (!cursor) return { messages: [], more: false };
  const rows = await prisma.message.findMany({
    where: { conversationId, createdAt: { gte: cursor.createdAt }, id: { not: cursor.id } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: messageFields,
    take: MESSAGES_PER_PAGE + 1,
  });
  return { messages: rows.slice(0, MESSAGES_PER_PAGE), more: rows.length > MESSAGES_PER_PAGE };
}

/**
 * Marks the conversation read up to now for this member, when opening it. Best
 * effort: a page is not refused because the database is busy with a long write
 * (an import); the thread stays unread until the next visit.
 */
export async function markConversationRead(conversationId: string, userId: string) {
  const now = new Date();
  try {
    await write((tx) =>
      tx.conversationRead.upsert({
        where: { conversationId_userId: { conversationId, userId } },
        create: { conversationId, userId, lastReadAt: now },
        update: { lastReadAt: now },
      }),
    );
  } catch (error) {
    if (!isDatabaseBusy(error)) throw error;
  }
}

/**
 * The message form of a conversation, once per form key; returns the thread's page.
 * Its files are written first, then the rows in the write; whatever no row took (the
 * write failed, or the form was a repeat) is removed before answering.
 */
export async function sendMessage(
  conversationId: string,
  userId: string,
  body: string,
  formKey: string,
  files: readonly CheckedAttachment[] = [],
): Promise<string> {
  const stored = writeAttachmentFiles(files);
  try {
    return await writeOnce(userId, formKey, async (tx, effects) => {
      await postMessageInTransaction(conversationId, userId, body, tx, effects, stored);
      return conversationUrl(conversationId);
    });
  } finally {
    await removeUnusedAttachmentFiles(stored);
  }
}

/** Adds a member's message (with its files' rows) and notifies the other side; refuses anyone who is not a member. */
export async function postMessageInTransaction(
  conversationId: string,
  userId: string,
  body: string,
  tx: Tx,
  effects: Effects,
  attachments: readonly StoredAttachment[] = [],
) {
  const conversation = await tx.conversation.findUnique({ where: { id: conversationId }, include: requestOfThread });
  const side = conversation ? await sideOf(conversation, userId, tx) : null;
  if (!conversation || !side) throw notFound();
  if (side === "starter") await assertNotBlocked(conversation, userId, tx);
  const message = await tx.message.create({ data: { conversationId, senderId: userId, body } });
  for (const attachment of attachments)
    await tx.messageAttachment.create({ data: { messageId: message.id, ...attachment } });
  await tx.conversation.update({ where: { id: conversationId }, data: { lastMessageAt: message.createdAt } });
  await tx.conversationRead.upsert({
    where: { conversationId_userId: { conversationId, userId } },
    create: { conversationId, userId, lastReadAt: message.createdAt },
    update: { lastReadAt: message.createdAt },
  });
  const sender = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  const hidden = side === "starter" && hidesStarter(conversation);
  const count = attachments.length;
  for (const other of await otherSide(conversation, userId, tx)) {
    // An anonymous request's author writes as "the requester", in the reader's language.
    const { locale } = await tx.user.findUniqueOrThrow({ where: { id: other }, select: { locale: true } });
    const name = hidden ? translator(isLanguage(locale) ? locale : "vi")("talk.requester") : sender.name;
    await notify(
      {
        userId: other,
        type: "message",
        // With files, the line says how many (the files themselves stay on the portal).
        key: count ? "notify.messageWithFiles" : "notify.message",
        params: count ? { name, title: conversation.subject, count } : { name, title: conversation.subject },
        url: conversationUrl(conversationId),
        mail: { quote: body ? { by: name, text: body } : undefined, action: "mail.action.reply" },
      },
      tx,
      effects,
    );
  }
  return message;
}

/**
 * A step the portal records in a conversation (a booking proposed, accepted…), shown
 * in the reader's language: its message key, with the parameters stored as JSON.
 */
export async function recordEvent(
  conversationId: string,
  actorId: string,
  event: MessageKey,
  params: Record<string, string | number>,
  tx: Tx,
) {
  const message = await tx.message.create({
    data: { conversationId, senderId: actorId, event, body: JSON.stringify(params) },
  });
  await tx.conversation.update({ where: { id: conversationId }, data: { lastMessageAt: message.createdAt } });
  return message;
}

/** The organizations this user manages: their conversations are the user's too. */
async function managedIds(userId: string) {
  const rows = await prisma.organizationManager.findMany({ where: { userId }, select: { organizationId: true } });
  return rows.map((row) => row.organizationId);
}

async function memberWhere(userId: string) {
  const organizations = await managedIds(userId);
  return {
    OR: [
      { starterId: userId },
      { ownerUserId: userId },
      ...(organizations.length ? [{ organizationId: { in: organizations } }] : []),
    ],
  };
}

/** A member's conversations, most recent first, each with the other side's name and whether it is unread. */
export async function listConversationsOf(userId: string, options: { take?: number } = {}) {
  const rows = await prisma.conversation.findMany({
    where: await memberWhere(userId),
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: options.take ?? 100,
    select: {
      id: true,
      kind: true,
      subject: true,
      starterId: true,
      lastMessageAt: true,
      starter: { select: { name: true } },
      ownerUser: { select: { name: true } },
      organization: { select: { nameVi: true, nameEn: true } },
      reads: { where: { userId }, select: { lastReadAt: true } },
      ...requestOfThread,
    },
  });
  return rows.map(({ reads, starterId, starter, ownerUser, organization, response, match, ...row }) => ({
    ...row,
    unread: !reads[0] || reads[0].lastReadAt < row.lastMessageAt,
    // The other side, as this member sees it; null with no organization: "the requester".
    with:
      starterId === userId
        ? { person: ownerUser?.name ?? null, organization }
        : { person: hidesStarter({ kind: row.kind, response, match }) ? null : starter.name, organization: null },
  }));
}

/** Whether the contacted side of this conversation has blocked its starter. */
export function isStarterBlocked(conversation: Sides) {
  return isBlocked(conversation, conversation.starterId, prisma);
}

/**
 * The contacted side stops taking messages from the conversation's starter, in every
 * conversation with that side (an organization's: for its whole team). Only a member of
 * the contacted side may; anyone else is told the conversation does not exist.
 */
export async function blockStarter(conversationId: string, userId: string) {
  await write(async (tx) => {
    const conversation = await tx.conversation.findUnique({ where: { id: conversationId } });
    if (!conversation || (await sideOf(conversation, userId, tx)) !== "owner") throw notFound();
    const key = { ownerKey: ownerKeyOf(conversation), blockedUserId: conversation.starterId };
    await tx.conversationBlock.upsert({
      where: { ownerKey_blockedUserId: key },
      create: { ...key, conversationId },
      update: {},
    });
  });
}

/** Takes back the block made from this conversation; only the contacted side may. */
export async function unblockStarter(conversationId: string, userId: string) {
  await write(async (tx) => {
    const conversation = await tx.conversation.findUnique({ where: { id: conversationId } });
    if (!conversation || (await sideOf(conversation, userId, tx)) !== "owner") throw notFound();
    await tx.conversationBlock.deleteMany({
      where: { ownerKey: ownerKeyOf(conversation), blockedUserId: conversation.starterId },
    });
  });
}

/** The senders this member's sides (their own and their organizations') have blocked. */
export async function listBlocksOf(userId: string) {
  const keys = [`user:${userId}`, ...(await managedIds(userId)).map((id) => `organization:${id}`)];
  const rows = await prisma.conversationBlock.findMany({
    where: { ownerKey: { in: keys } },
    orderBy: { createdAt: "desc" },
    select: {
      createdAt: true,
      blockedUser: { select: { name: true } },
      conversation: { select: { id: true, subject: true, organization: { select: { nameVi: true, nameEn: true } } } },
    },
  });
  return rows.map((row) => ({
    conversationId: row.conversation.id,
    subject: row.conversation.subject,
    name: row.blockedUser.name,
    organization: row.conversation.organization,
    createdAt: row.createdAt,
  }));
}

/**
 * How many of a member's conversations have a message they have not read: the header's
 * badge. One indexed query (each side's conversations by its index, each read row by key).
 */
export async function countUnreadConversations(userId: string): Promise<number> {
  const rows = await prisma.$queryRaw<{ n: bigint | number }[]>`
    SELECT COUNT(*) AS n FROM "Conversation" c
    LEFT JOIN "ConversationRead" r ON r."conversationId" = c."id" AND r."userId" = ${userId}
    WHERE (c."starterId" = ${userId} OR c."ownerUserId" = ${userId}
      OR c."organizationId" IN (SELECT "organizationId" FROM "OrganizationManager" WHERE "userId" = ${userId}))
      AND (r."lastReadAt" IS NULL OR r."lastReadAt" < c."lastMessageAt")`;
  return Number(rows[0]?.n ?? 0);
}
