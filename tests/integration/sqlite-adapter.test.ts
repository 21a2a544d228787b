import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
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
