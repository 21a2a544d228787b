import fs from "node:fs";
import path from "node:path";
import { databaseFilePath, DEFAULT_DATABASE_URL } from "./database-url";
import { setting } from "~/config/env.server";

/**
 * The portal's files are private: the database (password hashes, sessions),
 * the local mailbox (live password-reset links), the search engine's data and
 * key, and backups. The server and every script call this first
 * (docs/decisions/027): from then on what they create is 700/600, and what an
 * older version left world-readable is tightened.
 *
 * Importing this module already sets the mask, so a script that imports it
 * first is covered even for files other modules create as they load.
 */
const PRIVATE_UMASK = 0o077;
process.umask(PRIVATE_UMASK);

export type PrivateDataOptions = {
  /** The project's root, whose `.data` is tightened as a whole. */
  root: string;
  /** The local Meilisearch's data directory (default `<root>/.data/meilisearch`). */
  meiliDataDir?: string;
};

export function protectPrivateData({ root, meiliDataDir }: PrivateDataOptions): void {
  process.umask(PRIVATE_UMASK);
  // The whole of .data; elsewhere (DATABASE_URL=/var/lib/…, MAILBOX_FILE) only the portal's own
  // files, never their folder: it may be shared (/tmp) and belongs to whoever made it.
  tightenTree(path.join(root, ".data"));
  tightenTree(path.resolve(meiliDataDir ?? setting("MEILI_DATA_DIR") ?? path.join(root, ".data/meilisearch")));
  const database = databaseFilePath(setting("DATABASE_URL") ?? DEFAULT_DATABASE_URL);
  if (database) for (const suffix of ["", "-wal", "-shm", "-journal"]) tighten(`${database}${suffix}`);
  // As mail.server's mailboxFile() resolves it.
  tighten(path.resolve(setting("MAILBOX_FILE")));
}

/** Takes group and other permissions away from `target` and, for a folder, all it holds. */
export function tightenTree(target: string) {
  const stat = tighten(target);
  if (!stat?.isDirectory()) return;
  for (const entry of fs.readdirSync(target)) tightenTree(path.join(target, entry));
}

function tighten(target: string): fs.Stats | null {
  let stat: fs.Stats;
  try {
    // lstat: a symbolic link is left alone, and not followed out of the folder.
    stat = fs.lstatSync(target);
  } catch {
    return null;
  }
  if (stat.isSymbolicLink()) return null;
  if (stat.mode & 0o077) {
    try {
      fs.chmodSync(target, stat.mode & 0o700);
    } catch (error) {
      // Someone else's file: say so, but do not refuse to start over it.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT")
        console.warn(`Could not make ${target} private: ${String(error)}`);
    }
  }
  return stat;
}
