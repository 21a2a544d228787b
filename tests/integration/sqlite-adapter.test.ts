import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import { createPrismaClient, prisma, refreshPlannerStatistics } from "~/db/client.server";
import { isDatabaseBusy } from "~/db/busy.server";
import { databaseFilePath, resolveDatabaseUrl } from "~/db/database-url";
import { runDir } from "./run-dir";

describe("SQLite connection", () => {
  test("runs in WAL mode with foreign keys on", async () => {
    const [mode] = await prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(mode?.journal_mode).toBe("wal");
    const [keys] = await prisma.$queryRawUnsafe<{ foreign_keys: bigint | number }[]>("PRAGMA foreign_keys");
    expect(Number(keys?.foreign_keys)).toBe(1);
  });

  test("reads plan with the statistics of today, not of the day the connection opened", async () => {
    const file = path.join(runDir(), `statistics-${process.pid}.db`);
    fs.rmSync(file, { force: true });
    const setup = new Database(file);
    setup.exec(
      "CREATE TABLE Item (id TEXT PRIMARY KEY, status TEXT NOT NULL); CREATE INDEX Item_status_idx ON Item (status);",
    );
    setup.close();
    const client = createPrismaClient(`file:${file}`);
    try {
      // The portal's connections open while the table is empty…
      await client.$queryRawUnsafe("SELECT count(*) FROM Item");
      // …then another process (an import, a script) fills it.
      const other = new Database(file);
      const insert = other.prepare("INSERT INTO Item VALUES (?, 'published')");
      other.transaction(() => {
        for (let i = 0; i < 20_000; i++) insert.run(`item-${i}`);
      })();
      other.close();
      // A page of candidates by id, as the matching reads them.
      const ids = Array.from({ length: 150 }, (_, i) => `'item-${i * 100}'`).join(", ");
      const plan = async () =>
        (
          await client.$queryRawUnsafe<{ detail: string }[]>(
            `EXPLAIN QUERY PLAN SELECT id FROM Item WHERE id IN (${ids}) AND status = 'published'`,
          )
        )
          .map((row) => row.detail)
          .join(" ");
      // Planned as if the status were selective: every row read to find 150.
      expect(await plan()).toContain("Item_status_idx");
      await refreshPlannerStatistics(client);
      expect(await plan()).toContain("sqlite_autoindex_Item_1");
    } finally {
      await client.$disconnect();
    }
  });

  test("statistics are exact, not sampled: rows that all share a status are not taken for a selective index", async () => {
    const file = path.join(runDir(), `exact-statistics-${process.pid}.db`);
    fs.rmSync(file, { force: true });
    const setup = new Database(file);
    setup.exec(`CREATE TABLE Item (id TEXT PRIMARY KEY, status TEXT NOT NULL, kind TEXT NOT NULL);
      CREATE INDEX Item_status_kind_idx ON Item (status, kind);`);
    const insert = setup.prepare("INSERT INTO Item VALUES (?, 'published', ?)");
    setup.transaction(() => {
      for (let i = 0; i < 5_000; i++) insert.run(`item-${i}`, `kind-${i % 5}`);
    })();
    setup.close();
    const client = createPrismaClient(`file:${file}`);
    try {
      // As the portal does on its database file: the ANALYZE on a worker thread.
      await refreshPlannerStatistics(client, file);
      const [row] = await client.$queryRawUnsafe<{ stat: string }[]>(
        "SELECT stat FROM sqlite_stat1 WHERE idx = 'Item_status_kind_idx'",
      );
      // Rows, rows per status, rows per (status, kind). Sampled (analysis_limit 1000): "5000 1001 1001".
      expect(row?.stat).toBe("5000 5000 1000");
      // The client's own connection plans with the new numbers without reopening.
      const [plan] = await client.$queryRawUnsafe<{ detail: string }[]>(
        "EXPLAIN QUERY PLAN SELECT id FROM Item WHERE id IN ('item-1', 'item-2') AND status = 'published'",
      );
      expect(plan?.detail).toContain("sqlite_autoindex_Item_1");
    } finally {
      await client.$disconnect();
    }
  });

  test("a query from another request never runs inside someone else's open transaction", async () => {
    let insideTransaction!: () => void;
    const started = new Promise<void>((resolve) => (insideTransaction = resolve));
    const transaction = prisma
      .$transaction(async (tx) => {
        await tx.field.create({ data: { slug: "uncommitted", nameVi: "x", nameEn: "x" } });
        insideTransaction();
        await new Promise((resolve) => setTimeout(resolve, 150));
        throw new Error("roll back");
      })
      .catch((error: Error) => error.message);

    await started;
    // Meanwhile, another request writes and reads.
    const [outsideCount] = await Promise.all([
      prisma.field.count({ where: { slug: "uncommitted" } }),
      prisma.field.create({ data: { slug: "committed-meanwhile", nameVi: "y", nameEn: "y" } }),
    ]);
    expect(outsideCount).toBe(0);
    expect(await transaction).toBe("roll back");
    // The other request's write survived the rollback; the rolled-back one is gone.
    expect(await prisma.field.count({ where: { slug: "committed-meanwhile" } })).toBe(1);
    expect(await prisma.field.count({ where: { slug: "uncommitted" } })).toBe(0);
  });

  test("a read does not wait for another request's open transaction: it sees what was committed before", async () => {
    let insideTransaction!: () => void;
    const started = new Promise<void>((resolve) => (insideTransaction = resolve));
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    const transaction = prisma.$transaction(
      async (tx) => {
        await tx.field.create({ data: { slug: "held-open", nameVi: "x", nameEn: "x" } });
        insideTransaction();
        // Ends only once the read below has answered: a read that waited for it would never answer.
        await held;
      },
      { timeout: 20_000 },
    );
    await started;
    const read = await Promise.race([
      prisma.field.count({ where: { slug: "held-open" } }),
      new Promise((resolve) => setTimeout(() => resolve("still waiting after 5 s"), 5_000)),
    ]);
    finish();
    await transaction;
    expect(read).toBe(0);
    expect(await prisma.field.count({ where: { slug: "held-open" } })).toBe(1);
  });

  test("a query on the shared client inside a transaction fails at once instead of waiting for it", async () => {
    const started = Date.now();
    const outcome = await prisma
      .$transaction(async (tx) => {
        await tx.field.create({ data: { slug: "before-the-mistake", nameVi: "x", nameEn: "x" } });
        // The mistake: `prisma` where `tx` was meant. Unguarded, this waits for the transaction it is in.
        await prisma.field.count();
      })
      .then(
        () => "committed",
        (error: Error) => error.message,
      );
    expect(outcome).toMatch(/inside a transaction would wait for that transaction to end; use its tx client/);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await prisma.field.count({ where: { slug: "before-the-mistake" } })).toBe(0);
  });

  test("work a transaction starts in the background may use the shared client once it has ended", async () => {
    let ended!: () => void;
    const end = new Promise<void>((resolve) => (ended = resolve));
    let later!: Promise<number>;
    await prisma.$transaction(async (tx) => {
      // Started in the callback, so it carries the callback's mark, but runs after the commit.
      later = end.then(() => prisma.field.count({ where: { slug: "in-the-background" } }));
      await tx.field.create({ data: { slug: "in-the-background", nameVi: "x", nameEn: "x" } });
    });
    ended();
    expect(await later).toBe(1);
  });

  test("a transaction that runs past its time limit is rolled back and answered as busy, not as a fault", async () => {
    const error = await prisma
      .$transaction(
        async (tx) => {
          await tx.field.create({ data: { slug: "too-slow", nameVi: "x", nameEn: "x" } });
          await new Promise((resolve) => setTimeout(resolve, 300));
          await tx.field.count();
        },
        { timeout: 100 },
      )
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(String((error as Error)?.message)).toMatch(/expired transaction/);
    expect(isDatabaseBusy(error)).toBe(true);
    expect(await prisma.field.count({ where: { slug: "too-slow" } })).toBe(0);
    // The connection is free again.
    expect(await prisma.field.create({ data: { slug: "after-the-slow-one", nameVi: "y", nameEn: "y" } })).toMatchObject(
      { slug: "after-the-slow-one" },
    );
  });

  test("a new connection waits for another process's write lock when its start-up analysis must write", async () => {
    const file = path.join(runDir(), `connect-busy-${process.pid}.db`);
    fs.rmSync(file, { force: true });
    const setup = new Database(file);
    setup.pragma("journal_mode = WAL");
    // A table never analyzed: the connection's PRAGMA optimize analyzes it, which takes the write lock.
    setup.exec(
      "CREATE TABLE Item (id TEXT PRIMARY KEY, status TEXT NOT NULL); CREATE INDEX Item_status_idx ON Item (status);",
    );
    setup.prepare("INSERT INTO Item VALUES (?, ?)").run("a", "published");
    setup.exec("BEGIN IMMEDIATE");
    const client = createPrismaClient(`file:${file}`);
    try {
      const first = client.$executeRawUnsafe("INSERT INTO Item VALUES ('b', 'draft')");
      setTimeout(() => setup.exec("COMMIT"), 300);
      await first;
      const rows = await client.$queryRawUnsafe<{ n: bigint | number }[]>("SELECT count(*) AS n FROM Item");
      expect(Number(rows[0]!.n)).toBe(2);
    } finally {
      if (setup.inTransaction) setup.exec("ROLLBACK");
      setup.close();
      await client.$disconnect();
    }
  });

  test("waits for another process's write lock without blocking Node, then writes", async () => {
    const other = new Database(databaseFilePath(resolveDatabaseUrl())!);
    other.exec("BEGIN IMMEDIATE");
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 50);
    try {
      // Reads first, then writes: a deferred transaction would fail at once here.
      const write = prisma.$transaction(async (tx) => {
        await tx.field.count();
        return tx.field.create({ data: { slug: "after-the-lock", nameVi: "z", nameEn: "z" } });
      });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(await prisma.field.count({ where: { slug: "after-the-lock" } })).toBe(0);
      other.exec("COMMIT");
      await write;
      expect(ticks).toBeGreaterThan(10);
      expect(await prisma.field.count({ where: { slug: "after-the-lock" } })).toBe(1);
    } finally {
      clearInterval(ticker);
      if (other.inTransaction) other.exec("ROLLBACK");
      other.close();
    }
  });
});
