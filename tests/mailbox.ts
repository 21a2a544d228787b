import fs from "node:fs";
import { simpleParser } from "mailparser";
import { MBOX_SENDER, mailboxFile } from "~/models/mail.server";

export type MailboxMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The multipart type of the message (e.g. "multipart/alternative"). */
  contentType: string;
  /** Every link of the HTML part, in order. */
  links: string[];
  raw: string;
};

/** Messages in the local mailbox (as the portal writes it without SMTP), oldest first, parsed as real MIME. */
export async function readMailbox(file = mailboxFile()): Promise<MailboxMessage[]> {
  if (!fs.existsSync(file)) return [];
  const separator = new RegExp(`^From ${MBOX_SENDER.replace(/\./g, "\\.")} .*\\n`, "m");
  const entries = fs
    .readFileSync(file, "utf8")
    .split(separator)
    .filter((chunk) => chunk.trim() !== "")
    .map((chunk) => chunk.replace(/^>(>*From )/gm, "$1"));
  return Promise.all(
    entries.map(async (raw) => {
      const parsed = await simpleParser(raw);
      const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
      const html = parsed.html || "";
      return {
        to: to?.value[0]?.address ?? "",
        subject: parsed.subject ?? "",
        text: (parsed.text ?? "").trimEnd(),
        html,
        contentType: /^Content-Type:\s*([^;\s]+)/im.exec(raw)?.[1] ?? "",
        links: [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, "&")),
        raw,
      };
    }),
  );
}
