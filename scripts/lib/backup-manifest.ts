import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";

/**
 * `manifest.json`, written last into a backup directory: what the backup holds
 * and how to check it. A directory without one is an unfinished backup.
 */
export const MANIFEST_FILE = "manifest.json";

export type BackupManifest = {
  format: 1;
  createdAt: string;
  /** `git describe --always --dirty` of the portal that took it, when known. */
  portalCommit: string | null;
  /** Every file of the backup besides the manifest, by name. */
  files: Record<string, { bytes: number; sha256: string }>;
  database: {
    file: string;
    source: string;
    /** Applied migrations: restore refuses a backup from newer code. */
    migrations: string[];
    /** Rows per table, as copied. */
    tables: Record<string, number>;
    /** The newest search outbox row in the copy (see `search.requeue`). */
    lastOutboxId: number;
  };
  search: SearchBackup | null;
};

export type SearchBackup = {
  engine: "local" | "remote";
  host: string;
  version: string;
  indexPrefix: string;
  dumpUid: string;
  /** The dump's file in the backup; null when it stayed on a remote server's disk. */
  dumpFile: string | null;
  /** Documents per index uid: read from the dump itself, or from the engine when the dump is remote. */
  indexes: Record<string, number>;
  countedFrom: "dump" | "engine";
  /** Tasks still waiting when the dump was taken (unknown for a remote dump): an import runs them, which can change the counts. */
  pendingTasks: number | null;
  /**
   * Entities written between the database copy and the dump. The dump may hold
   * their later state (or documents for rows the copy lacks); restore queues
   * them in the outbox so the index follows the restored database.
   */
  requeue: { entity: string; entityId: string }[];
};

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest("hex");
}

export async function describeFile(file: string): Promise<{ bytes: number; sha256: string }> {
  return { bytes: fs.statSync(file).size, sha256: await sha256File(file) };
}

export function writeManifest(dir: string, manifest: BackupManifest) {
  // Written beside, then renamed: a manifest is never half there.
  const file = path.join(dir, MANIFEST_FILE);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
}

export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: not a backup directory, or the backup did not finish`);
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as BackupManifest;
  if (manifest.format !== 1)
    throw new Error(`${file} has format ${String(manifest.format)}; this portal reads format 1`);
  return manifest;
}

/** Files that are missing or differ from the manifest, each with the reason. */
export async function damagedFiles(dir: string, manifest: BackupManifest): Promise<string[]> {
  const problems: string[] = [];
  for (const [name, expected] of Object.entries(manifest.files)) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) {
      problems.push(`${name} is missing`);
      continue;
    }
    const actual = await describeFile(file);
    if (actual.bytes !== expected.bytes)
      problems.push(`${name} has ${actual.bytes} bytes, the manifest says ${expected.bytes}`);
    else if (actual.sha256 !== expected.sha256)
      problems.push(`${name} has SHA-256 ${actual.sha256}, the manifest says ${expected.sha256}`);
  }
  return problems;
}
