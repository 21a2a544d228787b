import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

/**
 * A Prisma driver adapter over one better-sqlite3 connection that
 * - turns on WAL (readers never wait for the writer, see docs/decisions/003),
 * - waits up to 5 s for another process's write lock instead of failing,
 * - keeps the query planner's statistics fresh (`PRAGMA optimize`, as SQLite
 *   advises for long-lived connections; the boot code repeats it hourly),
 * - serializes queries with transactions. The stock adapter shares its single
 *   connection between an open interactive transaction and every other query,
 *   so a query from a concurrent request would run inside (and roll back with)
 *   someone else's transaction. Here a plain query waits for the open
 *   transaction to end.
 */
export function createSqliteAdapter(url: string): SqlDriverAdapterFactory {
  const inner = new PrismaBetterSQLite3({ url, timeout: 5_000 });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      await adapter.executeScript(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;" +
          // Table statistics for the query planner: without them it reads
          // `status = 'published'` as selective and scans 100,000 rows to find 20.
          "PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;",
      );
      return new SerializedAdapter(adapter);
    },
  };
}

class Lock {
  #tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}

class SerializedAdapter implements SqlDriverAdapter {
  readonly provider;
  readonly adapterName;
  #lock = new Lock();

  constructor(private readonly inner: SqlDriverAdapter) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.#lock.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  queryRaw(query: SqlQuery) {
    return this.#exclusive(() => this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery) {
    return this.#exclusive(() => this.inner.executeRaw(query));
  }

  executeScript(script: string) {
    return this.#exclusive(() => this.inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const release = await this.#lock.acquire();
    try {
      const tx = await this.inner.startTransaction(isolationLevel);
      return releasingOnEnd(tx, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  getConnectionInfo() {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  dispose() {
    return this.inner.dispose();
  }
}

function releasingOnEnd(tx: Transaction, release: () => void): Transaction {
  let released = false;
  const end = async (finish: () => Promise<void>) => {
    try {
      await finish();
    } finally {
      if (!released) {
        released = true;
        release();
      }
    }
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query) => tx.queryRaw(query),
    executeRaw: (query) => tx.executeRaw(query),
    commit: () => end(() => tx.commit()),
    rollback: () => end(() => tx.rollback()),
  };
}
