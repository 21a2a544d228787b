import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { searchClient, indexUid } from "#search/client";
import type { SearchConfig } from "#search/config";
import { meilisearchErrorCode } from "#search/http-client";
import { ALL_INDEXES, ORGANIZATIONS_INDEX } from "#search/indexes";
import { startLocalMeilisearch, type LocalMeilisearch } from "#search/local-server";
import { SearchOutboxWorker } from "#search/outbox-worker";
import { prepareSearch } from "#search/prepare";
import { createOrganization, updateOrganization } from "~/models/organization.server";
import { setOrganizationLogo } from "~/models/media.server";
import { makeUser } from "../factories";
import { createPrismaClient, prisma } from "~/db/client.server";
import { applyMigrations } from "~/db/migrate.server";
import type { BackupManifest } from "../../scripts/lib/backup-manifest";
import { entitiesWrittenSince } from "../../scripts/lib/sqlite-backup";
import { ROOT } from "../setup/paths";
import { seedAndIndex } from "./helpers";
import { runDir } from "./run-dir";

/**
 * The backup and restore scripts, run as a user runs them (child processes),
 * against this file's database and a local Meilisearch of its own, so that
 * the script's local-engine path (dump into the engine's dump directory,
 * import with --import-dump) is exercised end to end.
 */
