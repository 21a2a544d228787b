import { Prisma } from "~/generated/prisma/client";
import { prisma, type DbClient } from "~/db/client.server";
import { FEEDBACK_WINDOW_DAYS } from "~/domain/request-values";

/**
 * How an owner answers the people who contact them (docs/decisions/061): over the last
 * WINDOW_MONTHS, the share of inquiry and booking conversations started with them that
 * got a reply from their side, and the median time to that first reply. Every later
 * measure of responsiveness (response threads, meeting requests) extends this module.
 *
 * A reply is any message in the conversation by someone other than its starter: for an
 * organization, whichever manager wrote (or a former one); the starter's own follow-ups
 * never count. Below MIN_CONVERSATIONS the figure says too little and is not shown.
 */
export const MIN_CONVERSATIONS = 5;
export const WINDOW_MONTHS = 12;
/** The kinds a listing's visitors start; a match's thread is not an approach from a listing. */
export const MEASURED_KINDS = ["inquiry", "booking"] as const;

/** The contacted side: an organization's team, or one person (a researcher). */
export type Owner = { organizationId: string } | { userId: string };

export type Responsiveness = {
  /** Conversations started with the owner in the window */
  count: number;
  /** Of those, how many got a reply from the owner's side */
  answered: number;
  /** Median time to the first reply among the answered ones, in milliseconds; null when none */
  medianMs: number | null;
};

export function windowStart(now = new Date()): Date {
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - WINDOW_MONTHS);
  return since;
}

/**
 * The owner's figures. One row per conversation of the window, each with the delay to its
 * first reply, found through Message(conversationId, createdAt): no message is loaded.
 */
