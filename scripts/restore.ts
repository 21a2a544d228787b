/**
 * Brings a backup of scripts/backup.ts back, on this machine or a fresh one
 * (docs/decisions/016-backup-and-restore.md):
 *
 *   npm run restore -- DIR [--force] [--reindex]
 *
 * 1. Checks every file against the manifest's SHA-256.
 * 2. Puts the database in place (DATABASE_URL) and applies newer migrations.
 * 3. Loads the Meilisearch dump into a new local engine and checks the
 *    document counts, or with --reindex rebuilds the index from the database.
 * Entities written while the backup ran are queued in the search outbox, so
 * the portal's worker brings the index in line with the database at start.
 */
// First: the files this script makes are private (docs/decisions/027).
import "./lib/private-data";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { indexingClient } from "#search/client";
import { readSearchConfig } from "#search/config";
import {
  findRunningLocalMeilisearch,
  localEngineDatabase,
  startLocalMeilisearch,
  type LocalMeilisearch,
} from "#search/local-server";
import { enqueueSearchSync, SEARCH_ENTITIES } from "#search/outbox";
import { databaseFilePath, resolveDatabaseUrl } from "~/db/database-url";
import { prisma } from "~/db/client.server";
import { applyMigrations } from "~/db/migrate.server";
import { damagedFiles, readManifest, type BackupManifest } from "./lib/backup-manifest";
import { processesUsingDatabase } from "./lib/open-files";
import { restoreMedia } from "./lib/media-backup";
import { rebuildIndexes } from "./lib/rebuild-indexes";
import { formatSeconds, shownPath, tableSummary } from "./lib/report-format";
import { documentCounts, waitUntilIdle } from "./lib/search-dump";
import { databaseFacts, rowsInDatabase } from "./lib/sqlite-backup";
import { localSearchDataDir, withSearch } from "./with-search";

const root = path.resolve(import.meta.dirname, "..");
const USAGE = `npm run restore -- DIR [options]

Restores a backup made by npm run backup: checks its files, puts the database
in place (DATABASE_URL, default .data/portal.db) and migrates it, then loads
the search dump into a new local Meilisearch (MEILI_DATA_DIR, default
.data/meilisearch). Stop the portal first.

  --force     replace an existing database (kept beside it as
              <file>.before-restore-<time>) and local search data
  --reindex   rebuild the index from the restored database instead of loading
              the dump (also the way to fill a remote engine, MEILI_HOST)
  --help      this text`;

let parsed: { values: { force?: boolean; reindex?: boolean; help?: boolean }; positionals: string[] };
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { force: { type: "boolean" }, reindex: { type: "boolean" }, help: { type: "boolean" } },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) {
  console.error(`Name one backup directory.\n\n${USAGE}`);
  process.exit(2);
}

/** A reason not to go on, found before anything was changed. */
class Refusal extends Error {}

const started = Date.now();
const dir = path.resolve(positionals[0]!);
const databaseUrl = resolveDatabaseUrl();
const target = databaseFilePath(databaseUrl);
const remote = readSearchConfig();
const dataDir = localSearchDataDir();
let databaseRestored = false;

