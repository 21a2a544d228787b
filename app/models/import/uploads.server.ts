import crypto from "node:crypto";
import { singleton } from "~/utils/singleton.server";

/**
 * A file checked in a dry run is kept for half an hour, so that "Import" after
 * the dry run needs no second upload (and works without JavaScript, where the
 * browser forgets the chosen file). In memory: a restart only asks for the
 * file again. At most a few files are kept; the oldest goes first.
 */
const KEEP_MS = 30 * 60_000;
const MAX_FILES = 4;
// As UTF-8 bytes, outside the JavaScript heap: the largest file (64 MiB) would take twice that as a
// string of Vietnamese text, counted against the heap's limit for as long as it is kept.
const uploads = singleton("import-uploads", () => new Map<string, { userId: string; name: string; bytes: Buffer; at: number }>());

export function keepUpload(userId: string, name: string, text: string): string {
  const now = Date.now();
  for (const [token, upload] of uploads) if (now - upload.at > KEEP_MS) uploads.delete(token);
  while (uploads.size >= MAX_FILES) uploads.delete(uploads.keys().next().value!);
  const token = crypto.randomBytes(18).toString("base64url");
  uploads.set(token, { userId, name, bytes: Buffer.from(text, "utf8"), at: now });
  return token;
}

/** The kept file, only for the official who uploaded it. */
export function takeUpload(userId: string, token: string): { name: string; text: string } | null {
  const upload = uploads.get(token);
  if (!upload || upload.userId !== userId || Date.now() - upload.at > KEEP_MS) return null;
  return { name: upload.name, text: upload.bytes.toString("utf8") };
}

export function forgetUpload(token: string) {
  uploads.delete(token);
}