export async function responsivenessOf(owner: Owner, db: DbClient = prisma, now = new Date()): Promise<Responsiveness> {
  const since = windowStart(now);
  const [column, id] =
    "organizationId" in owner ? ["organizationId", owner.organizationId] : ["ownerUserId", owner.userId];
  // Two statements, not an interpolated column name: the column is one of two fixed ones.
  const rows =
    column === "organizationId"
      ? await db.$queryRaw<{ delay: number | null }[]>`
          SELECT (julianday((SELECT MIN(m."createdAt") FROM "Message" m
                   WHERE m."conversationId" = c."id" AND m."senderId" <> c."starterId"))
                  - julianday(c."createdAt")) * 86400000.0 AS delay
          FROM "Conversation" c
          WHERE c."organizationId" = ${id} AND c."kind" IN ('inquiry', 'booking') AND c."createdAt" >= ${since}`
      : await db.$queryRaw<{ delay: number | null }[]>`
          SELECT (julianday((SELECT MIN(m."createdAt") FROM "Message" m
                   WHERE m."conversationId" = c."id" AND m."senderId" <> c."starterId"))
                  - julianday(c."createdAt")) * 86400000.0 AS delay
          FROM "Conversation" c
          WHERE c."ownerUserId" = ${id} AND c."kind" IN ('inquiry', 'booking') AND c."createdAt" >= ${since}`;
  const delays = rows
    .map((row) => row.delay)
    .filter((delay): delay is number => delay !== null)
    .map((delay) => Math.max(0, Math.round(Number(delay))))
    .sort((a, b) => a - b);
  return { count: rows.length, answered: delays.length, medianMs: median(delays) };
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

/** The figures a page shows, or null below the minimum count. */
export async function shownResponsiveness(owner: Owner | null, db: DbClient = prisma): Promise<Responsiveness | null> {
  if (!owner) return null;
  const figures = await responsivenessOf(owner, db);
  return figures.count >= MIN_CONVERSATIONS ? figures : null;
}

/** Below this many responses (or invitations) a side's figure says too little and is not shown. */
export const MIN_RESPONSES = 5;
const DAY_MS = 86_400_000;

/** Who asked: the organization listing a request names, else its author's own account. */
export type Requester = { organizationId: string } | { authorId: string };

export type FeedbackFigures = {
  /** Responses whose feedback window closed within the last WINDOW_MONTHS */
  count: number;
  /** Of those, how many got a decision (feedbackAt) by the window's end */
  answered: number;
  /** Median days from the response to its feedback, among the answered; null when none */
  medianDays: number | null;
};

/**
 * The business side (docs/decisions/067): of the responses to a requester's requests whose
 * feedback window (deadline + FEEDBACK_WINDOW_DAYS) closed in the last WINDOW_MONTHS, the share
 * given feedback by the window's end, and the median days to it. A response still unanswered
 * after its window counts as missed; one whose window is still open is not counted yet. One
 * row per response through TechRequest(organizationId | authorId) and RequestResponse(requestId).
 */
export async function feedbackOf(
  requester: Requester,
  db: DbClient = prisma,
  now = new Date(),
): Promise<FeedbackFigures> {
  const since = windowStart(now);
  const window = FEEDBACK_WINDOW_DAYS;
  type Row = { windowEnd: number; feedback: number | null; sent: number };
  const select = (where: Prisma.Sql) => db.$queryRaw<Row[]>`
    SELECT julianday(t."deadline") + ${window} AS windowEnd, julianday(r."feedbackAt") AS feedback,
           julianday(r."createdAt") AS sent
    FROM "TechRequest" t JOIN "RequestResponse" r ON r."requestId" = t."id"
    WHERE ${where} AND julianday(t."deadline") + ${window} <= julianday(${now})
      AND julianday(t."deadline") + ${window} >= julianday(${since})`;
  const rows =
    "organizationId" in requester
      ? await select(Prisma.sql`t."organizationId" = ${requester.organizationId}`)
      : await select(Prisma.sql`t."authorId" = ${requester.authorId} AND t."organizationId" IS NULL`);
  const delays = rows
    .filter((row) => row.feedback !== null && Number(row.feedback) <= Number(row.windowEnd))
    .map((row) => Math.max(0, Math.round((Number(row.feedback) - Number(row.sent)) * DAY_MS)))
    .sort((a, b) => a - b);
  const middle = median(delays);
  // "Usually within N days": a part of a day counts as a day.
  return {
    count: rows.length,
    answered: delays.length,
    medianDays: middle === null ? null : Math.ceil(middle / DAY_MS),
  };
}

export type InvitationFigures = {
  /** Invitations of the last WINDOW_MONTHS that can be judged: answered, or past the deadline */
  count: number;
  /** Of those, how many the researcher answered: a response or a "not for me" */
  answered: number;
};

/**
 * The researcher side: the share of invitations answered, by a response or a "not for me"
 * (RequestDecline) for the same request. An unanswered invitation counts only once its
 * request's deadline has passed: until then the researcher may still answer.
 */
export async function invitationsAnsweredOf(
  expertId: string,
  db: DbClient = prisma,
  now = new Date(),
): Promise<InvitationFigures> {
  const since = windowStart(now);
  const [row] = await db.$queryRaw<{ count: number | bigint; answered: number | bigint }[]>`
    SELECT COUNT(*) AS count, COALESCE(SUM(answered), 0) AS answered FROM (
      SELECT (EXISTS (SELECT 1 FROM "RequestResponse" r WHERE r."requestId" = i."requestId" AND r."expertId" = i."expertId")
              OR EXISTS (SELECT 1 FROM "RequestDecline" d
                         WHERE d."requestId" = i."requestId" AND d."expertId" = i."expertId")) AS answered,
             t."deadline" AS deadline
      FROM "Invitation" i JOIN "TechRequest" t ON t."id" = i."requestId"
      WHERE i."expertId" = ${expertId} AND i."createdAt" >= ${since}
    ) WHERE answered OR deadline < ${now}`;
  return { count: Number(row?.count ?? 0), answered: Number(row?.answered ?? 0) };
}

/** The requester's feedback figures a page shows, or null below the minimum. */
export async function shownFeedback(requester: Requester | null, db: DbClient = prisma) {
  if (!requester) return null;
  const figures = await feedbackOf(requester, db);
  return figures.count >= MIN_RESPONSES ? figures : null;
}

/** The researcher's invitation figures a page shows (by profile slug), or null below the minimum. */
export async function shownInvitationsAnswered(slug: string, db: DbClient = prisma) {
  const expert = await db.expertProfile.findUnique({ where: { slug }, select: { id: true } });
  if (!expert) return null;
  const figures = await invitationsAnsweredOf(expert.id, db);
  return figures.count >= MIN_RESPONSES ? figures : null;
}