try {
  if (!target) throw new Refusal(`DATABASE_URL (${databaseUrl}) names no database file.`);
  const manifest = readBackup(dir);
  console.log(
    `Restoring the backup of ${manifest.createdAt} from ${shownPath(dir)}${manifest.portalCommit ? ` (portal ${manifest.portalCommit.slice(0, 12)})` : ""}`,
  );

  const damaged = await damagedFiles(dir, manifest);
  if (damaged.length > 0) throw new Refusal(`The backup is damaged:\n  ${damaged.join("\n  ")}`);
  console.log(`checksums: ${Object.keys(manifest.files).length} file(s) match the manifest`);

  await refuseUnsafeTarget(manifest, target);
  restoreDatabase(manifest, target);
  databaseRestored = true;
  const media = restoreMedia(
    manifest,
    dir,
    target,
    new Date()
      .toISOString()
      .replace(/\.\d+Z$/, "Z")
      .replaceAll(":", "-"),
  );
  console.log(`media: ${media} file(s) restored beside the database`);
  await queueChangesDuringBackup(manifest);

  if (values.reindex) {
    if (!remote) fs.rmSync(localEngineDatabase(dataDir), { recursive: true, force: true });
    console.log(
      `search: rebuilding the index from the restored database (${remote ? remote.host : `new local engine in ${shownPath(dataDir)}`})`,
    );
    await withSearch(() => rebuildIndexes(prisma));
  } else if (remote) {
    explainRemoteRestore(manifest);
  } else {
    fs.rmSync(localEngineDatabase(dataDir), { recursive: true, force: true });
    await importDump(manifest);
  }
  await prisma.$disconnect();
  const next =
    remote && !values.reindex
      ? "Load the search engine as above, then start the portal."
      : "Start the portal with npm start.";
  console.log(`\nRestore complete in ${formatSeconds(Date.now() - started)}. ${next}`);
} catch (error) {
  await prisma.$disconnect();
  if (error instanceof Refusal) console.error(`\n${error.message}`);
  else console.error(`\nRestore failed: ${(error as Error).stack ?? error}`);
  if (databaseRestored)
    console.error("The database is restored; the portal rebuilds the search index from it when it starts.");
  process.exit(1);
}

function readBackup(backupDir: string): BackupManifest {
  try {
    return readManifest(backupDir);
  } catch (error) {
    throw new Refusal((error as Error).message);
  }
}

async function refuseUnsafeTarget(manifest: BackupManifest, file: string) {
  const known = new Set(fs.readdirSync(path.join(root, "prisma/migrations")));
  const unknown = manifest.database.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Refusal(
      `The backup comes from a newer portal (migration ${unknown.join(", ")} is unknown here): update the code first.`,
    );
  }
  const reasons: string[] = [];
  const users = processesUsingDatabase(file);
  if (users.length > 0) {
    reasons.push(
      `${shownPath(file)} is open in ${users.map((user) => `process ${user.pid} (${user.command})`).join(", ")}: stop the portal first.`,
    );
  }
  if (!remote && (await findRunningLocalMeilisearch(dataDir))) {
    reasons.push(`A Meilisearch is running on ${shownPath(dataDir)}: stop the portal first.`);
  }
  if (!values.force) {
    let rows: number;
    try {
      rows = rowsInDatabase(file);
    } catch (error) {
      throw new Refusal(
        `${shownPath(file)} exists but cannot be read (${(error as Error).message}); pass --force to replace it.`,
      );
    }
    if (rows > 0) {
      reasons.push(
        `${shownPath(file)} already holds a database (${tableSummary(databaseFacts(file).tables)}). ` +
          "Pass --force to replace it; the current file is then kept beside it.",
      );
    }
    if (!remote && fs.existsSync(localEngineDatabase(dataDir))) {
      reasons.push(`${shownPath(localEngineDatabase(dataDir))} already holds search data. Pass --force to replace it.`);
    }
  }
  if (reasons.length > 0) throw new Refusal(`Nothing was changed:\n  ${reasons.join("\n  ")}`);
}

function restoreDatabase(manifest: BackupManifest, file: string) {
  const incoming = `${file}.restoring`;
  fs.copyFileSync(path.join(dir, manifest.database.file), incoming);
  if (fs.existsSync(file) && fs.statSync(file).size > 0) {
    // Kept with its WAL, which may hold its last commits; the -shm is rebuilt on open.
    const kept = `${file}.before-restore-${new Date()
      .toISOString()
      .replace(/\.\d+Z$/, "Z")
      .replaceAll(":", "-")}`;
    fs.renameSync(file, kept);
    if (fs.existsSync(`${file}-wal`)) fs.renameSync(`${file}-wal`, `${kept}-wal`);
    console.log(`database: the previous one is kept as ${shownPath(kept)}`);
  }
  // A stale WAL beside the restored file would be replayed into it.
  for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.renameSync(incoming, file);
  console.log(`database: ${shownPath(file)} restored (${tableSummary(manifest.database.tables)})`);
  const { applied } = applyMigrations({ databaseUrl });
  console.log(applied.length > 0 ? `  migrated: ${applied.join(", ")}` : "  migrations: up to date");
}

