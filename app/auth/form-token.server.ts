import crypto from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/db/client.server";

/**
 * Double submission (a double click, a resent form) must not create two
 * records. Each create form carries a random key; the action records the key
 * with what it created, in the same transaction. A second submission with the
 * same key finds the record and goes where the first one went.
 */
export function newFormToken(): string {
  return crypto.randomBytes(18).toString("base64url");
}

export async function previousSubmission(userId: string, key: string): Promise<string | null> {
  const found = await prisma.formSubmission.findUnique({ where: { userId_key: { userId, key } }, select: { resultUrl: true } });
  return found?.resultUrl ?? null;
}

export async function recordSubmission(tx: Prisma.TransactionClient, userId: string, key: string, resultUrl: string) {
  await tx.formSubmission.create({ data: { userId, key, resultUrl } });
}

/** Runs `work` once per form key; returns the URL of what it created (or created the first time). */
export async function createOnce(
  userId: string,
  key: string,
  work: (tx: Prisma.TransactionClient) => Promise<string>,
): Promise<string> {
  const previous = await previousSubmission(userId, key);
  if (previous) return previous;
  try {
    return await prisma.$transaction(async (tx) => {
      const resultUrl = await work(tx);
      await recordSubmission(tx, userId, key, resultUrl);
      return resultUrl;
    });
  } catch (error) {
    // The same key committed meanwhile: the whole second transaction rolled back.
    const winner = await previousSubmission(userId, key);
    if (winner) return winner;
    throw error;
  }
}
