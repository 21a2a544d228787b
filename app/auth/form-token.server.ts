import crypto from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/db/client.server";

/**
 * Double submission (a double click, a resent form) must not create two
 * records. Each create form carries a random key; the action records the key
 * with what it created, in the same transaction. A second submission with the
 * same key finds the record and goes where the first one went
 * (writeOnce in app/models/write.server.ts).
 */
export function newFormToken(): string {
  return crypto.randomBytes(18).toString("base64url");
}

export async function previousSubmission(userId: string, key: string): Promise<string | null> {
  const found = await prisma.formSubmission.findUnique({
    where: { userId_key: { userId, key } },
    select: { resultUrl: true },
  });
  return found?.resultUrl ?? null;
}

export async function recordSubmission(userId: string, key: string, resultUrl: string, tx: Prisma.TransactionClient) {
  await tx.formSubmission.create({ data: { userId, key, resultUrl } });
}
