/**
 * Takes a backup while the portal runs (docs/decisions/016-backup-and-restore.md):
 * an online copy of the SQLite database, then a Meilisearch dump, then
 * manifest.json with checksums and counts. Restore with scripts/restore.ts.
 *
 *   npm run backup [-- --out DIR] [--no-search]
 */
// First: the files this script makes are private (docs/decisions/027).
import "./lib/private-data";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { indexingClient } from "#search/client";
import { requireSearchConfig } from "#search/config";
import { localDumpDir } from "#search/local-server";
import { databaseFilePath, resolveDatabaseUrl } from "~/db/database-url";
import { tightenTree } from "~/db/private-data.server";
import {
  describeFile,
  MANIFEST_FILE,
  writeManifest,
  type BackupManifest,
  type SearchBackup,
} from "./lib/backup-manifest";
import { readDumpContents } from "./lib/dump-contents";
import { backupMedia } from "./lib/media-backup";
import { formatBytes, formatSeconds, progressLine, shownPath, tableSummary } from "./lib/report-format";
import { createDump, documentCounts } from "./lib/search-dump";
import { copyDatabaseOnline, entitiesWrittenSince, sealCopy } from "./lib/sqlite-backup";
import { withSearch, type SearchEngine } from "./with-search";

const root = path.resolve(import.meta.dirname, "..");
const USAGE = `npm run backup [-- options]

Copies the database and takes a Meilisearch dump into a new directory, with a
manifest.json (checksums, row and document counts). The portal may keep running.

  --out DIR     where to write the backup (default .data/backups/<UTC time>/)
  --no-search   the database only (restore then rebuilds the index from it)
  --help        this text

The database is DATABASE_URL's (default .data/portal.db). The search engine is
MEILI_HOST's, else the running portal's local Meilisearch, else a local one
started for the backup. A remote engine writes its dump on its own disk: the
script says where, but cannot fetch it.`;

let values: { out?: string; "no-search"?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { out: { type: "string" }, "no-search": { type: "boolean" }, help: { type: "boolean" } },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const started = Date.now();
const source = databaseFilePath(resolveDatabaseUrl());
if (!source || !fs.existsSync(source)) {
  console.error(`No database to back up at ${source ?? process.env.DATABASE_URL} (DATABASE_URL).`);
  process.exit(1);
}
const dir = path.resolve(
  values.out ??
    path.join(
      root,
      ".data/backups",
      new Date()
        .toISOString()
        .replace(/\.\d+Z$/, "Z")
        .replaceAll(":", "-"),
    ),
);
if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
  console.error(`${dir} is not empty: choose a new --out directory.`);
  process.exit(2);
}
fs.mkdirSync(dir, { recursive: true });
fs.chmodSync(dir, 0o700); // an --out folder made beforehand, too: the backup holds every password hash

try {
  console.log(`Backing up into ${shownPath(dir)}`);
  const databaseFile = path.basename(source);
  const database = await backupDatabase(source, path.join(dir, databaseFile));
  const search = values["no-search"]
    ? null
    : await withSearch((engine) => backupSearch(engine, source, database.lastOutboxId));
  if (!search) console.log("search: skipped (--no-search); restore rebuilds the index from the database");

  const files: BackupManifest["files"] = { [databaseFile]: await describeFile(path.join(dir, databaseFile)) };
  if (search?.dumpFile) files[search.dumpFile] = await describeFile(path.join(dir, search.dumpFile));
  // The uploaded logos and photos: the database names them by key.
  const media = await backupMedia(source, dir);
  Object.assign(files, media);
  console.log(`media: ${Object.keys(media).length} file(s) (logos, photos)`);
  writeManifest(dir, {
    format: 1,
    createdAt: new Date(started).toISOString(),
    portalCommit: gitCommit(),
    files,
    database: { file: databaseFile, source, ...database },
    search,
  });
  // The dump was moved in as the engine wrote it: an engine started without our mask made it readable by all.
  tightenTree(dir);
  const bytes = Object.values(files).reduce((sum, file) => sum + file.bytes, 0);
  console.log(`${MANIFEST_FILE}: SHA-256 of ${Object.keys(files).length} file(s)`);
  console.log(
    `\nBackup complete in ${formatSeconds(Date.now() - started)}: ${formatBytes(bytes)} in ${shownPath(dir)}`,
  );
  console.log(`Restore it with: npm run restore -- ${shownPath(dir)}`);
} catch (error) {
  // A backup without its manifest must not look usable.
  fs.rmSync(dir, { recursive: true, force: true });
  console.error(`\nBackup failed, nothing kept: ${(error as Error).message}`);
  process.exit(1);
}

