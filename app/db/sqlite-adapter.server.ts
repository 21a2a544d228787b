import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import {
  DriverAdapterError,
  isDriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import { databaseFilePath } from "./database-url";
import { log } from "~/config/log.server";

/**
 * A Prisma driver adapter over one better-sqlite3 connection that
 * - turns on WAL (readers never wait for the writer, see docs/decisions/003),
 * - waits up to 5 s for another process's write lock instead of failing, and
 *   waits without blocking: SQLite's own busy timeout sleeps in the calling
 *   thread, which is Node's only one, so every request of the portal would
 *   stall with it. Here the lock is tried again between other queries
 *   (docs/decisions/017),
 * - starts every transaction with BEGIN IMMEDIATE: a deferred one that has
 *   read would fail at once, without waiting, when its first write finds the
 *   lock taken,
 * - keeps the query planner's statistics fresh (`PRAGMA optimize` at connect,
 *   as SQLite advises; the boot code runs ANALYZE hourly). A connection reads
 *   the statistics once, when it opens: after an ANALYZE on the writer, the
 *   reader is opened again before its next query, or it would plan with the
 *   numbers of the day it opened (a table empty then, 50,000 rows now),
 * - serializes queries with transactions. The stock adapter shares its single
 *   connection between an open interactive transaction and every other query,
 *   so a query from a concurrent request would run inside (and roll back with)
 *   someone else's transaction. Here a write waits for the open transaction to
 *   end,
 * - and sends reads (a SELECT, or a WITH that writes nothing, outside a
 *   transaction) to a second, read-only connection, where WAL gives them the
 *   last committed state at once: such a read never waits for another
 *   request's transaction (an import holds one for minutes) nor for another
 *   process's write lock. Every other statement, a PRAGMA included, goes to
 *   the writer and waits for the open transaction like a write: a page must
 *   not send one (app/models/cache.server.ts reads the data version on its own
 *   read-only connection for this reason).
 */
export function createSqliteAdapter(url: string): SqlDriverAdapterFactory {
  // timeout 0: no busy handler in SQLite; the waiting happens below.
  const inner = new PrismaBetterSQLite3({ url, timeout: 0 });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const writer = await inner.connect();
      // Optimize may analyze, which writes: another process's write lock makes it wait, not fail.
      await retryWhileBusy(() =>
        writer.executeScript(
          "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;" +
            // Table statistics for the query planner: without them it reads
            // `status = 'published'` as selective and scans 100,000 rows to find 20.
            // Exact ones (no analysis_limit): sampled numbers mislead it the same way
            // (app/db/analyze.server.ts). Optimize analyzes only tables never analyzed
            // or grown tenfold since, at start; the hourly refresh runs off this thread.
            "PRAGMA analysis_limit = 0; PRAGMA optimize = 0x10002;",
        ),
      ).catch(async (error: unknown) => {
        await writer.dispose();
        throw error;
      });
      // An in-memory database exists on one connection only: no reader there.
      const openReader = databaseFilePath(url)
        ? async () => {
            const reader = await inner.connect();
            // query_only: a write sent here by mistake fails instead of bypassing the serialization.
            // An 8 MB page cache (the default is 2 MB). The fallback search's counts and pages, which
            // read the same index pages again and again, run on the read workers with 16 MB each
            // (decision 059); 32 MB here as well took the app past its 300 MB budget at 100,000.
            await reader.executeScript("PRAGMA query_only = ON; PRAGMA foreign_keys = ON; PRAGMA cache_size = -8000;");
            return reader;
          }
        : null;
      return new SerializedAdapter(writer, openReader ? await openReader() : null, openReader);
    },
  };
}

/** A date as Prisma's adapter stores it (ISO 8601 with +00:00), for raw bulk INSERTs: as text it sorts and compares. */
export function storedDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** A stored date as a Date: text from the app's own reader, a Date through Prisma's client. */
export function readDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

/** How long a statement or a transaction waits for another process's write lock (docs/decisions/003). */
export const BUSY_TIMEOUT_MS = 5_000;

/** A transaction holding the connection this long while others wait for it is logged (a warning). */
const HELD_TOO_LONG_MS = 1_000;

/** SQLITE_BUSY and its extended codes, raw or as Prisma's driver adapter reports it. */
export function isSqliteBusy(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = isDriverAdapterError(error) ? error.cause.originalCode : (error as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/**
 * Marks the code running inside an interactive transaction's callback (see
 * createPrismaClient). A query there on the shared client instead of `tx`
 * would wait for the very transaction it runs in: it would hang until Prisma
 * expired the transaction, then fail as a 500. It fails at once instead, with
 * a message naming the mistake.
 */
const transactionCallback = new AsyncLocalStorage<{ open: boolean }>();

export function runAsTransactionCallback<T>(work: () => Promise<T>): Promise<T> {
  // Timers and background work started in the callback inherit the mark: it
  // is lifted when the transaction ends.
  const state = { open: true };
  return transactionCallback.run(state, () => work().finally(() => (state.open = false)));
}

function refuseInsideTransaction(sql: string) {
  if (transactionCallback.getStore()?.open) {
    throw new Error(
      `A query on the shared Prisma client inside a transaction would wait for that transaction to end; use its tx client. Query: ${sql.slice(0, 200)}`,
    );
  }
}

/** A statement the read-only connection can answer; a doubtful one goes to the writer. */
function isRead(sql: string): boolean {
  if (/^\s*(SELECT|EXPLAIN)\b/i.test(sql)) return true;
  return /^\s*WITH\b/i.test(sql) && !/\b(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql);
}

/**
 * Runs `attempt` again while it fails with SQLITE_BUSY, waiting a little more
 * each time, for up to BUSY_TIMEOUT_MS; then lets the busy error through.
 */
async function retryWhileBusy<T>(attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() >= deadline) throw error;
    }
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(50, 5 * 2 ** tries, Math.max(0, deadline - Date.now()))),
    );
  }
}

