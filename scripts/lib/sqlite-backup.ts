import fs from "node:fs";
import Database from "better-sqlite3";

/**
 * An online copy of the SQLite database through SQLite's backup API
 * (better-sqlite3's `db.backup`): safe while the portal reads and writes,
 * and the copy is one consistent moment, WAL content included.
 *
 * The copy goes in steps so that progress can be shown. A write by another
 * connection between two steps makes SQLite start over; after the first
 * restart the rest goes in one step, a single read transaction, which under
 * WAL never waits for (nor blocks) the portal's writers. So a busy portal
 * cannot keep the backup from finishing.
 */
export type CopyProgress = { copiedPages: number; totalPages: number };

const MIN_STEP_PAGES = 1_000;

export async function copyDatabaseOnline(
  source: string,
  destination: string,
  onProgress?: (progress: CopyProgress) => void,
): Promise<{ pages: number; restarts: number }> {
  const db = new Database(source, { fileMustExist: true, timeout: 15_000 });
  try {
    let previousRemaining = Number.POSITIVE_INFINITY;
    let restarts = 0;
    const done = await db.backup(destination, {
      progress: ({ totalPages, remainingPages }) => {
        // Every step copies at least one page: no progress means it started over.
        if (remainingPages >= previousRemaining) restarts++;
        previousRemaining = remainingPages;
        onProgress?.({ copiedPages: totalPages - remainingPages, totalPages });
        return restarts > 0 ? totalPages : Math.max(MIN_STEP_PAGES, Math.ceil(totalPages / 20));
      },
    });
    onProgress?.({ copiedPages: done.totalPages, totalPages: done.totalPages });
    return { pages: done.totalPages, restarts };
  } finally {
    db.close();
  }
}

export type DatabaseFacts = {
  tables: Record<string, number>;
  migrations: string[];
  lastOutboxId: number;
};

/**
 * Checks a copy and makes it a standalone file (rollback journal instead of
 * WAL, so it never needs a -wal beside it), then reads what the manifest
 * records about it.
 */
export function sealCopy(file: string): DatabaseFacts {
  const db = new Database(file, { fileMustExist: true });
  try {
    const check = db.pragma("integrity_check", { simple: false }) as { integrity_check: string }[];
    if (check.length !== 1 || check[0]?.integrity_check !== "ok") {
      throw new Error(
        `the copy fails SQLite's integrity check: ${check
          .map((row) => row.integrity_check)
          .slice(0, 5)
          .join("; ")}`,
      );
    }
    db.pragma("journal_mode = DELETE");
    return readFacts(db);
  } finally {
    db.close();
  }
}

/** Row counts of every table, applied migrations, the newest outbox row. */
export function databaseFacts(file: string): DatabaseFacts {
  // Read-write: a read-only connection cannot open a WAL database whose -shm is missing.
  const db = new Database(file, { fileMustExist: true, timeout: 15_000 });
  try {
    return readFacts(db);
  } finally {
    db.close();
  }
}

function readFacts(db: Database.Database): DatabaseFacts {
  const names = db
    // Plain tables only: a full-text index (and its shadow tables) mirrors one of them.
    .prepare(
      `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const tables: Record<string, number> = {};
  for (const name of names)
    tables[name] = db
      .prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`)
      .pluck()
      .get() as number;
  const migrations = names.includes("_prisma_migrations")
    ? (db
        .prepare(
          `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
        )
        .pluck()
        .all() as string[])
    : [];
  const lastOutboxId = names.includes("SearchOutbox")
    ? ((db.prepare(`SELECT max(id) FROM "SearchOutbox"`).pluck().get() as number | null) ?? 0)
    : 0;
  return { tables, migrations, lastOutboxId };
}

/** Entities whose outbox rows came after `lastOutboxId`: written since the copy was taken. */
export function entitiesWrittenSince(file: string, lastOutboxId: number): { entity: string; entityId: string }[] {
  const db = new Database(file, { fileMustExist: true, timeout: 15_000 });
  try {
    return db
      .prepare(`SELECT DISTINCT entity, entityId FROM "SearchOutbox" WHERE id > ? ORDER BY entity, entityId`)
      .all(lastOutboxId) as { entity: string; entityId: string }[];
  } finally {
    db.close();
  }
}

/** Rows in the database's own tables, not counting the migrations record; 0 for a missing or empty file. */
export function rowsInDatabase(file: string): number {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return 0;
  const { tables } = databaseFacts(file);
  return Object.entries(tables).reduce((sum, [name, rows]) => (name === "_prisma_migrations" ? sum : sum + rows), 0);
}
