import { PrismaClient, type Prisma } from "~/generated/prisma/client";
import { databaseFilePath, resolveDatabaseUrl } from "./database-url";
import { remember } from "@epic-web/remember";
import { analyzeOnWorkerThread } from "./analyze.server";
import { readWorkersFor, reopenReadWorkers } from "./read-workers.server";
import { readOnThisThread, reopenThreadReaders } from "./thread-reader.server";
import { isDatabaseBusy } from "./busy.server";
import { BUSY_TIMEOUT_MS, createSqliteAdapter, runAsTransactionCallback } from "./sqlite-adapter.server";

export type Db = PrismaClient;
/** A Prisma client or the client of an open transaction. */
export type DbClient = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createPrismaClient(url = resolveDatabaseUrl()): PrismaClient {
  const client = new PrismaClient({
    adapter: createSqliteAdapter(url),
    // Starting a transaction may wait BUSY_TIMEOUT_MS for another process's
    // write lock, after this process's own transactions ahead of it; Prisma's
    // default (2 s) would give up first.
    transactionOptions: { maxWait: 2 * BUSY_TIMEOUT_MS },
  });
  // Interactive transactions run their callback marked, so that a stray query
  // on the shared client inside one fails at once (sqlite-adapter.server.ts).
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  client.$transaction = ((...args: unknown[]) =>
    typeof args[0] === "function"
      ? runAsTransactionCallback(() => transaction(...args))
      : transaction(...args)) as PrismaClient["$transaction"];
  return client;
}

export const prisma: PrismaClient = remember("prisma", () => createPrismaClient());
// The shared client's file, found once as the client was made: the read workers open the same one.
const prismaFile = remember("prisma-file", () => databaseFilePath(resolveDatabaseUrl()));

/**
 * Fresh statistics for SQLite's query planner, after the data grew (a bulk
 * import) and hourly. ANALYZE rather than `PRAGMA optimize`: on a connection
 * opened while a table was empty, optimize never analyzes it, however large
 * it grows, and the planner then takes `status = ?` for a selective index
 * (34 ms instead of 0.2 for 150 profiles by id at 50,000). On a database file
 * the ANALYZE runs on a worker thread, exact (app/db/analyze.server.ts); then
 * `ANALYZE sqlite_schema`, which only reloads the numbers, gives them to this
 * client's connection, and the adapter's reader and the read workers open
 * again, so every read plans with them.
 */
export async function refreshPlannerStatistics(
  db: DbClient = prisma,
  file: string | null = db === prisma ? prismaFile : null,
) {
  if (file) await analyzeOnWorkerThread(file);
  else await db.$executeRawUnsafe("ANALYZE");
  await db.$executeRawUnsafe("ANALYZE sqlite_schema");
  reopenReadWorkers();
  reopenThreadReaders();
}

/**
 * A read-only statement's rows: on the read workers when `db` is the shared
 * client on a database file, else through `db` (a transaction sees its own
 * writes only on its own connection; an in-memory database has one).
 * `followUp`: a request's second or later read, served before first reads.
 */
export function readRows<Row>(
  statement: Prisma.Sql,
  db: DbClient,
  options: { followUp?: boolean } = {},
): Promise<Row[]> {
  const file = db === prisma ? prismaFile : null;
  const workers = file ? readWorkersFor(file) : null;
  return workers
    ? workers.all<Row>({ sql: statement.sql, values: statement.values }, options)
    : db.$queryRaw<Row[]>(statement);
}

/**
 * A short read-only statement's rows (a page's cards), on this thread through
 * a read-only connection with its prepared statements when `db` is the shared
 * client on a database file (app/db/thread-reader.server.ts), else, or busy,
 * through `db`.
 */
export async function readRowsNow<Row>(statement: Prisma.Sql, db: DbClient): Promise<Row[]> {
  const file = db === prisma ? prismaFile : null;
  if (file) {
    try {
      return readOnThisThread<Row>(file, { sql: statement.sql, values: statement.values });
    } catch (error) {
      if (!isDatabaseBusy(error)) throw error;
    }
  }
  return db.$queryRaw<Row[]>(statement);
}
