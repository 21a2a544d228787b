import fs from "node:fs";
import path from "node:path";
import { prisma } from "~/utils/db.server";
import type { Effects, Tx } from "./write.server";

/**
 * The mail outbox. A mail is written in the same transaction as what caused
 * it, with a job to deliver it; delivery goes through SMTP when SMTP_URL is
 * set, else into a local mailbox file (mbox format, MAILBOX_FILE, default
 * .data/mailbox.mbox) that can be read in development and tests.
 *
 * Delivery is at-least-once: a crash between sending and recording it sends
 * the mail again on retry.
 */
export type Mail = { to: string; subject: string; text: string };

export async function queueMail(mail: Mail, tx: Tx, effects: Effects) {
  const message = await tx.mailMessage.create({ data: mail });
  await effects.enqueue("deliver-mail", { mailId: message.id });
  return message;
}

export function mailboxFile(): string {
  return path.resolve(process.env.MAILBOX_FILE ?? ".data/mailbox.mbox");
}

export { appUrl } from "~/utils/app-url.server";

const FROM = () => process.env.MAIL_FROM ?? "Mạng lưới Đổi mới sáng tạo Hà Nội <no-reply@hanoi-innovation.local>";

export async function deliverMail(mailId: string) {
  const mail = await prisma.mailMessage.findUnique({ where: { id: mailId } });
  if (!mail || mail.sentAt) return; // gone, or delivered by an earlier attempt
  if (process.env.SMTP_URL) {
    const nodemailer = await import("nodemailer");
    const transport = nodemailer.createTransport(process.env.SMTP_URL);
    await transport.sendMail({ from: FROM(), to: mail.to, subject: mail.subject, text: mail.text });
  } else {
    appendToMailbox(mail);
  }
  await prisma.mailMessage.update({ where: { id: mailId }, data: { sentAt: new Date() } });
}

function appendToMailbox(mail: { id: string; to: string; subject: string; text: string; createdAt: Date }) {
  const file = mailboxFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // mbox: a "From " line starts each message; body lines starting with "From " are quoted.
  const body = mail.text.replace(/^From /gm, ">From ");
  const entry = [
    `From no-reply@hanoi-innovation.local ${mail.createdAt.toUTCString()}`,
    `From: ${FROM()}`,
    `To: ${mail.to}`,
    `Subject: =?UTF-8?B?${Buffer.from(mail.subject).toString("base64")}?=`,
    `Date: ${mail.createdAt.toUTCString()}`,
    `Message-ID: <${mail.id}@hanoi-innovation.local>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    body,
    "",
    "",
  ].join("\n");
  fs.appendFileSync(file, entry);
}

/** Messages in the local mailbox, newest last (for development and tests). */
export function readMailbox(file = mailboxFile()): { to: string; subject: string; text: string }[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split(/^From no-reply@hanoi-innovation\.local .*$/m)
    .filter((chunk) => chunk.trim() !== "")
    .map((chunk) => {
      const [head, ...rest] = chunk.replace(/^\n/, "").split("\n\n");
      const header = (name: string) => new RegExp(`^${name}: (.*)$`, "m").exec(head ?? "")?.[1] ?? "";
      const encoded = /^=\?UTF-8\?B\?(.*)\?=$/.exec(header("Subject"))?.[1];
      return {
        to: header("To"),
        subject: encoded ? Buffer.from(encoded, "base64").toString("utf8") : header("Subject"),
        text: rest.join("\n\n").trimEnd().replace(/^>From /gm, "From "),
      };
    });
}

