import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { isDatabaseBusy } from "~/utils/database-busy.server";
import { databaseFilePath, resolveDatabaseUrl } from "~/utils/database-url";

describe("SQLite connection", () => {
  test("runs in WAL mode with foreign keys on", async () => {
    const [mode] = await prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(mode?.journal_mode).toBe("wal");
    const [keys] = await prisma.$queryRawUnsafe<{ foreign_keys: bigint | number }[]>("PRAGMA foreign_keys");
    expect(Number(keys?.foreign_keys)).toBe(1);
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
      .then(() => "committed", (error: Error) => error.message);
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
      .then(() => null, (caught: unknown) => caught);
    expect(String((error as Error)?.message)).toMatch(/expired transaction/);
    expect(isDatabaseBusy(error)).toBe(true);
    expect(await prisma.field.count({ where: { slug: "too-slow" } })).toBe(0);
    // The connection is free again.
    expect(await prisma.field.create({ data: { slug: "after-the-slow-one", nameVi: "y", nameEn: "y" } })).toMatchObject({ slug: "after-the-slow-one" });
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
