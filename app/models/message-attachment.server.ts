import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { remember } from "@epic-web/remember";
import { databaseFilePath, resolveDatabaseUrl } from "~/db/database-url";
import { prisma } from "~/db/client.server";
import { AttachedImageRefused, withoutImageMetadata } from "./media.server";
import {
  cleanFileName,
  isAttachmentType,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  type AttachmentType,
} from "~/domain/message-attachment";

/**
 * Files sent with messages (docs/decisions/070). A file's type is read from its first
 * bytes by file-type, never from its name or the browser's word; only PDF, PNG, JPEG
 * and WebP are kept (images re-encoded without their metadata: withoutImageMetadata in
 * media.server.ts), under a random name in the data directory (outside
 * the web root), and served only to the conversation's members, as a download. The
 * files are written before their rows; the sender's write removes them if it fails,
 * and the hourly sweep removes any file left without a row (a crash between the two,
 * a conversation deleted with its organization).
 */

export type AttachmentProblem = "type" | "size" | "count" | "pixels";
export type CheckedAttachment = { bytes: Buffer; contentType: AttachmentType; fileName: string };
export type StoredAttachment = Omit<CheckedAttachment, "bytes"> & { storedName: string; size: number };

/** How old a file without a row must be before the sweep takes it: an upload's write is still going on. */
const SWEEP_GRACE_MS = 60 * 60_000;
const STORED_NAME = /^[a-f0-9]{32}$/;

/**
 * The attachments' folder in the media folder beside the database (so backups copy it with
 * the images, scripts/lib/media-backup.ts), created on first use. No route serves it as is.
 */
export const attachmentDirectory = () =>
  remember(`attachment-directory:${resolveDatabaseUrl()}`, () => {
    const database = databaseFilePath(resolveDatabaseUrl());
    const dir = path.join(database ? path.dirname(database) : path.resolve(".data"), "media", "attachments");
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  });

/** The files of a form (empty file inputs left out), each checked; the first problem refuses them all. */
export async function checkAttachments(
  files: readonly File[],
): Promise<{ attachments: CheckedAttachment[] } | { problem: AttachmentProblem }> {
  const chosen = files.filter((file) => file.size > 0);
  if (chosen.length > MAX_ATTACHMENTS) return { problem: "count" };
  const attachments: CheckedAttachment[] = [];
  for (const file of chosen) {
    if (file.size > MAX_ATTACHMENT_BYTES) return { problem: "size" };
    const uploaded = Buffer.from(await file.arrayBuffer());
    const type = (await fileTypeFromBuffer(uploaded))?.mime;
    if (!isAttachmentType(type)) return { problem: "type" };
    let bytes: Buffer = uploaded;
    if (type !== "application/pdf") {
      try {
        bytes = await withoutImageMetadata(uploaded, type);
      } catch (error) {
        if (error instanceof AttachedImageRefused) return { problem: error.reason };
        throw error;
      }
    }
    attachments.push({ bytes, contentType: type, fileName: cleanFileName(file.name, type) });
  }
  return { attachments };
}

/** Writes the checked files under new random names; the caller removes them if its write fails. */
export function writeAttachmentFiles(attachments: readonly CheckedAttachment[]): StoredAttachment[] {
  const stored: StoredAttachment[] = [];
  try {
    for (const { bytes, ...attachment } of attachments) {
      const storedName = crypto.randomBytes(16).toString("hex");
      fs.writeFileSync(path.join(attachmentDirectory(), storedName), bytes, { flag: "wx", mode: 0o600 });
      stored.push({ ...attachment, storedName, size: bytes.length });
    }
  } catch (error) {
    removeAttachmentFiles(stored.map((file) => file.storedName));
    throw error;
  }
  return stored;
}

export function removeAttachmentFiles(storedNames: readonly string[]) {
  for (const name of storedNames)
    if (STORED_NAME.test(name)) fs.rmSync(path.join(attachmentDirectory(), name), { force: true });
}

/** Removes those of the files just written that no row took (the write failed, or the form was a repeat). */
export async function removeUnusedAttachmentFiles(stored: readonly StoredAttachment[]) {
  if (stored.length === 0) return;
  const names = stored.map((file) => file.storedName);
  const kept = await prisma.messageAttachment.findMany({
    where: { storedName: { in: names } },
    select: { storedName: true },
  });
  const used = new Set(kept.map((row) => row.storedName));
  removeAttachmentFiles(names.filter((name) => !used.has(name)));
}

/** An attachment of this conversation and its file; null for an unknown one. The caller checks membership first. */
export async function attachmentOf(conversationId: string, attachmentId: string) {
  const attachment = await prisma.messageAttachment.findFirst({
    where: { id: attachmentId, message: { conversationId } },
    select: { fileName: true, contentType: true, size: true, storedName: true },
  });
  if (!attachment || !STORED_NAME.test(attachment.storedName)) return null;
  return { ...attachment, file: path.join(attachmentDirectory(), attachment.storedName) };
}

/** Removes the files no row names, once they are old enough that no upload is still writing its row. */
export async function sweepOrphanAttachments(now = Date.now()) {
  const dir = attachmentDirectory();
  const candidates = fs
    .readdirSync(dir)
    .filter((name) => STORED_NAME.test(name))
    .filter((name) => {
      const stat = fs.statSync(path.join(dir, name), { throwIfNoEntry: false });
      return stat !== undefined && now - stat.mtimeMs > SWEEP_GRACE_MS;
    });
  let removed = 0;
  for (let i = 0; i < candidates.length; i += 500) {
    const batch = candidates.slice(i, i + 500);
    const rows = await prisma.messageAttachment.findMany({
      where: { storedName: { in: batch } },
      select: { storedName: true },
    });
    const kept = new Set(rows.map((row) => row.storedName));
    const orphans = batch.filter((name) => !kept.has(name));
    removeAttachmentFiles(orphans);
    removed += orphans.length;
  }
  return { removed };
}
