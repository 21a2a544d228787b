import crypto from "node:crypto";
import { isLanguage, type Language } from "~/i18n/i18n";
import { prisma } from "~/db/client.server";
import { dummyPasswordHash, hashPassword, verifyPassword } from "~/auth/password.server";
import type { DbClient } from "~/db/client.server";
import { invalidateUserSessions, sessionIdFromToken } from "~/auth/session.server";
import { passwordResetMail, welcomeMail } from "~/mail/templates.server";
import { queueMail } from "./mail.server";
import { audit } from "./audit.server";
import { write } from "./write.server";

/** Accounts: creation, sign-in checks, passwords, roles. */

export type NewUser = {
  email: string;
  name: string;
  password: string;
  accountType: "business" | "researcher";
  locale: Language;
};

export class EmailTakenError extends Error {}

export async function createUser(input: NewUser) {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await write(async (tx, effects) => {
      const created = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          accountType: input.accountType,
          locale: input.locale,
        },
      });
      await queueMail({ to: created.email, ...welcomeMail({ name: created.name, lang: input.locale }) }, tx, effects);
      return created;
    });
    return user;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new EmailTakenError();
    throw error;
  }
}

/**
 * The user for these credentials, or null. Takes the same time whether or not the e-mail exists.
 * `confirmed` is false until the sign-up's e-mailed link is opened.
 */
export async function verifyLogin(email: string, password: string) {
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, confirmedAt: true },
  });
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password))
    ? { id: user.id, confirmed: user.confirmedAt !== null }
    : null;
}

/** Changes the password after checking the current one; signs out every other session. */
export async function changePassword(userId: string, current: string, next: string, keepSessionId: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, current))) return false;
  const passwordHash = await hashPassword(next);
  await write(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await invalidateUserSessions(userId, { except: keepSessionId, db: tx });
    await revokeEmailedLinks(userId, tx);
  });
  return true;
}

/**
 * Deletes the account's reset and sign-up links: after a password change or
 * "sign out everywhere", a link mailed before must not open the account again
 * (nor, for a sign-up link, put back the password it was made with).
 */
export async function revokeEmailedLinks(userId: string, db: DbClient = prisma) {
  await db.passwordResetToken.deleteMany({ where: { userId } });
  await db.signUpConfirmation.deleteMany({ where: { userId } });
}

/** The account's sessions that have not expired, newest first. */
export function activeSessions(userId: string) {
  return prisma.session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    select: { id: true, createdAt: true, userAgent: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function renameUser(userId: string, name: string) {
  await prisma.user.update({ where: { id: userId }, data: { name } });
}

/** "Sign out everywhere" (or everywhere but `except`): sessions and mailed links go together. */
export async function signOutSessions(userId: string, options: { except?: string } = {}) {
  await write(async (tx) => {
    await invalidateUserSessions(userId, { except: options.except, db: tx });
    await revokeEmailedLinks(userId, tx);
  });
}

const RESET_TTL_MS = 60 * 60 * 1000;

/** The request path of a reset: one job whether or not the e-mail has an account. */
export async function requestPasswordReset(email: string) {
  await write((_tx, effects) => effects.enqueue("password-reset", { email }));
}

/** The reset job: mails a link when the e-mail has an account; nothing otherwise. */
export async function sendPasswordReset(email: string) {
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, locale: true },
  });
  if (!user) return;
  const token = crypto.randomBytes(24).toString("base64url");
  await write(async (tx, effects) => {
    await tx.passwordResetToken.deleteMany({ where: { userId: user.id } });
    await tx.passwordResetToken.create({
      data: { id: sessionIdFromToken(token), userId: user.id, expiresAt: new Date(Date.now() + RESET_TTL_MS) },
    });
    await queueMail(
      {
        to: user.email,
        ...passwordResetMail({ name: user.name, lang: isLanguage(user.locale) ? user.locale : "vi" }, token),
      },
      tx,
      effects,
    );
  });
}

export async function findValidResetToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const row = await prisma.passwordResetToken.findUnique({ where: { id: sessionIdFromToken(token) } });
  if (!row || row.usedAt || row.expiresAt.getTime() <= Date.now()) return null;
  return row;
}

/** Sets the new password, spends the token, and signs out every session. */
export async function resetPassword(token: string, password: string): Promise<string | null> {
  const row = await findValidResetToken(token);
  if (!row) return null;
  const passwordHash = await hashPassword(password);
  const spent = await write(async (tx) => {
    const { count } = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (count === 0) return false; // used meanwhile
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    // The link reached the address: an account still waiting for confirmation is confirmed by it.
    await tx.user.updateMany({ where: { id: row.userId, confirmedAt: null }, data: { confirmedAt: new Date() } });
    await invalidateUserSessions(row.userId, { db: tx });
    await revokeEmailedLinks(row.userId, tx);
    return true;
  });
  return spent ? row.userId : null;
}

/** Accounts whose e-mail or name contains `q` (all when empty), officials first, for appointing roles. */
export function findUsers(q: string, take = 50) {
  return prisma.user.findMany({
    where: q ? { OR: [{ email: { contains: q } }, { name: { contains: q } }] } : {},
    select: { id: true, name: true, email: true, role: true, accountType: true },
    orderBy: [{ role: "asc" }, { email: "asc" }],
    take,
  });
}

export async function userExists(userId: string) {
  return Boolean(await prisma.user.findUnique({ where: { id: userId }, select: { id: true } }));
}

/** Appoints (or removes) a curator or admin; `actorId` null when done on the command line. */
export async function setRole(userId: string, role: "member" | "curator" | "admin", actorId: string | null = null) {
  return write(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true, name: true } });
    const updated = await tx.user.update({ where: { id: userId }, data: { role } });
    if (before.role !== role) {
      await audit(
        {
          actorId,
          action: "user.role",
          entityType: "user",
          entityId: userId,
          label: before.name,
          before: { role: before.role },
          after: { role },
        },
        tx,
      );
    }
    return updated;
  });
}
