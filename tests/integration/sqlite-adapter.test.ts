import { describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";

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
});