class Lock {
  #tail: Promise<void> = Promise.resolve();
  /** Callers waiting for their turn. */
  waiting = 0;
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    this.waiting++;
    const ready = this.#tail.then(() => {
      this.waiting--;
      return release;
    });
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}

/** Statements after which the planner's statistics have changed (sqlite_stat1). */
const REFRESHES_STATISTICS = /^\s*(ANALYZE|PRAGMA\s+optimize)\b/i;

class SerializedAdapter implements SqlDriverAdapter {
  readonly provider;
  readonly adapterName;
  #lock = new Lock();
  #reader: SqlDriverAdapter | null;
  /** Set when the reader must open again to see new statistics; the reopening in progress. */
  #readerStale = false;
  #reopening: Promise<void> | null = null;
  #disposed = false;

  constructor(
    private readonly inner: SqlDriverAdapter,
    reader: SqlDriverAdapter | null,
    private readonly openReader: (() => Promise<SqlDriverAdapter>) | null,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    this.#reader = reader;
  }

  async #read(query: SqlQuery) {
    if (this.#readerStale && this.openReader && !this.#disposed) {
      this.#reopening ??= (async () => {
        this.#readerStale = false;
        let fresh: SqlDriverAdapter;
        try {
          fresh = await this.openReader!();
        } catch (error) {
          // The old reader still answers, with its old statistics; the next read tries again.
          this.#readerStale = true;
          log("warn", "sqlite_reader_reopen_failed", { error: String(error) });
          return;
        }
        if (this.#disposed) {
          // Closed meanwhile: the new reader has no one to serve.
          await fresh.dispose();
          return;
        }
        const old = this.#reader;
        this.#reader = fresh;
        // better-sqlite3 runs each statement to its end synchronously: nothing is in flight on the old one.
        await old?.dispose();
      })().finally(() => (this.#reopening = null));
      await this.#reopening;
    }
    return retryWhileBusy(() => this.#reader!.queryRaw(query));
  }

  /** Runs a statement on the writer; once it has changed the statistics, the reader opens again before its next query. */
  async #write<T>(sql: string, work: () => Promise<T>): Promise<T> {
    const result = await this.#exclusive(work);
    if (REFRESHES_STATISTICS.test(sql)) this.#readerStale = true;
    return result;
  }

  /**
   * Runs `work` holding the connection and returns with it still held. While
   * another process has the write lock, lets go of the connection (reads go
   * on), waits a little and tries again, up to BUSY_TIMEOUT_MS. Only for
   * statements that a busy error leaves without effect: a single statement
   * outside a transaction, or BEGIN.
   */
  #holding<T>(work: () => Promise<T>): Promise<{ value: T; release: () => void }> {
    return retryWhileBusy(async () => {
      const release = await this.#lock.acquire();
      try {
        return { value: await work(), release };
      } catch (error) {
        release();
        throw error;
      }
    });
  }

  async #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const { value, release } = await this.#holding(work);
    release();
    return value;
  }

  queryRaw(query: SqlQuery) {
    refuseInsideTransaction(query.sql);
    // Prisma's writes come here too (INSERT … RETURNING): only a SELECT (or the plan of one, or a
    // WITH that changes nothing) is a read. Anything else, a PRAGMA included, runs on the writer and
    // waits for an open transaction: read data versions elsewhere (app/models/cache.server.ts).
    // A reader in WAL mode is all but never busy (a crashed writer's journal being recovered).
    if (this.#reader && isRead(query.sql)) return this.#read(query);
    return this.#write(query.sql, () => this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery) {
    refuseInsideTransaction(query.sql);
    return this.#write(query.sql, () => this.inner.executeRaw(query));
  }

  /** Only for idempotent scripts (the PRAGMAs above): a busy one is run again from the start. */
  executeScript(script: string) {
    return this.#write(script, () => this.inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE")
      throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
    const { release } = await this.#holding(() => this.inner.executeScript("BEGIN IMMEDIATE"));
    return immediateTransaction(this.inner, release, () => this.#lock.waiting);
  }

  getConnectionInfo() {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  async dispose() {
    this.#disposed = true;
    await this.#reopening;
    await this.#reader?.dispose();
    await this.inner.dispose();
  }
}

/**
 * The open transaction on the connection. Prisma sends COMMIT or ROLLBACK
 * itself, then calls commit() or rollback(), which hand the connection back.
 */
function immediateTransaction(inner: SqlDriverAdapter, release: () => void, waiting: () => number): Transaction {
  let open = true;
  const started = performance.now();
  const end = () => {
    if (open) {
      open = false;
      release();
      // Writes of this process queued behind it: worth knowing.
      const heldMs = Math.round(performance.now() - started);
      const queued = waiting();
      if (heldMs >= HELD_TOO_LONG_MS && queued > 0) log("warn", "transaction_held", { ms: heldMs, queued });
    }
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    options: { usePhantomQuery: false },
    queryRaw: (query) => inner.queryRaw(query),
    async executeRaw(query) {
      try {
        return await inner.executeRaw(query);
      } catch (error) {
        // Prisma does not call commit() after a failed COMMIT (disk full, I/O
        // error): end the transaction here, or the connection stays taken.
        if (/^\s*COMMIT\b/i.test(query.sql)) {
          await inner.executeScript("ROLLBACK").catch(() => {});
          end();
        }
        throw error;
      }
    },
    commit: async () => end(),
    rollback: async () => end(),
  };
}
