import fs from "node:fs/promises";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentOf } from "~/models/message-attachment.server";
import { requireMember } from "./__thread.server";

/**
 * A file sent in a conversation, only to its members (everyone else 404), always as a
 * download of the type read from its content when it was sent: never shown as a page
 * (sandboxed, not sniffed), kept out of shared caches. A thread's image previews use it too.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { conversation } = await requireMember(args);
  const attachment = await attachmentOf(conversation.id, args.params.attachmentId ?? "");
  const bytes = attachment ? await fs.readFile(attachment.file).catch(() => null) : null;
  if (!attachment || !bytes)
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  // RFC 6266 / 5987: the UTF-8 name, and a plain one for old clients.
  const ascii =
    attachment.fileName
      .normalize("NFD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "") || "file";
  return new Response(bytes, {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, max-age=3600",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
