import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { setting } from "~/config/env.server";
import { prisma } from "~/db/client.server";
import type { ComposedMail } from "~/mail/compose.server";
import type { Effects, Tx } from "./write.server";

/**
 * The mail outbox. A mail is composed (app/mail/) and written in the same
 * transaction as what caused it, with a job to deliver it; delivery goes
 * through SMTP when SMTP_URL is set, else into a local mailbox file (mbox
 * format, MAILBOX_FILE, default .data/mailbox.mbox) that can be read in
 * development and tests. Nodemailer builds the message (multipart text + HTML,
 * encoded headers) either way.
 *
 * Delivery is at-least-once: a crash between sending and recording it sends
 * the mail again on retry.
 */
export type Mail = { to: string; headers?: Record<string, string> } & ComposedMail;

export async function queueMail(mail: Mail, tx: Tx, effects: Effects) {
  const { headers, ...rest } = mail;
  const message = await tx.mailMessage.create({
    data: { ...rest, headers: headers ? JSON.stringify(headers) : null },
  });
  await effects.enqueue("deliver-mail", { mailId: message.id });
  return message;
}

export function mailboxFile(): string {
  return path.resolve(setting("MAILBOX_FILE"));
}

export { appUrl } from "~/config/app-url.server";

const FROM = () => setting("MAIL_FROM");
/** The mbox separator's sender; the tests' mailbox reader splits on it. */
export const MBOX_SENDER = "no-reply@hanoi-innovation.local";

export async function deliverMail(mailId: string) {
  const mail = await prisma.mailMessage.findUnique({ where: { id: mailId } });
  if (!mail || mail.sentAt) return; // gone, or delivered by an earlier attempt
  const message = {
    from: FROM(),
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    // Mails queued before the HTML column existed go out as text only.
    ...(mail.html ? { html: mail.html } : {}),
    ...(mail.headers ? { headers: JSON.parse(mail.headers) as Record<string, string> } : {}),
    date: mail.createdAt,
    // The same id on every attempt, so a repeated delivery can be recognised.
    messageId: `<${mail.id}@hanoi-innovation.local>`,
  };
  const smtpUrl = setting("SMTP_URL");
  if (smtpUrl) {
    await nodemailer.createTransport(smtpUrl).sendMail(message);
  } else {
    const built = await nodemailer
      .createTransport({ streamTransport: true, buffer: true, newline: "unix" })
      .sendMail(message);
    appendToMailbox(built.message as Buffer, mail.createdAt);
  }
  await prisma.mailMessage.update({ where: { id: mailId }, data: { sentAt: new Date() } });
}

function appendToMailbox(raw: Buffer, date: Date) {
  const file = mailboxFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // mboxrd: a "From " line starts each message; lines starting with (>*)"From " get one more ">".
  const body = raw.toString("utf8").replace(/^(>*From )/gm, ">$1");
  fs.appendFileSync(file, `From ${MBOX_SENDER} ${date.toUTCString()}\n${body.replace(/\n*$/, "")}\n\n`);
}
