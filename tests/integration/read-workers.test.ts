import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { prisma, readRows, readRowsNow } from "~/db/client.server";
import { databaseFilePath, resolveDatabaseUrl } from "~/db/database-url";
import { isDatabaseBusy } from "~/db/busy.server";
import { ReadWorkers, ReadWorkersBusy } from "~/db/read-workers.server";
import { makeOrganization } from "../factories";

const file = databaseFilePath(resolveDatabaseUrl())!;
const pool = new ReadWorkers(file, 2);
afterAll(() => pool.close());

// A statement that keeps SQLite busy for a while: a million-row recursive count.
const slow = Prisma.sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${1_000_000})
  SELECT COUNT(*) AS c FROM n`;

describe("read workers (decision 059)", () => {
  test("return the rows Prisma returns, parameters bound, committed writes seen", async () => {
    const organization = await makeOrganization({ nameVi: "Viện Đọc Song Song" });
    const statement = Prisma.sql`SELECT id, nameVi FROM Organization WHERE id = ${organization.id} AND 1 = ${true}`;
    const rows = await pool.all<{ id: string; nameVi: string }>(statement);
    expect(rows).toEqual([{ id: organization.id, nameVi: "Viện Đọc Song Song" }]);
    expect(await readRows(statement, prisma)).toEqual(rows);
  });

  test("a long read leaves the app's thread free: a timer set after it fires before it ends", async () => {
    const events: string[] = [];
    const read = readRows<{ c: number }>(slow, prisma).then((rows) => events.push(`read ${rows[0]!.c}`));
    await new Promise((resolve) => setTimeout(resolve, 0));
    events.push("timer");
    await read;
    expect(events).toEqual(["timer", "read 1000000"]);
  });

  test("reads run side by side on the workers", async () => {
    // Both start before either ends: the second does not wait for the first in a queue.
    const order: string[] = [];
    await Promise.all([
      pool.all(slow).then(() => order.push("first")),
      pool.all(Prisma.sql`SELECT 1 AS one`).then(() => order.push("quick")),
    ]);
    expect(order).toEqual(["quick", "first"]);
  });

  test("a request's later read goes before other requests' first reads (decision 078)", async () => {
    const one = new ReadWorkers(file, 1);
    try {
      const order: string[] = [];
      const busy = one.all(slow).then(() => order.push("busy"));
      const first = one.all(Prisma.sql`SELECT 1 AS one`).then(() => order.push("another search's first"));
      const later = one.all(Prisma.sql`SELECT 2 AS two`, { followUp: true }).then(() => order.push("a search's cards"));
      await Promise.all([busy, first, later]);
      expect(order).toEqual(["busy", "a search's cards", "another search's first"]);
    } finally {
      await one.close();
    }
  });

  test("a script that read on a worker exits once its work is done, and not before", () => {
    // `npm run task` ends when nothing is left to do: the workers hold it only while they read.
    const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "read-workers-")), "script.mjs");
    fs.writeFileSync(
      script,
      `import { ReadWorkers } from ${JSON.stringify(path.resolve("app/db/read-workers.server.ts"))};
      const pool = new ReadWorkers(${JSON.stringify(file)}, 2);
      console.log(JSON.stringify(await pool.all({ sql: "SELECT 1 AS one", values: [] })));`,
    );
    const run = spawnSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8", timeout: 30_000 });
    fs.rmSync(path.dirname(script), { recursive: true, force: true });
    expect(run.signal, run.stderr).toBeNull();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('[{"one":1}]');
  });

  test("a bad statement fails its read only; the worker goes on answering", async () => {
    await expect(pool.all(Prisma.sql`SELECT nope FROM Organization`)).rejects.toThrow(/no such column/);
    await expect(pool.all(Prisma.sql`INSERT INTO Field (id) VALUES ('x') RETURNING id`)).rejects.toThrow(/readonly/);
    expect(await pool.all(Prisma.sql`SELECT 2 AS two`)).toEqual([{ two: 2 }]);
  });

  test("past 256 waiting reads, a read fails at once as busy (503), and the others are answered", async () => {
    const one = new ReadWorkers(file, 1);
    try {
      const reads = [one.all(slow), ...Array.from({ length: 256 }, () => one.all(Prisma.sql`SELECT 1 AS one`))];
      const refused = await one.all(Prisma.sql`SELECT 1 AS one`).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ReadWorkersBusy);
      expect(isDatabaseBusy(refused)).toBe(true);
      expect((await Promise.all(reads)).length).toBe(257);
      expect(await one.all(Prisma.sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
    } finally {
      await one.close();
    }
  });

  test.each([
    ["a worker's read", readRows],
    ["a read on this thread (decision 078)", readRowsNow],
  ])("inside a transaction %s stays on the transaction's connection, which sees its own writes", async (_, read) => {
    const seen = await prisma
      .$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE Organization SET nameVi = 'Trong giao dịch' WHERE id = (SELECT id FROM Organization LIMIT 1)`;
        const rows = await read<{ n: number }>(
          Prisma.sql`SELECT COUNT(*) AS n FROM Organization WHERE nameVi = 'Trong giao dịch'`,
          tx,
        );
        throw Object.assign(new Error("roll back"), { rows });
      })
      .catch((error: { rows: { n: number }[] }) => error.rows);
    expect(Number(seen[0]!.n)).toBe(1);
  });
});

describe("short reads on this thread (decision 078)", () => {
  test("return Prisma's rows from a prepared statement, and see each write once committed", async () => {
    const organization = await makeOrganization({ nameVi: "Viện Đọc Tại Chỗ" });
    const statement = Prisma.sql`SELECT id, nameVi, verified FROM Organization WHERE id = ${organization.id} AND 1 = ${true}`;
    const rows = await readRowsNow<{ id: string; nameVi: string; verified: number }>(statement, prisma);
    expect(rows).toEqual([{ id: organization.id, nameVi: "Viện Đọc Tại Chỗ", verified: 0 }]);
    await prisma.organization.update({ where: { id: organization.id }, data: { nameVi: "Viện Đã Đổi Tên" } });
    expect((await readRowsNow<{ nameVi: string }>(statement, prisma))[0]?.nameVi).toBe("Viện Đã Đổi Tên");
  });
});
