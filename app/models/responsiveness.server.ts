import { prisma, type DbClient } from "~/db/client.server";

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
