import fs from "node:fs";
import path from "node:path";
import { describeFile, type BackupManifest } from "./backup-manifest";

/**
 * The uploaded images (logos, equipment photos) live in `media/` beside the database
 * (app/models/media.server.ts). A backup copies the folder as it is, each file in the
 * manifest with its checksum; a restore puts it back beside the restored database.
 */
export const MEDIA_FOLDER = "media";

export function mediaDirOf(databaseFile: string) {
  return path.join(path.dirname(databaseFile), MEDIA_FOLDER);
}

function filesUnder(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, base);
    return entry.isFile() ? [path.relative(base, full)] : [];
  });
}

/** Copies the media folder into the backup; the manifest's entries of its files. */
export async function backupMedia(databaseFile: string, backupDir: string): Promise<BackupManifest["files"]> {
  const from = mediaDirOf(databaseFile);
  const files: BackupManifest["files"] = {};
  for (const name of filesUnder(from)) {
    const to = path.join(backupDir, MEDIA_FOLDER, name);
    fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
    // A file removed since it was listed (a logo replaced meanwhile): the database copy no longer names it.
    try {
      fs.copyFileSync(path.join(from, name), to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    files[path.join(MEDIA_FOLDER, name)] = await describeFile(to);
  }
  return files;
}

/**
 * Puts the backup's media folder beside the restored database; the one there before is
 * kept under `stamp`, as the database is.
 */
export function restoreMedia(manifest: BackupManifest, backupDir: string, databaseFile: string, stamp: string) {
  const target = mediaDirOf(databaseFile);
  const names = Object.keys(manifest.files).filter((name) => name.startsWith(`${MEDIA_FOLDER}${path.sep}`));
  if (fs.existsSync(target)) fs.renameSync(target, `${target}.before-restore-${stamp}`);
  fs.mkdirSync(target, { recursive: true, mode: 0o700 });
  for (const name of names) {
    const to = path.join(path.dirname(target), name);
    fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
    fs.copyFileSync(path.join(backupDir, name), to);
  }
  return names.length;
}
