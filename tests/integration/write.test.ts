import crypto from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { onSearchOutboxWritten } from "#search/outbox";
import { onJobsEnqueued } from "~/jobs/queue.server";
import { write } from "~/models/write.server";
import { prisma } from "~/db/client.server";
import { createSqliteAdapter } from "~/db/sqlite-adapter.server";
import { PrismaClient } from "~/generated/prisma/client";
import { databaseFilePath, resolveDatabaseUrl } from "~/db/database-url";

/**
 * The write path's rule (decision 038): effects are rows in the write's
 * transaction, and the workers are woken after it commits, never on rollback.
 * A second connection reads the rows at the moment of each wake-up: a wake-up
 * sent before the commit would find them missing.
 */
let reader: Database.Database;
const events: string[] = [];
const unsubscribe: (() => void)[] = [];
const written = { emails: [] as string[] };

function rowsVisible(entityId: string, email: string) {
  const outbox = reader.prepare("SELECT COUNT(*) AS n FROM SearchOutbox WHERE entityId = ?").get(entityId) as {
    n: number;
  };
  const jobs = reader.prepare("SELECT COUNT(*) AS n FROM Job WHERE payload LIKE ?").get(`%${email}%`) as { n: number };
  return `outbox ${outbox.n}, jobs ${jobs.n}`;
}

function marks() {
  // Ids no listing and no account has: the workers' handling of them is a no-op.
  const entityId = `write-test-${crypto.randomUUID()}`;
  const email = `write-test-${crypto.randomUUID()}@example.invalid`;
  written.emails.push(email);
  return { entityId, email };
}

beforeAll(() => {
  reader = new Database(databaseFilePath(resolveDatabaseUrl())!, { readonly: true });
});

afterEach(() => {
  for (const stop of unsubscribe.splice(0)) stop();
  events.length = 0;
});

afterAll(async () => {
  await prisma.searchOutbox.deleteMany({ where: { entityId: { startsWith: "write-test-" } } });
  for (const email of written.emails) await prisma.job.deleteMany({ where: { payload: { contains: email } } });
  reader.close();
});

describe("write()", () => {
  test("wakes the search and job workers after the commit, with the rows already visible to other connections", async () => {
    const { entityId, email } = marks();
    unsubscribe.push(onSearchOutboxWritten(() => events.push(`search woken: ${rowsVisible(entityId, email)}`)));
    unsubscribe.push(onJobsEnqueued(() => events.push(`jobs woken: ${rowsVisible(entityId, email)}`)));

    await write(async (_tx, effects) => {
      await effects.reindex("organization", [entityId]);
      await effects.enqueue("password-reset", { email });
      events.push(`in transaction: ${rowsVisible(entityId, email)}`);
    });
    events.push("write returned");

    expect(events).toEqual([
      "in transaction: outbox 0, jobs 0",
      "search woken: outbox 1, jobs 1",
      "jobs woken: outbox 1, jobs 1",
      "write returned",
    ]);
  });

  test("a rolled-back write leaves no outbox or job row and wakes nothing", async () => {
    const { entityId, email } = marks();
    unsubscribe.push(onSearchOutboxWritten(() => events.push("search woken")));
    unsubscribe.push(onJobsEnqueued(() => events.push("jobs woken")));

    const failure = new Error("refused after the effects were written");
    await expect(
      write(async (_tx, effects) => {
        await effects.reindex("organization", [entityId]);
        await effects.enqueue("password-reset", { email });
        throw failure;
      }),
    ).rejects.toBe(failure);

    expect(events).toEqual([]);
    expect(rowsVisible(entityId, email)).toBe("outbox 0, jobs 0");
    expect(await prisma.searchOutbox.count({ where: { entityId } })).toBe(0);
    expect(await prisma.job.count({ where: { payload: { contains: email } } })).toBe(0);
  });

  test("wakes only the worker whose rows it wrote", async () => {
    const { email } = marks();
    unsubscribe.push(onSearchOutboxWritten(() => events.push("search woken")));
    unsubscribe.push(onJobsEnqueued(() => events.push("jobs woken")));

    await write((_tx, effects) => effects.enqueue("password-reset", { email }));
    await write(async (tx) => {
      await tx.user.count();
    });

    expect(events).toEqual(["jobs woken"]);
  });

  test("reindex writes its outbox rows around Prisma's per-row query layer, as createMany stored them", async () => {
    // createMany's query compiler cost a 50,000-row import a third more CPU (decision 043).
    const modelCalls: string[] = [];
    // A client of its own: the shared one's $transaction wrapper would hand out an unobserved `tx`.
    const base = new PrismaClient({ adapter: createSqliteAdapter(resolveDatabaseUrl()) });
    const observed = base.$extends({
      query: {
        $allModels: {
          $allOperations({ model, operation, args, query }) {
            modelCalls.push(`${model}.${operation}`);
            return query(args);
          },
        },
      },
    }) as unknown as typeof prisma;
    // More ids than one INSERT takes, and one of them twice.
    const ids = Array.from({ length: 1_201 }, () => `write-test-${crypto.randomUUID()}`);
    const before = new Date();
    await write((_tx, effects) => effects.reindex("organization", [...ids, ids[0]!]), { db: observed }).finally(() =>
      base.$disconnect(),
    );

    expect(modelCalls).toEqual([]);
    const rows = await prisma.searchOutbox.findMany({ where: { entityId: { in: ids } } });
    expect(rows).toHaveLength(ids.length);
    for (const row of rows) {
      expect(row).toMatchObject({ entity: "organization", attempts: 0, processedAt: null, claimToken: null });
      expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
      expect(row.availableAt).toEqual(row.createdAt);
    }
    // Stored as Prisma stores dates, so the worker's `availableAt <= now` compares them as text correctly.
    const stored = reader
      .prepare("SELECT DISTINCT createdAt, availableAt FROM SearchOutbox WHERE entityId = ?")
      .all(ids[0]) as { createdAt: string; availableAt: string }[];
    expect(stored).toEqual([
      { createdAt: rows[0]!.createdAt.toISOString().replace("Z", "+00:00"), availableAt: stored[0]!.createdAt },
    ]);
  });
});
