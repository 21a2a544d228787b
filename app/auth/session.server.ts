import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { prisma, type DbClient } from "~/db/client.server";

/**
 * Sessions as Lucia's guide designs them (lucia-auth.com, "Basic API"): the
 * cookie holds a random token; the database holds only its SHA-256, so a
 * leaked database does not leak sessions. Sessions last 30 days and are
 * extended when used in their second half (sliding expiry).
 */
export const SESSION_COOKIE = "hin_session";
export const SESSION_DURATION_MS = 30 * 24 * 60 * 60 * 1000;
const RENEW_WHEN_LESS_THAN_MS = SESSION_DURATION_MS / 2;

export type SessionUser = { id: string; email: string; name: string; role: string; accountType: string };
export type SessionValidation = {
  session: { id: string; userId: string; expiresAt: Date };
  user: SessionUser;
  renewed: boolean;
};

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
  token: string,
  userId: string,
  options: { userAgent?: string | null; db?: DbClient; now?: Date } = {},
) {
  const now = options.now ?? new Date();
  return (options.db ?? prisma).session.create({
    data: {
      id: sessionIdFromToken(token),
      userId,
      expiresAt: new Date(now.getTime() + SESSION_DURATION_MS),
      userAgent: options.userAgent?.slice(0, 300) ?? null,
    },
  });
}

/** The session and user behind a token, or null; extends the session when due. */
export async function validateSessionToken(
  token: string,
  options: { db?: DbClient; now?: Date } = {},
): Promise<SessionValidation | null> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const db = options.db ?? prisma;
  const now = options.now ?? new Date();
  const id = sessionIdFromToken(token);
  const row = await db.session.findUnique({
    where: { id },
    select: {
      id: true,
      userId: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, role: true, accountType: true } },
    },
  });
  if (!row) return null;
  if (now.getTime() >= row.expiresAt.getTime()) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  let renewed = false;
  if (row.expiresAt.getTime() - now.getTime() < RENEW_WHEN_LESS_THAN_MS) {
    row.expiresAt = new Date(now.getTime() + SESSION_DURATION_MS);
    await db.session.update({ where: { id }, data: { expiresAt: row.expiresAt } });
    renewed = true;
  }
  const { user, ...session } = row;
  return { session, user, renewed };
}

export async function invalidateSession(sessionId: string, db: DbClient = prisma) {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Signs the user out everywhere (all browsers), optionally keeping one session. */
export async function invalidateUserSessions(userId: string, options: { except?: string; db?: DbClient } = {}) {
  await (options.db ?? prisma).session.deleteMany({
    where: { userId, ...(options.except ? { id: { not: options.except } } : {}) },
  });
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expiresAt.toUTCString()}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function deletedSessionCookie(secure: boolean): string {
  return [`${SESSION_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0", ...(secure ? ["Secure"] : [])].join(
    "; ",
  );
}

export function readSessionToken(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return value.join("=") || null;
  }
  return null;
}