async function backupDatabase(from: string, to: string) {
  console.log(`database: ${shownPath(from)} (${formatBytes(fs.statSync(from).size)})`);
  const copyStarted = Date.now();
  const progress = progressLine(copyStarted);
  const copy = await copyDatabaseOnline(from, to, ({ copiedPages, totalPages }) =>
    progress.update(`  copying: ${Math.floor((copiedPages / totalPages) * 100)}% of ${totalPages} pages`),
  );
  progress.done();
  const restarted = copy.restarts > 0 ? `, started over after a concurrent write` : "";
  console.log(`  copied ${copy.pages} pages in ${formatSeconds(Date.now() - copyStarted)}${restarted}; checking it…`);
  const facts = sealCopy(to);
  console.log(`  integrity check ok; ${Object.keys(facts.tables).length} tables: ${tableSummary(facts.tables)}`);
  return facts;
}

async function backupSearch(engine: SearchEngine, databaseFile: string, lastOutboxId: number): Promise<SearchBackup> {
  const config = requireSearchConfig();
  const client = indexingClient(config);
  const version = (await client.getVersion()).pkgVersion;
  console.log(
    engine.kind === "local"
      ? `search: local Meilisearch ${version}, ${engine.startedHere ? "started for this backup" : "the running portal's"} (data in ${shownPath(engine.dataDir)})`
      : `search: Meilisearch ${version} at ${config.host} (MEILI_HOST)`,
  );
  const dump = await createDump(client, (status, ms) => console.log(`  dump: ${status} for ${formatSeconds(ms)}…`));
  // Read after the dump: everything written since the database copy.
  const requeue = entitiesWrittenSince(databaseFile, lastOutboxId);
  const common = { host: config.host, version, indexPrefix: config.indexPrefix, dumpUid: dump.dumpUid };
  const written = `  dump ${dump.dumpUid} written in ${formatSeconds(dump.ms)} (task ${dump.taskUid})`;
  const printRequeue = () =>
    requeue.length > 0 &&
    console.log(`  ${requeue.length} entities changed while the backup ran: restore queues them for the index`);

  if (engine.kind === "remote") {
    const indexes = await documentCounts(client);
    console.log(`${written} on the search server's disk.`);
    console.log(
      `  It is NOT in this backup: fetch ${dump.dumpUid}.dump from the server's dump directory (its --dump-dir)\n` +
        "  and keep it with this backup; Meilisearch Cloud keeps dumps with its support team. Without it,\n" +
        "  restore rebuilds the index from the database (npm run restore -- DIR --reindex).",
    );
    printCounts(indexes);
    printRequeue();
    return { engine: "remote", ...common, dumpFile: null, indexes, countedFrom: "engine", pendingTasks: null, requeue };
  }

  // The local engine writes into its own dump directory; the file moves into the backup.
  const dumpFile = `${dump.dumpUid}.dump`;
  const produced = path.join(localDumpDir(engine.dataDir), dumpFile);
  fs.copyFileSync(produced, path.join(dir, dumpFile));
  fs.rmSync(produced);
  const contents = await readDumpContents(path.join(dir, dumpFile));
  console.log(
    `${written}: ${formatBytes(fs.statSync(path.join(dir, dumpFile)).size)}, dump format ${contents.dumpVersion}`,
  );
  printCounts(contents.indexes);
  if (contents.pendingTasks > 0)
    console.log(`  it carries ${contents.pendingTasks} task(s) still waiting to run; an import runs them`);
  printRequeue();
  return {
    engine: "local",
    ...common,
    dumpFile,
    indexes: contents.indexes,
    countedFrom: "dump",
    pendingTasks: contents.pendingTasks,
    requeue,
  };
}

function printCounts(indexes: Record<string, number>) {
  const list = Object.entries(indexes).map(([uid, documents]) => `${uid} ${documents}`);
  console.log(`  documents: ${list.length > 0 ? list.join(", ") : "no indexes"}`);
}

function gitCommit(): string | null {
  // rev-parse only reads; `describe --dirty` would refresh (and lock) the index.
  const result = spawnSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : null;
}