const work = path.join(runDir(), `backup-${process.pid}`);
const sourceDatabase = process.env.DATABASE_URL!.replace(/^file:/, "");
const prefix = process.env.MEILI_INDEX_PREFIX!;
const QUERIES = ["vien toan hoc", "bach khoa", "HUST", "trí tuệ nhân tạo"];
let source: LocalMeilisearch;
const started: LocalMeilisearch[] = [];

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs scripts/<name>.ts with the local engine path (no MEILI_HOST) and the given environment. */
function runScript(name: "backup" | "restore", args: string[], env: Record<string, string>): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.MEILI_HOST;
  delete childEnv.MEILI_MASTER_KEY;
  const child = spawn(process.execPath, ["--import", "tsx", `scripts/${name}.ts`, ...args], {
    cwd: ROOT,
    env: childEnv,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

/** Where a restore goes: a database file and an engine data directory, both new. */
function freshTarget(name: string) {
  const dir = path.join(work, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const database = path.join(dir, "portal.db");
  const dataDir = path.join(dir, "meilisearch");
  return { database, dataDir, env: { DATABASE_URL: `file:${database}`, MEILI_DATA_DIR: dataDir } };
}

function readRows(file: string, sql: string, ...params: unknown[]): unknown[][] {
  const db = new Database(file, { fileMustExist: true });
  try {
    return db
      .prepare(sql)
      .raw()
      .all(...params) as unknown[][];
  } finally {
    db.close();
  }
}

/** Row count and SHA-256 of the rows (in rowid order) of every table. */
function tableDigests(file: string): Record<string, { rows: number; sha256: string }> {
  const tables = readRows(
    file,
    // Plain tables: the full-text index's shadow tables have no rowid to order by.
    `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );
  return Object.fromEntries(
    tables.map(([name]) => {
      const rows = readRows(file, `SELECT * FROM "${String(name)}" ORDER BY rowid`);
      return [
        name,
        { rows: rows.length, sha256: crypto.createHash("sha256").update(JSON.stringify(rows)).digest("hex") },
      ];
    }),
  );
}

const configOf = (engine: LocalMeilisearch): SearchConfig => ({
  host: engine.host,
  apiKey: engine.apiKey,
  indexPrefix: prefix,
});

async function startEngine(dataDir: string) {
  const engine = await startLocalMeilisearch({ dataDir });
  started.push(engine);
  return engine;
}

async function documentCounts(config: SearchConfig) {
  const client = searchClient(config);
  const counts: Record<string, number> = {};
  for (const definition of ALL_INDEXES) {
    counts[definition.base] = (await client.index(indexUid(definition.base, config)).getStats()).numberOfDocuments;
  }
  return counts;
}

async function organizationDocuments(config: SearchConfig) {
  const { results } = await searchClient(config)
    .index(indexUid(ORGANIZATIONS_INDEX.base, config))
    .getDocuments({ limit: 10_000 });
  return results.sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

async function searchIds(config: SearchConfig, q: string) {
  const result = await searchClient(config)
    .index(indexUid(ORGANIZATIONS_INDEX.base, config))
    .search(q, { limit: 10, attributesToRetrieve: ["id"] });
  return result.hits.map((hit) => String(hit.id));
}

/** Permission bits (as "600") of each path that exists, and of every entry under a folder. */
function modesUnder(...targets: string[]): Record<string, string> {
  const modes: Record<string, string> = {};
  const visit = (target: string) => {
    const stat = fs.lstatSync(target);
    modes[path.relative(work, target)] = (stat.mode & 0o777).toString(8);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(target)) visit(path.join(target, entry));
  };
  for (const target of targets) visit(target);
  return modes;
}

/** Everything private: folders 700, files 600 (none readable by group or others). */
function expectPrivate(modes: Record<string, string>) {
  const open = Object.entries(modes).filter(([, mode]) => mode !== "600" && mode !== "700");
  expect(open, "files or folders readable by others").toEqual([]);
}

const readManifest = (dir: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as BackupManifest;

beforeAll(async () => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  source = await startEngine(path.join(work, "source-engine"));
  // This file's own engine stands for the portal's local one.
  process.env.MEILI_HOST = source.host;
  process.env.MEILI_MASTER_KEY = source.apiKey;
  await seedAndIndex();
});

afterAll(async () => {
  for (const engine of started) await engine.stop();
});

describe("backup and restore", () => {
  const quiet = path.join(work, "quiet");
  const sourceEnv = () => ({ DATABASE_URL: `file:${sourceDatabase}`, MEILI_DATA_DIR: source.dataDir });

  test("a restored backup has the same rows, documents, search results and uploaded images", async () => {
    // Was a gap: logos (and equipment photos) live beside the database and were not backed up.
    const listing = await prisma.organization.findFirstOrThrow({ where: { status: "published" } });
    const curator = await makeUser({ role: "curator" });
    const logo = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#0a7" } })
      .png()
      .toBuffer();
    await setOrganizationLogo({ ...listing, logoKey: null }, logo, curator.id);
    const { logoKey } = await prisma.organization.findUniqueOrThrow({ where: { id: listing.id } });
    const logoName = path.join("media", "logos", `${logoKey}-256.webp`);
    const logoBytes = fs.readFileSync(path.join(path.dirname(sourceDatabase), logoName));
    const digests = tableDigests(sourceDatabase);
    const documents = await organizationDocuments(configOf(source));
    const answers = await Promise.all(QUERIES.map((q) => searchIds(configOf(source), q)));
    expect(documents.length).toBe(await prisma.organization.count({ where: { status: "published" } }));
    expect(answers.every((ids) => ids.length > 0)).toBe(true);

    const backup = await runScript("backup", ["--out", quiet], sourceEnv());
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/the running portal's/); // it used this engine instead of starting one
    const manifest = readManifest(quiet);
    expect(manifest.database.tables).toEqual(
      Object.fromEntries(Object.entries(digests).map(([name, { rows }]) => [name, rows])),
    );
    expect(manifest.search).toMatchObject({
      engine: "local",
      countedFrom: "dump",
      pendingTasks: 0,
      requeue: [],
      indexPrefix: prefix,
    });
    expect(manifest.search!.indexes[`${prefix}organizations`]).toBe(documents.length);
    const media = Object.keys(manifest.files).filter((name) => name.startsWith(`media${path.sep}`));
    expect(Object.keys(manifest.files).sort()).toEqual(
      [manifest.database.file, manifest.search!.dumpFile, ...media].sort(),
    );
    expect(media).toContain(logoName);
    // The dump moved out of the engine's dump directory into the backup.
    expect(fs.readdirSync(path.join(source.dataDir, "dumps"))).toEqual([]);
    // Was a bug: the backup (every password hash) and the engine's data were readable by anyone.
    const backupModes = modesUnder(quiet);
    expect(backupModes).toMatchObject({
      quiet: "700",
      [`quiet/${manifest.database.file}`]: "600",
      [`quiet/${manifest.search!.dumpFile}`]: "600",
    });
    expectPrivate(backupModes);

    const target = freshTarget("quiet-restored");
    const restore = await runScript("restore", [quiet], target.env);
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/migrations: up to date/);
    expect(restore.stdout).toMatch(
      new RegExp(`${prefix}organizations: ${documents.length} documents, as in the backup`),
    );

    expect(tableDigests(target.database)).toEqual(digests);
    expect(fs.readFileSync(path.join(path.dirname(target.database), logoName)).equals(logoBytes)).toBe(true);
    expectPrivate(modesUnder(target.database, target.dataDir, path.join(path.dirname(target.database), "media")));
    const restored = await startEngine(target.dataDir);
    const config = configOf(restored);
    expect(await documentCounts(config)).toEqual(await documentCounts(configOf(source)));
    expect(await organizationDocuments(config)).toEqual(documents);
    for (const [i, q] of QUERIES.entries()) expect(await searchIds(config, q), q).toEqual(answers[i]);
    // The portal's start takes the imported indexes as they are: no setting to change, nothing to rebuild.
    const db = createPrismaClient(target.env.DATABASE_URL);
    try {
      expect(await prepareSearch(db, { config })).toEqual({ settingsChanged: [], rebuilt: [] });
    } finally {
      await db.$disconnect();
    }
  }, 180_000);

  test("a backup taken while rows are written is one moment, and the index follows the restored database", async () => {
    const online = path.join(work, "online");
    let writing = true;
    let written = 0;
    // Stands for a busy portal: a listing, then an account, again and again,
    // while its outbox worker indexes the listings.
    const writer = (async () => {
      while (writing) {
        written++;
        await createOrganization(
          { slug: `online-${written}`, kind: "lab", nameEn: `Online Laboratory ${written}`, status: "published" },
          { origin: "portal" },
        );
        await prisma.user.create({
          data: {
            email: `online-${written}@example.vn`,
            name: `Online ${written}`,
            passwordHash: "-",
            accountType: "business",
          },
        });
        // SQLite answers synchronously under Prisma's promises: without a turn
        // of the event loop, the backup's exit would never be noticed.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const indexer = (async () => {
      while (writing) {
        await new SearchOutboxWorker({ db: prisma }).drain();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const backup = await runScript("backup", ["--out", online], sourceEnv()).finally(() => (writing = false));
    await Promise.all([writer, indexer]);
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    const manifest = readManifest(online);

    const target = freshTarget("online-restored");
    const restore = await runScript("restore", [online], target.env);
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);

    // The copy is a single moment: listings 1..k and accounts 1..k (or k-1, mid-pair), no gaps.
    const numbers = (sql: string) =>
      readRows(target.database, sql)
        .map(([value]) => Number(String(value).replace(/^online-(\d+).*$/, "$1")))
        .sort((a, b) => a - b);
    const organizations = numbers(`SELECT slug FROM "Organization" WHERE slug LIKE 'online-%'`);
    const users = numbers(`SELECT email FROM "User" WHERE email LIKE 'online-%'`);
    const k = organizations.length;
    expect(k).toBeGreaterThan(0); // written before the copy…
    expect(k).toBeLessThan(written); // …and after it: the backup ran while the writer did
    expect(organizations).toEqual(Array.from({ length: k }, (_, i) => i + 1));
    expect(users).toEqual(Array.from({ length: users.length }, (_, i) => i + 1));
    expect(k - users.length).toBeGreaterThanOrEqual(0);
    expect(k - users.length).toBeLessThanOrEqual(1);
    // Rows are as they were in the original, and the counts are the manifest's (plus the queued changes).
    for (const slug of [`online-1`, `online-${k}`, "hust"]) {
      const sql = `SELECT * FROM "Organization" WHERE slug = ?`;
      expect(readRows(target.database, sql, slug)).toEqual(readRows(sourceDatabase, sql, slug));
    }
    const counts = Object.fromEntries(
      Object.entries(tableDigests(target.database)).map(([name, { rows }]) => [name, rows]),
    );
    expect(counts).toEqual({
      ...manifest.database.tables,
      SearchOutbox: manifest.database.tables.SearchOutbox! + manifest.search!.requeue.length,
    });

    // After the worker's round (as at the portal's start), the index holds exactly the restored listings.
    const restored = await startEngine(target.dataDir);
    const config = configOf(restored);
    const db = createPrismaClient(target.env.DATABASE_URL);
    try {
      await new SearchOutboxWorker({ db, config }).drain();
      await expectIndexMatchesDatabase(db, config);
    } finally {
      await db.$disconnect();
    }
  }, 180_000);

  test("what changed between the database copy and the dump is queued, so the index follows the restored database", async () => {
    // On a small database the copy and the dump are milliseconds apart, too
    // close to aim a write at. This widens the gap: the database of the first
    // backup with the dump of a later one, and the list the backup script
    // computes for what was written in between.
    const first = readManifest(quiet);
    const hust = await prisma.organization.findUniqueOrThrow({ where: { slug: "hust" } });
    const late = await createOrganization(
      { slug: "late-lab", kind: "lab", nameEn: "Late Laboratory", status: "published" },
      { origin: "portal" },
    );
    await updateOrganization(hust.id, { nameEn: "Renamed after the copy" }, { origin: "portal" });
    await new SearchOutboxWorker({ db: prisma }).drain();
    const laterDir = path.join(work, "later");
    const backup = await runScript("backup", ["--out", laterDir], sourceEnv());
    expect(backup.code).toBe(0);
    const later = readManifest(laterDir);

    const mixed = path.join(work, "mixed");
    fs.cpSync(quiet, mixed, { recursive: true });
    fs.rmSync(path.join(mixed, first.search!.dumpFile!));
    fs.copyFileSync(path.join(laterDir, later.search!.dumpFile!), path.join(mixed, later.search!.dumpFile!));
    const requeue = entitiesWrittenSince(sourceDatabase, first.database.lastOutboxId);
    expect(requeue).toEqual(
      expect.arrayContaining([
        { entity: "organization", entityId: late.id },
        { entity: "organization", entityId: hust.id },
      ]),
    );
    const manifest: BackupManifest = {
      ...first,
      files: {
        [first.database.file]: first.files[first.database.file]!,
        [later.search!.dumpFile!]: later.files[later.search!.dumpFile!]!,
      },
      search: { ...later.search!, requeue },
    };
    fs.writeFileSync(path.join(mixed, "manifest.json"), JSON.stringify(manifest));

    const target = freshTarget("mixed-restored");
    const restore = await runScript("restore", [mixed], target.env);
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`${requeue.length} entities changed while the backup ran: queued`);

    const restored = await startEngine(target.dataDir);
    const config = configOf(restored);
    const index = searchClient(config).index(indexUid(ORGANIZATIONS_INDEX.base, config));
    // The dump is ahead of the database: a listing the database lacks, a name it does not have yet.
    expect((await index.getDocument(late.id)).slug).toBe("late-lab");
    expect((await index.getDocument(hust.id)).nameEn).toBe("Renamed after the copy");
    const db = createPrismaClient(target.env.DATABASE_URL);
    try {
      await new SearchOutboxWorker({ db, config }).drain();
      expect(await index.getDocument(late.id).then(() => "still there", meilisearchErrorCode)).toBe(
        "document_not_found",
      );
      expect((await index.getDocument(hust.id)).nameEn).toBe(hust.nameEn);
      await expectIndexMatchesDatabase(db, config);
    } finally {
      await db.$disconnect();
    }
  }, 180_000);

  test("restore refuses a damaged backup, an existing database without --force, and a database in use", async () => {
    const damaged = path.join(work, "damaged");
    fs.cpSync(quiet, damaged, { recursive: true });
    const databaseFile = path.join(damaged, readManifest(quiet).database.file);
    const bytes = fs.readFileSync(databaseFile);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff; // same size, one byte changed
    fs.writeFileSync(databaseFile, bytes);
    const fresh = freshTarget("damaged-restored");
    const refusedDamaged = await runScript("restore", [damaged], fresh.env);
    expect(refusedDamaged.code).toBe(1);
    expect(refusedDamaged.stderr).toMatch(
      /The backup is damaged:\s+\S+ has SHA-256 [0-9a-f]{64}, the manifest says [0-9a-f]{64}/,
    );
    expect(fs.existsSync(fresh.database)).toBe(false);
    expect(fs.existsSync(fresh.dataDir)).toBe(false);

    // Over the restore of the first test: refused, and nothing touched.
    const existing = path.join(work, "quiet-restored");
    const env = { DATABASE_URL: `file:${existing}/portal.db`, MEILI_DATA_DIR: `${existing}/meilisearch-refused` };
    const before = tableDigests(`${existing}/portal.db`);
    const refused = await runScript("restore", [quiet], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /Nothing was changed:\s+\S+portal\.db already holds a database \(\d+ organizations.*Pass --force to replace it/s,
    );
    expect(tableDigests(`${existing}/portal.db`)).toEqual(before);

    const forced = await runScript("restore", [quiet, "--force"], env);
    expect(forced.stderr).toBe("");
    expect(forced.code).toBe(0);
    expect(fs.readdirSync(existing).filter((name) => name.startsWith("portal.db.before-restore-"))).toHaveLength(1);

    // This test's own database is open in this process: even --force must not replace it under it.
    const inUse = await runScript("restore", [quiet, "--force"], {
      DATABASE_URL: `file:${sourceDatabase}`,
      MEILI_DATA_DIR: path.join(work, "unused"),
    });
    expect(inUse.code).toBe(1);
    expect(inUse.stderr).toMatch(new RegExp(`is open in process ${process.pid} `));
  }, 180_000);

  test("an older backup is migrated on restore", async () => {
    const migrations = fs
      .readdirSync(path.join(ROOT, "prisma/migrations"))
      .filter((name) => /^\d{14}_/.test(name))
      .sort();
    const older = path.join(work, "older-migrations");
    for (const name of migrations.slice(0, -1))
      fs.cpSync(path.join(ROOT, "prisma/migrations", name), path.join(older, name), { recursive: true });
    const oldDatabase = path.join(work, "older.db");
    applyMigrations({ databaseUrl: `file:${oldDatabase}`, migrationsDir: older });
    const backupDir = path.join(work, "older-backup");
    const backup = await runScript("backup", ["--out", backupDir, "--no-search"], {
      DATABASE_URL: `file:${oldDatabase}`,
      MEILI_DATA_DIR: path.join(work, "unused"),
    });
    expect(backup.code).toBe(0);
    expect(readManifest(backupDir).database.migrations).toEqual(migrations.slice(0, -1));
    expect(readManifest(backupDir).search).toBeNull();

    const target = freshTarget("older-restored");
    const restore = await runScript("restore", [backupDir], target.env);
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`migrated: ${migrations.at(-1)}`);
    expect(restore.stdout).toMatch(/no dump; the portal builds the index from the database/);
    expect(
      readRows(target.database, `SELECT migration_name FROM _prisma_migrations ORDER BY migration_name`).flat(),
    ).toEqual(migrations);
  }, 120_000);
});

/** The organizations index holds exactly the published listings of the database. */
async function expectIndexMatchesDatabase(
  db: ReturnType<typeof createPrismaClient>,
  config: Parameters<typeof organizationDocuments>[0],
) {
  const published = await db.organization.findMany({ where: { status: "published" }, select: { id: true } });
  const indexed = (await organizationDocuments(config)).map((document) => String(document.id));
  expect(indexed).toEqual(published.map((row) => row.id).sort((a, b) => a.localeCompare(b)));
}
