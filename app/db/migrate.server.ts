import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFilePath, resolveDatabaseUrl } from "./database-url";

/**
 * Applies the SQL migrations in prisma/migrations, recording them in Prisma's
 * own `_prisma_migrations` table (same columns, same SHA-256 checksums), so
 * `prisma migrate status` and `prisma migrate deploy` agree with it.
 *
 * Why not `prisma migrate deploy` at start: Prisma 6.19's WebAssembly schema
 * engine fails with a timeout whenever another process has the database open
 * (a running script, a second portal), see docs/decisions/002. Each migration
 * runs in its own IMMEDIATE transaction, so two starts cannot apply one twice
 * and a failing migration leaves nothing half-applied.
 */
const TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export type MigrationReport = { applied: string[]; alreadyApplied: number };

export function applyMigrations(options: { databaseUrl?: string; migrationsDir?: string } = {}): MigrationReport {
  const file = databaseFilePath(resolveDatabaseUrl(options.databaseUrl));
  if (!file) throw new Error("migrations need a database file");
  const migrationsDir = options.migrationsDir ?? path.resolve(import.meta.dirname, "../../prisma/migrations");
  const migrations = fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();

  const db = new Database(file, { timeout: 15_000 });
  try {
    db.pragma("journal_mode = WAL");
    // Off for the whole run, as SQLite's table-redefinition recipe needs: a migration's own
    // `PRAGMA foreign_keys=OFF` is a no-op inside its transaction, and with the keys on,
    // dropping a redefined table (`DROP TABLE "TechRequest"`) deletes every row that
    // references it through ON DELETE CASCADE. Each migration is checked before it commits.
    db.pragma("foreign_keys = OFF");
    db.exec(TABLE);
    const report: MigrationReport = { applied: [], alreadyApplied: 0 };
    for (const name of migrations) {
      const sql = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      const checksum = crypto.createHash("sha256").update(sql).digest("hex");
      const apply = db.transaction(() => {
        const rows = db
          .prepare(`SELECT checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE migration_name = ?`)
          .all(name) as { checksum: string; finished_at: string | null; rolled_back_at: string | null }[];
        const done = rows.find((row) => row.finished_at !== null && row.rolled_back_at === null);
        if (done) {
          if (done.checksum !== checksum) {
            throw new Error(`Migration ${name} was changed after it was applied; write a new migration instead.`);
          }
          return false;
        }
        if (rows.some((row) => row.finished_at === null && row.rolled_back_at === null)) {
          throw new Error(`Migration ${name} failed earlier and was not resolved (see prisma migrate resolve).`);
        }
        const started = new Date().toISOString().replace("Z", "+00:00");
        db.exec(sql);
        const broken = db.pragma("foreign_key_check") as unknown[];
        if (broken.length > 0) throw new Error(`Migration ${name} leaves ${broken.length} broken references.`);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES (?, ?, ?, ?, ?, 1)`,
        ).run(crypto.randomUUID(), checksum, new Date().toISOString().replace("Z", "+00:00"), name, started);
        return true;
      });
      if (apply.immediate()) report.applied.push(name);
      else report.alreadyApplied++;
    }
    return report;
  } finally {
    db.close();
  }
}
