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

  test("every foreign key leads an index: deleting an account or a listing never reads a whole table per row", () => {
    const { file, url } = scratch();
    applyMigrations({ databaseUrl: url });
    const db = new Database(file, { readonly: true });
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE '%VIRTUAL%'",
      )
      .all() as { name: string }[];
    const unindexed: string[] = [];
    for (const { name } of tables) {
      const leading = new Set(
        (db.prepare("SELECT name FROM pragma_index_list(?)").all(name) as { name: string }[]).map(
          (index) =>
            (db.prepare("SELECT name FROM pragma_index_info(?) WHERE seqno = 0").get(index.name) as { name: string })
              ?.name,
        ),
      );
      const keys = db
        .prepare('SELECT "from" AS column, "table" AS target FROM pragma_foreign_key_list(?)')
        .all(name) as {
        column: string;
        target: string;
      }[];
      for (const key of keys) if (!leading.has(key.column)) unindexed.push(`${name}.${key.column} → ${key.target}`);
    }
    db.close();
    expect(unindexed).toEqual([]);
  });

  test("a nullable foreign key has an index of its set values, which deleting the row it names uses when most are empty", () => {
    const { file, url } = scratch();
    applyMigrations({ databaseUrl: url });
    const db = new Database(file);
    const nullable = db
      .prepare(
        `SELECT m.name AS tableName, k."from" AS column FROM sqlite_master m
         JOIN pragma_foreign_key_list(m.name) k JOIN pragma_table_info(m.name) c ON c.name = k."from"
         WHERE m.type = 'table' AND c."notnull" = 0`,
      )
      .all() as { tableName: string; column: string }[];
    expect(nullable.length).toBeGreaterThan(20);
    const missing = nullable.filter(({ tableName, column }) => {
      const partial = db
        .prepare(`SELECT i.name, i.sql FROM sqlite_master i WHERE i.type = 'index' AND i.tbl_name = ? AND i.sql LIKE ?`)
        .all(tableName, `%WHERE "${column}" IS NOT NULL`) as { name: string }[];
      return !partial.some(
        (index) =>
          (db.prepare("SELECT name FROM pragma_index_info(?) WHERE seqno = 0").get(index.name) as { name: string })
            .name === column,
      );
    });
    expect(missing).toEqual([]);

    // 2,000 listings without a parent, and the planner's statistics of them: SQLite's own index of
    // parentId then reads as "every row has the same value", and removing a parent scanned the table.
    const insert = db.prepare(
      `INSERT INTO Organization (id, slug, kind, status, createdAt, updatedAt) VALUES (?, ?, 'lab', 'published', 0, 0)`,
    );
    db.transaction(() => {
      for (let i = 0; i < 2_000; i++) insert.run(`org${i}`, `org-${i}`);
    })();
    db.exec("ANALYZE");
    // What a delete's ON DELETE SET NULL runs for each listing removed.
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN UPDATE Organization SET parentId = NULL WHERE parentId = ?`).all("org1") as {
        detail: string;
      }[]
    ).map((row) => row.detail);
    expect(plan.join(" | ")).toMatch(/SEARCH Organization USING (COVERING )?INDEX Organization_parentId_set_idx/);
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

describe("the conversations migration", () => {
  /** Inserts a row with the given columns, and a placeholder in every other required column without a default. */
  function insert(db: Database.Database, table: string, values: Record<string, string | number>) {
    const columns = db.prepare(`PRAGMA table_info("${table}")`).all() as {
      name: string;
      notnull: number;
      dflt_value: unknown;
      pk: number;
    }[];
    const row: Record<string, string | number> = {};
    for (const column of columns) {
      if (column.notnull && column.dflt_value === null && !(column.name in values)) row[column.name] = 0;
    }
    Object.assign(row, values);
    const names = Object.keys(row);
    db.prepare(
      `INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(", ")}) VALUES (${names.map((name) => `@${name}`).join(", ")})`,
    ).run(row);
  }

  /** A business and two researchers with their profiles: the people of both migrations' data. */
  function withPeople(db: Database.Database) {
    for (const id of ["business", "scientist", "other"])
      insert(db, "User", { id, email: `${id}@example.vn`, name: id });
    insert(db, "ExpertProfile", { id: "expert", userId: "scientist", slug: "expert" });
    insert(db, "ExpertProfile", { id: "expert2", userId: "other", slug: "expert2" });
    return db;
  }

  /** A scratch database with every migration before the one named `…suffix`, and where that one is. */
  function migratedUpTo(suffix: string) {
    const { file, url } = scratch();
    const before = fs.mkdtempSync(path.join(runDir(), "migrations-"));
    const names = fs
      .readdirSync(path.join(ROOT, "prisma/migrations"))
      .filter((name) => /^\d{14}_/.test(name))
      .sort();
    const at = names.findIndex((name) => name.endsWith(suffix));
    expect(at).toBeGreaterThan(0);
    for (const name of names.slice(0, at))
      fs.cpSync(path.join(ROOT, "prisma/migrations", name), path.join(before, name), { recursive: true });
    applyMigrations({ databaseUrl: url, migrationsDir: before });
    return { file, url, names, at };
  }

  test("moves every match's messages into the match's conversation, with nothing lost", () => {
    const { file, url, names, at } = migratedUpTo("_conversations");

    // Two matches as the old schema held them: one with three messages, one with none.
    const old = withPeople(new Database(file));
    for (const [id, title] of [
      ["r1", "Xử lý nước thải dệt nhuộm"],
      ["r2", "Bảo quản nông sản"],
    ] as const)
      insert(old, "TechRequest", { id, authorId: "business", title, deadline: 0 });
    insert(old, "RequestResponse", { id: "resp1", requestId: "r1", responderId: "scientist", expertId: "expert" });
    insert(old, "RequestResponse", { id: "resp2", requestId: "r2", responderId: "other", expertId: "expert2" });
    insert(old, "Match", { id: "m1", requestId: "r1", responseId: "resp1", createdAt: 1_000 });
    insert(old, "Match", { id: "m2", requestId: "r2", responseId: "resp2", createdAt: 2_000 });
    const messages = [
      { id: "msg1", matchId: "m1", senderId: "business", body: "Chào anh", createdAt: 1_100 },
      { id: "msg2", matchId: "m1", senderId: "scientist", body: "Chào chị", createdAt: 1_200 },
      { id: "msg3", matchId: "m1", senderId: "business", body: "Hẹn thứ Hai", createdAt: 1_300 },
    ];
    for (const message of messages) insert(old, "Message", message);
    old.close();

    expect(applyMigrations({ databaseUrl: url }).applied).toEqual(names.slice(at));
    const db = new Database(file, { readonly: true });
    expect(
      db
        .prepare(
          `SELECT id, kind, subject, starterId, ownerUserId, matchId, lastMessageAt, createdAt
           FROM Conversation ORDER BY id`,
        )
        .all(),
    ).toEqual([
      {
        id: "m1",
        kind: "match",
        subject: "Xử lý nước thải dệt nhuộm",
        starterId: "business",
        ownerUserId: "scientist",
        matchId: "m1",
        lastMessageAt: 1_300,
        createdAt: 1_000,
      },
      {
        id: "m2",
        kind: "match",
        subject: "Bảo quản nông sản",
        starterId: "business",
        ownerUserId: "other",
        matchId: "m2",
        lastMessageAt: 2_000,
        createdAt: 2_000,
      },
    ]);
    expect(
      db.prepare("SELECT id, conversationId, senderId, body, event, createdAt FROM Message ORDER BY id").all(),
    ).toEqual(messages.map(({ matchId, ...message }) => ({ ...message, conversationId: matchId, event: null })));
    expect(db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    db.close();
  });

  test("gives every response its conversation: a matched one its match's, the others a new one", () => {
    const { file, url, names, at } = migratedUpTo("_request_conversations_and_feedback");

    // A matched response whose match has its conversation and a message, two responses without one.
    const old = withPeople(new Database(file));
    insert(old, "TechRequest", { id: "r1", authorId: "business", title: "Xử lý nước thải", deadline: 0 });
    insert(old, "TechRequest", { id: "r2", authorId: "business", title: "Bảo quản nông sản", deadline: 0 });
    const response = (id: string, requestId: string, responderId: string, status: string, createdAt: number) =>
      insert(old, "RequestResponse", {
        id,
        requestId,
        responderId,
        expertId: responderId === "scientist" ? "expert" : "expert2",
        status,
        createdAt,
        updatedAt: createdAt + 50,
      });
    response("resp1", "r1", "scientist", "accepted", 1_000);
    response("resp2", "r1", "other", "shortlisted", 2_000);
    response("resp3", "r2", "scientist", "submitted", 3_000);
    insert(old, "Match", { id: "m1", requestId: "r1", responseId: "resp1", createdAt: 1_500 });
    const matchConversation = {
      kind: "match",
      subject: "Xử lý nước thải",
      starterId: "business",
      ownerUserId: "scientist",
      matchId: "m1",
      lastMessageAt: 1_600,
      createdAt: 1_500,
    };
    insert(old, "Conversation", { id: "m1", ...matchConversation });
    insert(old, "Message", {
      id: "msg1",
      conversationId: "m1",
      senderId: "business",
      body: "Chào anh",
      createdAt: 1_600,
    });
    old.close();

    expect(applyMigrations({ databaseUrl: url }).applied).toEqual(names.slice(at));
    const db = new Database(file, { readonly: true });
    const rows = db
      .prepare(
        `SELECT responseId, kind, subject, starterId, ownerUserId, matchId, lastMessageAt, createdAt,
           id = 'm1' AS isMatchs FROM Conversation ORDER BY responseId`,
      )
      .all();
    expect(rows).toEqual([
      { responseId: "resp1", ...matchConversation, isMatchs: 1 },
      ...[
        ["resp2", "Xử lý nước thải", "other", 2_000],
        ["resp3", "Bảo quản nông sản", "scientist", 3_000],
      ].map(([responseId, subject, ownerUserId, at]) => ({
        responseId,
        kind: "response",
        subject,
        starterId: "business",
        ownerUserId,
        matchId: null,
        lastMessageAt: at,
        createdAt: at,
        isMatchs: 0,
      })),
    ]);
    // Nothing lost: the match's message stays in its conversation; the feedback times from the last change.
    expect(db.prepare("SELECT id, conversationId, body FROM Message").all()).toEqual([
      { id: "msg1", conversationId: "m1", body: "Chào anh" },
    ]);
    expect(db.prepare("SELECT id, feedbackAt FROM RequestResponse ORDER BY id").all()).toEqual([
      { id: "resp1", feedbackAt: 1_050 },
      { id: "resp2", feedbackAt: 2_050 },
      { id: "resp3", feedbackAt: null },
    ]);
    expect(db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    db.close();
  });
});
