import type { Prisma } from "~/generated/prisma/client";
import { forbidden } from "~/auth/auth.server";
import { prisma } from "~/db/client.server";
import { displayName } from "~/domain/expert-values";
import { RESPONSE_TRANSITIONS, type DeclineReason, type ResponseStatus } from "~/domain/request-values";
import { translator, isLanguage } from "~/i18n/i18n";
import { conversationUrl } from "~/domain/conversation";
import { startConversation } from "./conversation.server";
import { excerpt } from "~/mail/templates.server";
import { takesDecisions } from "~/domain/feedback";
import { notify } from "./notification.server";
import { write, writeOnce, type Effects, type Tx } from "./write.server";

/**
 * Invitations, responses (a researcher's short proposal), their path through
 * screening, shortlist and accept or decline, and the match an accepted
 * response becomes. Each function checks who may act, on the server.
 */

const notFound = () => new Response("Not found", { status: 404 });

async function ownOpenRequest(requestId: string, userId: string, tx: Prisma.TransactionClient) {
  const request = await tx.techRequest.findUnique({
    where: { id: requestId },
    select: { id: true, authorId: true, status: true, title: true, problem: true, deadline: true },
  });
  if (!request) throw notFound();
  if (request.authorId !== userId) throw forbidden();
  return request;
}

/** How much of an invitation's note its one-line notice quotes. */
const NOTE_IN_LINE = 80;

/** The author invites a published expert, with an optional personal note (quoted in the notice and e-mail). */
export async function inviteExpert(requestId: string, userId: string, expertId: string, note: string | null = null) {
  await write(async (tx, effects) => {
    const request = await ownOpenRequest(requestId, userId, tx);
    if (request.status !== "open") throw new Response("The request is not open.", { status: 409 });
    const expert = await tx.expertProfile.findFirst({
      where: { id: expertId, status: "published" },
      select: { id: true, userId: true },
    });
    if (!expert) throw notFound();
    if (expert.userId === userId) throw forbidden();
    const existing = await tx.invitation.findUnique({ where: { requestId_expertId: { requestId, expertId } } });
    if (existing) return; // a second click changes nothing
    await tx.invitation.create({ data: { requestId, expertId, invitedById: userId, note } });
    await notify(
      {
        userId: expert.userId,
        type: "invitation",
        key: note ? "notify.invitedWithNote" : "notify.invited",
        // The line (also the e-mail's subject) quotes the note's start; the e-mail quotes all of it.
        params: note ? { title: request.title, note: excerpt(note, NOTE_IN_LINE) } : { title: request.title },
        url: `/requests/${requestId}`,
        mail: { requestSummary: request.problem, note: note ?? undefined, action: "mail.action.respond" },
      },
      tx,
      effects,
    );
  });
}

/** Whether (and why not) this user may respond to this request. */
export async function responseEligibility(requestId: string, user: { id: string } | null) {
  if (!user) return { can: false as const, reason: "response.signInToRespond" as const };
  const [request, profile, existing] = await Promise.all([
    prisma.techRequest.findUnique({ where: { id: requestId }, select: { authorId: true, status: true } }),
    prisma.expertProfile.findUnique({ where: { userId: user.id }, select: { id: true, status: true } }),
    prisma.requestResponse.findUnique({
      where: { requestId_responderId: { requestId, responderId: user.id } },
      select: { id: true },
    }),
  ]);
  if (!request) return { can: false as const, reason: "response.notOpen" as const };
  if (request.authorId === user.id) return { can: false as const, reason: "response.ownRequest" as const };
  if (existing) return { can: false as const, reason: null, responseId: existing.id };
  if (request.status !== "open") return { can: false as const, reason: "response.notOpen" as const };
  if (!profile || profile.status !== "published")
    return { can: false as const, reason: "response.needProfile" as const };
  return { can: true as const, expertId: profile.id };
}

/**
 * The response form, once per form key. A person who has already responded
 * (from another form) gets the request's page back and nothing new is written.
 */
export function submitResponse(
  requestId: string,
  user: { id: string },
  input: { approach: string; experience: string; timeline: string },
  formKey: string,
  alreadyResponded: boolean,
): Promise<string> {
  return writeOnce(user.id, formKey, async (tx, effects) => {
    if (!alreadyResponded) await createResponseInTransaction(requestId, user, input, tx, effects);
    return `/requests/${requestId}`;
  });
}