async function queueChangesDuringBackup(manifest: BackupManifest) {
  const requeue = manifest.search?.requeue ?? [];
  for (const entity of SEARCH_ENTITIES) {
    const ids = requeue.filter((row) => row.entity === entity).map((row) => row.entityId);
    await enqueueSearchSync(prisma, entity, ids);
  }
  if (requeue.length > 0) {
    console.log(
      `  ${requeue.length} entities changed while the backup ran: queued, so the index follows this database`,
    );
  }
}

async function importDump(manifest: BackupManifest) {
  const search = manifest.search;
  if (!search?.dumpFile) {
    console.log("search: the backup has no dump; the portal builds the index from the database when it starts");
    return;
  }
  console.log(`search: loading ${search.dumpFile} into a new local Meilisearch (${shownPath(dataDir)})`);
  const importStarted = Date.now();
  // Meilisearch answers only once the import is done; its log says which index it is on.
  const log = path.join(dataDir, "meilisearch.log");
  const logStart = fs.existsSync(log) ? fs.statSync(log).size : 0;
  const ticker = setInterval(() => {
    const index = [
      ...fs
        .readFileSync(log)
        .subarray(logStart)
        .toString()
        .matchAll(/Importing index `([^`]+)`/g),
    ].at(-1)?.[1];
    console.log(`  importing${index ? ` ${index}` : ""}… ${formatSeconds(Date.now() - importStarted)}`);
  }, 10_000);
  let meili: LocalMeilisearch | null = null;
  try {
    meili = await startLocalMeilisearch({
      dataDir,
      importDump: path.join(dir, search.dumpFile),
      startTimeoutMs: 6 * 60 * 60_000,
    });
    clearInterval(ticker);
    const client = indexingClient({ host: meili.host, apiKey: meili.apiKey, indexPrefix: search.indexPrefix });
    await waitUntilIdle(client);
    const version = (await client.getVersion()).pkgVersion;
    const from = version === search.version ? "" : ` (the dump is from ${search.version})`;
    console.log(`  imported in ${formatSeconds(Date.now() - importStarted)} by Meilisearch ${version}${from}`);
    const counts = await documentCounts(client);
    const differ = Object.entries(search.indexes).filter(([uid, documents]) => counts[uid] !== documents);
    for (const [uid, documents] of Object.entries(search.indexes)) {
      console.log(
        `  ${uid}: ${counts[uid] ?? "missing"} documents${counts[uid] === documents ? ", as in the backup" : `, the backup has ${documents}`}`,
      );
    }
    if (differ.length > 0 && !search.pendingTasks)
      throw new Error("the imported indexes differ from the backup's dump");
    if (differ.length > 0)
      console.log(`  (the dump carried ${search.pendingTasks} waiting task(s), which ran after the import)`);
    const prefix = process.env.MEILI_INDEX_PREFIX ?? "";
    if (prefix !== search.indexPrefix) {
      console.log(
        `  ! the dump's indexes use the prefix "${search.indexPrefix}", this portal "${prefix}": it will build its own at start`,
      );
    }
    await meili.stop();
  } catch (error) {
    // No half-imported engine: without one, the portal's start rebuilds the index from the database.
    clearInterval(ticker);
    await meili?.stop();
    fs.rmSync(localEngineDatabase(dataDir), { recursive: true, force: true });
    throw error;
  }
}

function explainRemoteRestore(manifest: BackupManifest) {
  const dump = manifest.search?.dumpFile ? path.join(dir, manifest.search.dumpFile) : null;
  console.log(
    `search: MEILI_HOST is set (${remote!.host}); a remote engine is loaded from a dump by whoever runs it:\n` +
      (dump
        ? `  the dump is ${shownPath(dump)}.\n`
        : manifest.search
          ? `  the dump ${manifest.search.dumpUid}.dump stayed on the disk of ${manifest.search.host}.\n`
          : "  this backup has no dump.\n") +
      "  - official Meilisearch: start it on an empty database with --import-dump <file>;\n" +
      "  - Meilisearch Cloud: ask its support to import the dump.\n" +
      "  Or rebuild the index from the restored database now: npm run reindex (what --reindex does).",
  );
}
