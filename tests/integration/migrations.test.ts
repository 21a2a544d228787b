import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import { applyMigrations } from "~/db/migrate.server";
import { ROOT } from "../setup/paths";
import { runDir } from "./run-dir";

function scratch() {
  const file = path.join(runDir(), `migrations-${crypto.randomBytes(4).toString("hex")}.db`);
  return { file, url: `file:${file}` };
}

describe("migrations", () => {
  test("apply to an empty database, are recorded as Prisma records them, and apply once", async () => {
    const { file, url } = scratch();
    const first = applyMigrations({ databaseUrl: url });
    const names = fs
      .readdirSync(path.join(ROOT, "prisma/migrations"))
      .filter((name) => /^\d{14}_/.test(name))
      .sort();
    expect(first.applied).toEqual(names);
    expect(applyMigrations({ databaseUrl: url })).toEqual({ applied: [], alreadyApplied: names.length });

    const db = new Database(file, { readonly: true });
    const rows = db
      .prepare("SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name")
      .all() as {
      migration_name: string;
      checksum: string;
      finished_at: string;
    }[];
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = fs.readFileSync(path.join(ROOT, "prisma/migrations", row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(crypto.createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toMatch(/^\d{4}-\d\d-\d\dT.*\+00:00$/);
    }
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(["Organization", "Field", "SearchOutbox"]),
    );
    db.close();
  });

  test("work while another process holds the database open, and refuse an edited migration", async () => {
    const { file, url } = scratch();
    const other = new Database(file);
    other.pragma("journal_mode = WAL");
    other.exec("CREATE TABLE IF NOT EXISTS unrelated (x)");
    try {
      expect(applyMigrations({ databaseUrl: url }).applied.length).toBeGreaterThan(0);
    } finally {
      other.close();
    }
    const db = new Database(file);
    db.prepare("UPDATE _prisma_migrations SET checksum = 'edited'").run();
    db.close();
    expect(() => applyMigrations({ databaseUrl: url })).toThrow(/was changed after it was applied/);
  });

  test.each([
    {
      table: "Organization",
      migration: "_organization_search_fts",
      insert: `INSERT INTO Organization (id, slug, kind, status, searchText, createdAt, updatedAt)
        VALUES (@id, @id, 'lab', 'published', @text, 0, 0)`,
    },
    {
      table: "Offer",
      migration: "_offer_search_fts",
      insert: `INSERT INTO Offer (id, type, status, searchText, createdAt, updatedAt)
        VALUES (@id, 'service', 'published', @text, 0, 0)`,
    },
  ])("the $table full-text index migration indexes the rows already there, and follows later writes", (table) => {
    const { file, url } = scratch();
    const all = fs.mkdtempSync(path.join(runDir(), "migrations-"));
    const names = fs
      .readdirSync(path.join(ROOT, "prisma/migrations"))
      .filter((name) => /^\d{14}_/.test(name))
      .sort();
    const fts = names.findIndex((name) => name.endsWith(table.migration));
    expect(fts).toBeGreaterThan(0);
    // The migrations before it, as an existing database has them, with a row in it.
    for (const name of names.slice(0, fts))
      fs.cpSync(path.join(ROOT, "prisma/migrations", name), path.join(all, name), { recursive: true });
    applyMigrations({ databaseUrl: url, migrationsDir: all });
    const db = new Database(file);
    db.prepare(table.insert).run({ id: "before", text: "phong thi nghiem duong ong quacca" });
    db.close();

    expect(applyMigrations({ databaseUrl: url }).applied).toEqual(names.slice(fts));
    const after = new Database(file);
    const search = `${table.table}Search`;
    const found = (q: string) =>
      after
        .prepare(
          `SELECT o.id FROM ${search} s JOIN ${table.table} o ON o.rowid = s.rowid
           WHERE ${search} MATCH ? ORDER BY o.id`,
        )
        .pluck()
        .all(q);
    expect(found('"quacca"*')).toEqual(["before"]);
    after.prepare(`UPDATE ${table.table} SET searchText = 'vien numbat' WHERE id = 'before'`).run();
    after.prepare(table.insert).run({ id: "later", text: "vien quacca" });
    expect(found('"quacca"*')).toEqual(["later"]);
    expect(found('"numbat"*')).toEqual(["before"]);
    after.prepare(`DELETE FROM ${table.table} WHERE id = 'later'`).run();
    expect(found('"quacca"*')).toEqual([]);
    expect(after.prepare(`INSERT INTO ${search} (${search}) VALUES ('integrity-check')`).run()).toBeTruthy();
    after.close();
  });
});
