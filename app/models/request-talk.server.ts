import { forbidden } from "~/auth/auth.server";
import { prisma } from "~/db/client.server";
import { displayName } from "~/domain/expert-values";
import { isLanguage, translator } from "~/i18n/i18n";
import { notify } from "./notification.server";
import { write, writeOnce, type Tx } from "./write.server";

/**
 * A request's public clarifying questions and its confidential section (docs/decisions/064).
 * The route has checked that the viewer may read the request (404 otherwise); these check
 * who may act, on the server and inside the write.
 */

const notFound = () => new Response("Not found", { status: 404 });
const questionsUrl = (requestId: string) => `/requests/${requestId}#questions`;

/** A response's states in which the business has chosen the researcher: the section may open. */
const CHOSEN = ["shortlisted", "accepted"];

/** "The requester", in the recipient's language: an answer never names the company. */
async function requesterFor(userId: string, tx: Tx) {
  const { locale } = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } });
  return translator(isLanguage(locale) ? locale : "vi")("talk.requester");
}

/** The questions on a request, oldest first; askers by their published expert name only. */
export async function questionsOn(requestId: string) {
  const rows = await prisma.requestQuestion.findMany({
    where: { requestId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      body: true,
      answer: true,
      answeredAt: true,
      createdAt: true,
      asker: { select: { expertProfile: { select: { status: true, slug: true, title: true, fullName: true } } } },
    },
  });
  // No account id, name or e-mail: a published profile's name, or "a member".
  return rows.map(({ asker, ...question }) => {
    const profile = asker.expertProfile?.status === "published" ? asker.expertProfile : null;
    return {
      ...question,
      asker: profile ? { slug: profile.slug, title: profile.title, fullName: profile.fullName } : null,
    };
  });
}

/** A member (not the author) asks on an open request, once per form key; the author is told. */
export function askQuestion(requestId: string, userId: string, body: string, formKey: string): Promise<string> {
  return writeOnce(userId, formKey, async (tx, effects) => {
    const request = await tx.techRequest.findUnique({
      where: { id: requestId },
      select: { authorId: true, status: true, title: true },
    });
    if (!request) throw notFound();
    if (request.authorId === userId) throw forbidden("You cannot ask on your own request.");
    if (request.status !== "open") throw new Response("The request takes no questions.", { status: 409 });
    await tx.requestQuestion.create({ data: { requestId, askerId: userId, body } });
    const profile = await tx.expertProfile.findUnique({
      where: { userId },
      select: { status: true, title: true, fullName: true },
    });
    const by = profile?.status === "published" ? displayName(profile, "vi") : translator("vi")("talk.member");
    await notify(
      {
        userId: request.authorId,
        type: "response",
        key: "notify.question",
        params: { title: request.title },
        url: questionsUrl(requestId),
        mail: { quote: { by, text: body } },
      },
      tx,
      effects,
    );
    return questionsUrl(requestId);
  });
}

/**
 * The author answers a question for everyone, or edits the answer. The first answer
 * tells the asker and the request's responders, signed "the requester".
 */
export async function answerQuestion(requestId: string, authorId: string, questionId: string, answer: string) {
  await write(async (tx, effects) => {
    const question = await tx.requestQuestion.findFirst({
      where: { id: questionId, requestId },
      select: { askerId: true, answeredAt: true, request: { select: { authorId: true, title: true } } },
    });
    if (!question) throw notFound();
    if (question.request.authorId !== authorId) throw forbidden();
    await tx.requestQuestion.update({
      where: { id: questionId },
      data: { answer, answeredAt: question.answeredAt ?? new Date() },
    });
    if (question.answeredAt) return; // an edit: told once is enough
    const responders = await tx.requestResponse.findMany({ where: { requestId }, select: { responderId: true } });
    const readers = new Set([question.askerId, ...responders.map((row) => row.responderId)]);
    readers.delete(authorId);
    for (const userId of readers) {
      await notify(
        {
          userId,
          type: "response",
          key: "notify.questionAnswered",
          params: { title: question.request.title },
          url: questionsUrl(requestId),
          mail: { quote: { by: await requesterFor(userId, tx), text: answer } },
        },
        tx,
        effects,
      );
    }
  });
}

/** The author's own confidential text (their edit form). */
export async function confidentialOf(requestId: string) {
  const row = await prisma.techRequest.findUnique({ where: { id: requestId }, select: { confidential: true } });
  return row?.confidential ?? null;
}

/**
 * What this viewer may know of a request's confidential section: the author reads it and
 * who accepted the terms; a chosen researcher reads it once they accepted the terms, and
 * before that only that it exists and the terms; anyone else nothing, not even that it exists.
 */
export async function confidentialFor(request: { id: string; authorId: string }, userId: string | null) {
  if (!userId) return null;
  const row = await prisma.techRequest.findUnique({
    where: { id: request.id },
    select: {
      confidential: true,
      confidentialityAcceptances: {
        orderBy: { acceptedAt: "asc" },
        select: {
          userId: true,
          acceptedAt: true,
          user: { select: { name: true, expertProfile: { select: { title: true, fullName: true } } } },
        },
      },
    },
  });
  if (!row?.confidential) return null;
  if (request.authorId === userId) {
    return {
      view: "author" as const,
      text: row.confidential,
      accepted: row.confidentialityAcceptances.map(({ acceptedAt, user }) => ({
        acceptedAt,
        name: user.name,
        expert: user.expertProfile,
      })),
    };
  }
  if (!(await isChosen(request.id, userId, prisma))) return null;
  const own = row.confidentialityAcceptances.find((acceptance) => acceptance.userId === userId);
  return own
    ? { view: "open" as const, text: row.confidential, acceptedAt: own.acceptedAt }
    : { view: "terms" as const };
}

async function isChosen(requestId: string, userId: string, db: Tx | typeof prisma) {
  const response = await db.requestResponse.findUnique({
    where: { requestId_responderId: { requestId, responderId: userId } },
    select: { status: true },
  });
  return Boolean(response && CHOSEN.includes(response.status));
}

/**
 * A shortlisted or accepted researcher accepts the request's confidentiality terms (the
 * time recorded once). Anyone else is told there is nothing here, and nothing is written.
 */
export async function acceptConfidentialityTerms(requestId: string, userId: string) {
  await write(async (tx) => {
    const request = await tx.techRequest.findUnique({ where: { id: requestId }, select: { confidential: true } });
    if (!request?.confidential || !(await isChosen(requestId, userId, tx))) throw notFound();
    await tx.confidentialityAcceptance.upsert({
      where: { requestId_userId: { requestId, userId } },
      create: { requestId, userId },
      update: {},
    });
  });
}