/** A step of a write: the response and the author's notification. */
export async function createResponseInTransaction(
  requestId: string,
  user: { id: string },
  input: { approach: string; experience: string; timeline: string },
  tx: Tx,
  effects: Effects,
) {
  const request = await tx.techRequest.findUnique({
    where: { id: requestId },
    select: { authorId: true, status: true, title: true },
  });
  if (!request || request.status !== "open")
    throw new Response("The request does not take proposals.", { status: 409 });
  if (request.authorId === user.id) throw forbidden("You cannot respond to your own request.");
  const profile = await tx.expertProfile.findUnique({
    where: { userId: user.id },
    select: { id: true, status: true, title: true, fullName: true },
  });
  if (!profile || profile.status !== "published") throw forbidden("Publish an expertise profile first.");
  const invited = Boolean(
    await tx.invitation.findUnique({ where: { requestId_expertId: { requestId, expertId: profile.id } } }),
  );
  const response = await tx.requestResponse.create({
    data: { requestId, responderId: user.id, expertId: profile.id, ...input, invited },
  });
  // Its private conversation, from the first moment: the business (the starter, as in a
  // match) and the researcher talk during screening; on acceptance it becomes the match's.
  await startConversation(
    {
      kind: "response",
      subject: request.title,
      starterId: request.authorId,
      owner: { userId: user.id },
      about: { responseId: response.id },
    },
    tx,
    effects,
  );
  await notify(
    {
      userId: request.authorId,
      type: "response",
      key: "notify.newResponse",
      params: { title: request.title, name: displayName(profile, "vi") },
      url: `/requests/${requestId}#responses`,
      mail: { quote: { by: displayName(profile, "vi"), text: input.approach } },
    },
    tx,
    effects,
  );
  return response;
}

export class InvalidMoveError extends Error {
  /** "windowClosed": the request expired longer ago than the feedback window. */
  constructor(readonly reason: "invalid" | "windowClosed" = "invalid") {
    super(reason);
  }
}

/**
 * The researcher's own proposal: edited while the business has not screened it yet (the
 * text the business reads stays the one it judged), withdrawn until it is accepted or
 * declined. Returns false when its state no longer allows it (a click from an old page).
 * The conditional write makes the check and the change one step.
 */
/** Whether this user has a proposal on this request (only they may edit or withdraw it). */
export async function hasOwnResponse(requestId: string, userId: string) {
  return Boolean(
    await prisma.requestResponse.findUnique({
      where: { requestId_responderId: { requestId, responderId: userId } },
      select: { id: true },
    }),
  );
}

/** A response's conversation as one member sees it: where it is and whether it has news. */
const threadFor = (userId: string) => ({
  select: { id: true, lastMessageAt: true, reads: { where: { userId }, select: { lastReadAt: true } } },
});

function withThread<
  T extends { conversation: { id: string; lastMessageAt: Date; reads: { lastReadAt: Date }[] } | null },
>(row: T) {
  const { conversation, ...rest } = row;
  const read = conversation?.reads[0]?.lastReadAt;
  return {
    ...rest,
    conversation: conversation ? { id: conversation.id, unread: !read || read < conversation.lastMessageAt } : null,
  };
}

/** The researcher's own proposal on this request, as they read it back, or null. */
export async function getOwnResponse(requestId: string, userId: string) {
  const own = await prisma.requestResponse.findUnique({
    where: { requestId_responderId: { requestId, responderId: userId } },
    select: {
      status: true,
      declineReason: true,
      approach: true,
      experience: true,
      timeline: true,
      createdAt: true,
      feedbackAt: true,
      match: { select: { id: true } },
      conversation: threadFor(userId),
    },
  });
  return own ? withThread(own) : null;
}

/** The proposals a request received, oldest first, as its author reads them. */
export async function responsesToRequest(requestId: string, authorId: string) {
  const rows = await prisma.requestResponse.findMany({
    where: { requestId },
    orderBy: { createdAt: "asc" },
    // Not the responders' account ids: only what the author reads.
    select: {
      id: true,
      status: true,
      approach: true,
      experience: true,
      timeline: true,
      declineReason: true,
      feedbackAt: true,
      invited: true,
      expert: { select: { slug: true, title: true, fullName: true } },
      match: { select: { id: true } },
      conversation: threadFor(authorId),
    },
  });
  return rows.map(withThread);
}

/** The experts the author has invited to this request. */
export async function invitedExpertIds(requestId: string) {
  const invitations = await prisma.invitation.findMany({ where: { requestId }, select: { expertId: true } });
  return invitations.map((invitation) => invitation.expertId);
}

/** A researcher's proposals, newest first, and the open requests they are invited to. */
export async function responsesOf(userId: string) {
  const [responses, invitations] = await Promise.all([
    prisma.requestResponse.findMany({
      where: { responderId: userId },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        status: true,
        declineReason: true,
        createdAt: true,
        feedbackAt: true,
        request: { select: { id: true, title: true, deadline: true } },
        match: { select: { id: true } },
        conversation: threadFor(userId),
      },
    }),
    prisma.invitation.findMany({
      where: { expert: { userId }, request: { status: "open" } },
      orderBy: { createdAt: "desc" },
      select: { id: true, createdAt: true, request: { select: { id: true, title: true, deadline: true } } },
    }),
  ]);
  return [responses.map(withThread), invitations] as const;
}

