import crypto from "node:crypto";
import { isLanguage, type Language } from "~/i18n/i18n";
import { type JobPayloads } from "~/jobs/queue.server";
import { prisma } from "~/db/client.server";
import { hashPassword } from "~/auth/password.server";
import { sessionIdFromToken } from "~/auth/session.server";
import { confirmSignUpMail, existingAccountMail } from "~/mail/templates.server";
import { queueMail } from "./mail.server";
import { write, type Effects, type Tx } from "./write.server";

/**
 * Sign-up by e-mail confirmation (decision 010). The request only hashes the
 * password and enqueues one job, whether or not the address has an account, so
 * neither its answer nor its work tells anyone which addresses are taken. The
 * job makes an unconfirmed account and mails a link, or mails "you already have
 * an account". The link (single use, 24 hours, stored as its SHA-256) confirms
 * the account with the details of the sign-up that asked for it.
 */
export const CONFIRM_TTL_HOURS = 24;

export type SignUpInput = {
  email: string;
  name: string;
  password: string;
  accountType: "business" | "researcher";
  locale: Language;
  redirectTo: string | null;
};

/** The request path of sign-up: the same work for every address. */
export async function requestSignUp(input: SignUpInput) {
  const passwordHash = await hashPassword(input.password);
  const { password: _password, ...rest } = input;
  await write((_tx, effects) => effects.enqueue("sign-up", { ...rest, passwordHash }));
}

/** The request path of "send the link again": one job, whatever the address. */
export async function requestConfirmationResend(email: string) {
  await write((_tx, effects) => effects.enqueue("resend-confirmation", { email }));
}

const newToken = () => crypto.randomBytes(24).toString("base64url");
const languageOf = (locale: string): Language => (isLanguage(locale) ? locale : "vi");

/** The sign-up job: an unconfirmed account and its link, or a note to the existing account. */
export async function runSignUp(payload: JobPayloads["sign-up"]) {
  const { email, name, passwordHash, accountType, locale, redirectTo } = payload;
  await write(async (tx, effects) => {
    const existing = await tx.user.findUnique({
      where: { email },
      select: { id: true, name: true, locale: true, confirmedAt: true },
    });
    if (existing?.confirmedAt) {
      await queueMail(
        { to: email, ...existingAccountMail({ name: existing.name, lang: languageOf(existing.locale) }) },
        tx,
        effects,
      );
      return;
    }
    // Unconfirmed: the row takes the latest sign-up's details (what sign-in and a resend use);
    // each link keeps its own, so the owner's link never confirms someone else's password.
    const details = { name, passwordHash, accountType, locale };
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: details })
      : await tx.user.create({ data: { email, ...details, confirmedAt: null } });
    await issueConfirmation(user.id, email, { ...details, redirectTo }, tx, effects);
  });
}

/** The resend job: a new link for an account that still waits for confirmation; nothing otherwise. */
export async function runResendConfirmation({ email }: JobPayloads["resend-confirmation"]) {
  await write(async (tx, effects) => {
    const user = await tx.user.findUnique({ where: { email } });
    if (!user || user.confirmedAt) return;
    const { name, passwordHash, accountType, locale } = user;
    await issueConfirmation(user.id, email, { name, passwordHash, accountType, locale, redirectTo: null }, tx, effects);
  });
}

type Details = { name: string; passwordHash: string; accountType: string; locale: string; redirectTo: string | null };

async function issueConfirmation(userId: string, email: string, details: Details, tx: Tx, effects: Effects) {
  const token = newToken();
  const expiresAt = new Date(Date.now() + CONFIRM_TTL_HOURS * 3600_000);
  await tx.signUpConfirmation.create({ data: { id: sessionIdFromToken(token), userId, expiresAt, ...details } });
  await queueMail(
    {
      to: email,
      ...confirmSignUpMail(
        { name: details.name, lang: languageOf(details.locale) },
        { token, hours: CONFIRM_TTL_HOURS },
      ),
    },
    tx,
    effects,
  );
}

export async function findValidConfirmation(token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const row = await prisma.signUpConfirmation.findUnique({ where: { id: sessionIdFromToken(token) } });
  if (!row || row.usedAt || row.expiresAt.getTime() <= Date.now()) return null;
  return row;
}

/**
 * Spends the link and confirms the account with its sign-up's details; the
 * account's other links go. Returns who to sign in and where to send them.
 */
export async function confirmSignUp(token: string) {
  const row = await findValidConfirmation(token);
  if (!row) return null;
  const spent = await write(async (tx) => {
    const { count } = await tx.signUpConfirmation.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (count === 0) return false; // used meanwhile
    const { name, passwordHash, accountType, locale } = row;
    await tx.user.update({
      where: { id: row.userId },
      data: { name, passwordHash, accountType, locale, confirmedAt: new Date() },
    });
    await tx.signUpConfirmation.deleteMany({ where: { userId: row.userId, id: { not: row.id } } });
    return true;
  });
  return spent ? { userId: row.userId, accountType: row.accountType, redirectTo: row.redirectTo } : null;
}
