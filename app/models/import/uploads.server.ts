import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import {
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { databaseFilePath, resolveDatabaseUrl } from "~/db/database-url";
import { readForm, tooManyFields, unreadableForm } from "~/utils/misc";
import { remember } from "@epic-web/remember";

/**
 * An import file is streamed to a private file as it arrives (never held in memory), read
 * from there by the parser, and kept for half an hour after a dry run, so that "Import"
 * needs no second upload (and works without JavaScript, where the browser forgets the
 * chosen file). At most a few files are kept; the oldest goes first. The list of kept
 * files is in memory: a restart only asks for the file again (and removes the files).
 */
const KEEP_MS = 30 * 60_000;
const MAX_FILES = 4;
/** The import form's own fields (intent, token, file): a few, never hundreds. */
const MAX_FIELDS = 10;

export type Upload = { name: string; path: string };
/** Which import a kept file is for: a token of one import is never applied by another. */
export type ImportScope = "organizations" | "offers";
const uploads = remember(
  "import-uploads",
  () => new Map<string, Upload & { userId: string; scope: ImportScope; at: number }>(),
);

/** Beside the database (the data directory), readable by the portal's user only. */
export const uploadDirectory = () =>
  remember("import-upload-directory", () => {
    const database = databaseFilePath(resolveDatabaseUrl());
    const dir = path.join(database ? path.dirname(database) : path.resolve(".data"), "uploads");
    // Files left by an earlier process: nothing refers to them any more.
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  });

/**
 * The import form: its small fields, and the file (if one was chosen) written to disk as it
 * arrives. The body's size is bounded by the route's limit before this runs.
 */
export async function readImportForm(request: Request): Promise<{ form: FormData; upload: Upload | null }> {
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data"))
    return { form: await readForm(request), upload: null };
  const state: { upload: Upload | null } = { upload: null };
  let parts = 0;
  const toDisk: UploadHandler = async (part) => {
    if (part.name !== "file" || !part.filename || state.upload) return undefined;
    const file = path.join(uploadDirectory(), crypto.randomUUID());
    state.upload = { name: part.filename.slice(0, 200), path: file };
    await pipeline(Readable.from(part.data), fs.createWriteStream(file, { flags: "wx", mode: 0o600 }));
    // Not in the form: only this object names a file on disk.
    return "";
  };
  const counted: UploadHandler = async (part) => {
    if (++parts > MAX_FIELDS) throw tooManyFields(MAX_FIELDS);
    return unstable_composeUploadHandlers(toDisk, unstable_createMemoryUploadHandler({ maxPartSize: 4 * 1024 }))(part);
  };
  try {
    const form = await unstable_parseMultipartFormData(request, counted);
    const { upload } = state;
    // An empty file input still sends a part, with no bytes.
    if (upload && fs.statSync(upload.path).size === 0) {
      removeFile(upload);
      return { form, upload: null };
    }
    return { form, upload };
  } catch (error) {
    removeFile(state.upload);
    if (error instanceof Response) throw error;
    throw unreadableForm();
  }
}

export function removeFile(upload: Upload | null) {
  if (upload) fs.rmSync(upload.path, { force: true });
}

export function keepUpload(userId: string, scope: ImportScope, upload: Upload): string {
  const now = Date.now();
  for (const [token, kept] of uploads) if (now - kept.at > KEEP_MS) forgetUpload(token);
  while (uploads.size >= MAX_FILES) forgetUpload(uploads.keys().next().value!);
  const token = crypto.randomBytes(18).toString("base64url");
  uploads.set(token, { ...upload, userId, scope, at: now });
  return token;
}

/** The kept file, only for the official who uploaded it, and only for the same import. */
export function takeUpload(userId: string, scope: ImportScope, token: string): Upload | null {
  const kept = uploads.get(token);
  if (
    !kept ||
    kept.userId !== userId ||
    kept.scope !== scope ||
    Date.now() - kept.at > KEEP_MS ||
    !fs.existsSync(kept.path)
  )
    return null;
  return { name: kept.name, path: kept.path };
}

export function forgetUpload(token: string) {
  removeFile(uploads.get(token) ?? null);
  uploads.delete(token);
}
