import { prisma } from "~/db/client.server";
import type { Reason } from "~/domain/match-reasons";
import { NOT_FOR_ME_REASONS, type NotForMeReason } from "~/domain/request-values";
import { openRequestCards } from "./request.server";
import { write } from "./write.server";

/**
 * "Requests for you": the open requests the portal suggests for a researcher's
 * published profile and those they are invited to, with the reasons the
 * business sees, and "not for me" (a RequestDecline), which takes the request
 * off the list and the researcher off its suggestions at once.
 */

/** Requests a page: each carries its reasons and a "not for me" form, so pages stay short. */
export const FOR_YOU_PER_PAGE = 20;

const notFound = () => new Response("Not found", { status: 404 });

function ownProfile(userId: string) {
  return prisma.expertProfile.findUnique({ where: { userId }, select: { id: true, status: true } });
}

export type ForYouItem = {
  request: Awaited<ReturnType<typeof openRequestCards>>[number];
  /** Why it was suggested (the stored suggestion's reasons), or null when only invited. */
  reasons: Reason[] | null;
  invitation: { note: string | null; createdAt: Date } | null;
  /** Their own response's status (the link goes to the request's page, where it is shown). */
  response: { status: string } | null;
};

export type ForYouPage = { items: ForYouItem[]; page: number; pages: number; total: number };

/** A page of the list, newest request first; `null` when the member has no published profile. */
export async function requestsForYou(userId: string, page = 1): Promise<ForYouPage | null> {
  const profile = await ownProfile(userId);
  if (!profile || profile.status !== "published") return null;
  // Both read by expertId (indexed); whether each request is open is read below by primary key
  // (a relation filter here would have the database list every open request).
  const [suggestions, invitations] = await Promise.all([
    prisma.matchSuggestion.findMany({
      where: { expertId: profile.id, targetType: "expert" },
      select: { requestId: true, reasons: true },
    }),
    prisma.invitation.findMany({
      where: { expertId: profile.id },
      select: { requestId: true, note: true, createdAt: true },
    }),
  ]);
  const ids = [...new Set([...suggestions, ...invitations].map((row) => row.requestId))];
  const [declined, dates] = await Promise.all([
    prisma.requestDecline.findMany({
      where: { expertId: profile.id, requestId: { in: ids } },
      select: { requestId: true },
    }),
    prisma.techRequest.findMany({
      where: { id: { in: ids }, status: "open" },
      select: { id: true, publishedAt: true },
    }),
  ]);
  const gone = new Set(declined.map((row) => row.requestId));
  const listed = dates
    .filter((row) => !gone.has(row.id))
    .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0) || a.id.localeCompare(b.id));
  const pages = Math.max(1, Math.ceil(listed.length / FOR_YOU_PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const pageIds = listed.slice((current - 1) * FOR_YOU_PER_PAGE, current * FOR_YOU_PER_PAGE).map((row) => row.id);
  // Only this page's cards and responses are read.
  const [cards, responses] = await Promise.all([
    openRequestCards(pageIds),
    prisma.requestResponse.findMany({
      where: { responderId: userId, requestId: { in: pageIds } },
      select: { requestId: true, status: true },
    }),
  ]);
  const reasonsOf = new Map(suggestions.map((row) => [row.requestId, JSON.parse(row.reasons) as Reason[]]));
  const invitationOf = new Map(invitations.map(({ requestId, ...rest }) => [requestId, rest]));
  const responseOf = new Map(responses.map(({ requestId, ...rest }) => [requestId, rest]));
  const items = cards.map((request) => ({
    request,
    reasons: reasonsOf.get(request.id) ?? null,
    invitation: invitationOf.get(request.id) ?? null,
    response: responseOf.get(request.id) ?? null,
  }));
  return { items, page: current, pages, total: listed.length };
}

/**
 * "Not for me": only for a request the researcher was suggested for or invited
 * to (404 otherwise). Their suggestion row goes in the same write; a second
 * click writes nothing new. Returns whether a decline was recorded now.
 */
export function declineRequest(
  userId: string,
  requestId: string,
  input: { reason: NotForMeReason | null; note: string | null },
): Promise<boolean> {
  return write(async (tx) => {
    const profile = await tx.expertProfile.findUnique({ where: { userId }, select: { id: true } });
    if (!profile) throw notFound();
    const key = { requestId, expertId: profile.id };
    if (await tx.requestDecline.findUnique({ where: { requestId_expertId: key } })) return false;
    const [suggested, invited] = await Promise.all([
      tx.matchSuggestion.count({ where: { ...key, targetType: "expert" } }),
      tx.invitation.count({ where: key }),
    ]);
    if (suggested === 0 && invited === 0) throw notFound();
    await tx.requestDecline.create({ data: { ...key, reason: input.reason, note: input.note } });
    await tx.matchSuggestion.deleteMany({ where: { ...key, targetType: "expert" } });
    return true;
  });
}

/** Undoes "not for me": the request may suggest them again from its next recompute (queued now). */
export function undoDecline(userId: string, requestId: string): Promise<boolean> {
  return write(async (tx, effects) => {
    const profile = await tx.expertProfile.findUnique({ where: { userId }, select: { id: true } });
    if (!profile) throw notFound();
    const { count } = await tx.requestDecline.deleteMany({ where: { requestId, expertId: profile.id } });
    if (count > 0) await effects.enqueue("recompute-matches", { requestId });
    return count > 0;
  });
}

const DAY_MS = 86_400_000;

/** "Not for me" counted per reason (none given counts as its own row), over all time and the last 90 days. */
export async function notForMeCounts(now = new Date()) {
  const since = new Date(now.getTime() - 90 * DAY_MS);
  const [all, recent] = await Promise.all([
    prisma.requestDecline.groupBy({ by: ["reason"], _count: { _all: true } }),
    prisma.requestDecline.groupBy({ by: ["reason"], where: { createdAt: { gte: since } }, _count: { _all: true } }),
  ]);
  const count = (rows: typeof all, reason: string | null) =>
    rows.find((row) => row.reason === reason)?._count._all ?? 0;
  return [...NOT_FOR_ME_REASONS, null].map((reason) => ({
    reason,
    all: count(all, reason),
    recent: count(recent, reason),
  }));
}