export async function editOwnResponse(
  requestId: string,
  userId: string,
  input: { approach: string; experience: string; timeline: string },
) {
  const { count } = await prisma.requestResponse.updateMany({
    where: { requestId, responderId: userId, status: "submitted" },
    data: input,
  });
  return count === 1;
}

export async function withdrawOwnResponse(requestId: string, userId: string) {
  const withdrawn = await write(async (tx, effects) => {
    const response = await tx.requestResponse.findUnique({
      where: { requestId_responderId: { requestId, responderId: userId } },
      select: {
        id: true,
        status: true,
        expert: { select: { title: true, fullName: true } },
        request: { select: { authorId: true, title: true } },
      },
    });
    if (!response) return true; // already gone: a second click
    const { count } = await tx.requestResponse.deleteMany({
      where: { id: response.id, status: { in: ["submitted", "screening", "shortlisted"] } },
    });
    if (count === 0) return false;
    await notify(
      {
        userId: response.request.authorId,
        type: "response",
        key: "notify.responseWithdrawn",
        params: { title: response.request.title, name: displayName(response.expert, "vi") },
        url: `/requests/${requestId}#responses`,
      },
      tx,
      effects,
    );
    return true;
  });
  return withdrawn;
}

/** The requesting company moves a response along; an accepted one becomes a match. */
export async function moveResponse(
  requestId: string,
  userId: string,
  move: { responseId: string; status: Exclude<ResponseStatus, "submitted">; declineReason: DeclineReason | null },
) {
  const matchId = await write(async (tx, effects) => {
    const request = await ownOpenRequest(requestId, userId, tx);
    // An expired request takes decisions for FEEDBACK_WINDOW_DAYS; a closed one none (renew it).
    if (!takesDecisions(request)) throw new InvalidMoveError(request.status === "expired" ? "windowClosed" : "invalid");
    const response = await tx.requestResponse.findFirst({
      where: { id: move.responseId, requestId },
      include: { responder: { select: { locale: true } } },
    });
    if (!response) throw notFound();
    if (response.status === move.status) return null; // a repeated click changes nothing
    if (!RESPONSE_TRANSITIONS[response.status as ResponseStatus].includes(move.status)) throw new InvalidMoveError();
    const { count } = await tx.requestResponse.updateMany({
      where: { id: response.id, status: response.status },
      data: {
        status: move.status,
        declineReason: move.status === "declined" ? move.declineReason : null,
        // The first decision is the feedback the responsiveness figure measures.
        ...(move.status !== "screening" && !response.feedbackAt ? { feedbackAt: new Date() } : {}),
      },
    });
    if (count === 0) return null; // moved meanwhile
    // An accepted response becomes a match with its conversation's id: the thread goes on
    // as the match's, and an old /matches/:id link still finds it (decisions 060, 064).
    const match = move.status === "accepted" ? await matchFromResponse(requestId, response, tx, effects) : null;
    const t = translator(isLanguage(response.responder.locale) ? response.responder.locale : "vi");
    await notify(
      {
        userId: response.responderId,
        type: "status",
        key: `notify.responseMoved.${move.status}`,
        params: { title: request.title, reason: move.declineReason ? t(`decline.${move.declineReason}`) : "" },
        url: match ? conversationUrl(match.id) : `/requests/${requestId}`,
      },
      tx,
      effects,
    );
    return match?.id ?? null;
  });
  return matchId;
}

/** The match an accepted response becomes; its conversation continues, now of kind "match". */
async function matchFromResponse(
  requestId: string,
  response: { id: string; responderId: string },
  tx: Tx,
  effects: Effects,
) {
  const conversation = await tx.conversation.findUnique({ where: { responseId: response.id }, select: { id: true } });
  const request = await tx.techRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { authorId: true, title: true },
  });
  const match = await tx.match.create({ data: { id: conversation?.id, requestId, responseId: response.id } });
  if (conversation) {
    await tx.conversation.update({ where: { id: conversation.id }, data: { kind: "match", matchId: match.id } });
  } else {
    // A response from before its conversation existed (not after the migration): a new one.
    await startConversation(
      {
        id: match.id,
        kind: "match",
        subject: request.title,
        starterId: request.authorId,
        owner: { userId: response.responderId },
        about: { matchId: match.id, responseId: response.id },
      },
      tx,
      effects,
    );
  }
  return match;
}

export async function listMatchesOf(userId: string) {
  return prisma.match.findMany({
    where: { OR: [{ request: { authorId: userId } }, { response: { responderId: userId } }] },
    include: {
      request: { select: { id: true, title: true, companyName: true } },
      response: { select: { expert: { select: { title: true, fullName: true } } } },
    },
    orderBy: { createdAt: "desc" },
  });
}
