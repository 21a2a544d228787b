import os from "node:os";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { remember } from "@epic-web/remember";
import { setting } from "~/config/env.server";
import { log } from "~/config/log.server";

/**
 * Read-only SQL on worker threads, for the search fallback's heavy reads
 * (docs/decisions/059). better-sqlite3 runs a statement on the calling thread:
 * on Node's only thread, 16 people searching with the engine down wait for
 * each other's counts one by one, and the machine's second core sits idle.
 * Each worker holds its own read-only connection to the database file (WAL
 * gives it the last committed state, as the app's reader has); the statement
 * is sent as SQL text with `?` parameters and its rows come back.
 *
 * A small hand-written pool rather than a library: a pool library loads its
 * task code from a file, which the app's one-file server build does not ship;
 * this one starts its workers from a string and needs nothing else.
 */
export type ReadStatement = { sql: string; values: unknown[] };

type Job = { statement: ReadStatement; resolve: (rows: unknown[]) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; job: Job | null; reopen: boolean };

// CommonJS, run by each worker: one connection, one prepared statement per distinct SQL text.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const statements = new Map();
let db;
function open() {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: 5000 });
  db.pragma("cache_size = -" + workerData.cacheKb);
}
open();
parentPort.on("message", ({ sql, values, reopen }) => {
  try {
    if (reopen) {
      statements.clear();
      db.close();
      open();
    }
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size > 200) statements.clear();
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    parentPort.postMessage({ rows: statement.all(values) });
  } catch (error) {
    parentPort.postMessage({ error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

/** At most this many reads wait for a worker: past it a read fails at once (the caller answers 503). */
const MAX_WAITING = 256;

export class ReadWorkers {
  readonly #slots: Slot[] = [];
  readonly #waiting: Job[] = [];
  /** Later reads of requests already under way: served first (see `all`). */
  readonly #followUps: Job[] = [];
  #closed = false;

  constructor(
    private readonly file: string,
    size: number,
    private readonly cacheKb = 16_000,
  ) {
    for (let i = 0; i < size; i++) this.#slots.push(this.#start());
  }

  /**
   * The statement's rows, read by the first free worker. A `followUp` (a
   * request's second or later read: a page after its counts, a ranked page
   * after the matches) goes before the first reads waiting: a request under
   * way finishes before another starts. In first-come order each of a search's
   * reads went back behind every other search's first read (docs/decisions/078).
   */
  all<Row>(statement: ReadStatement, options: { followUp?: boolean } = {}): Promise<Row[]> {
    if (this.#closed) return Promise.reject(new Error("the read workers are closed"));
    if (this.#waiting.length + this.#followUps.length >= MAX_WAITING) return Promise.reject(new ReadWorkersBusy());
    const values = sqliteValues(statement.values);
    return new Promise<Row[]>((resolve, reject) => {
      const job = { statement: { sql: statement.sql, values }, resolve: resolve as Job["resolve"], reject };
      (options.followUp ? this.#followUps : this.#waiting).push(job);
      this.#next();
    });
  }

  /**
   * Opens every worker's connection again, after an ANALYZE: a connection reads
   * the planner's statistics once, when it opens (as the adapter's reader does).
   */
  reopen() {
    for (const slot of this.#slots) slot.reopen = true;
  }

  async close() {
    this.#closed = true;
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }

  #start(): Slot {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file: this.file, driver: driverPath(), cacheKb: this.cacheKb },
    });
    const slot: Slot = { worker, job: null, reopen: false };
    worker.on("message", (message: { rows?: unknown[]; error?: { message: string; code?: string } }) => {
      const job = slot.job;
      slot.job = null;
      worker.unref();
      if (message.error) job?.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
      else job?.resolve(message.rows ?? []);
      this.#next();
    });
    worker.on("error", (error) => {
      // The worker is gone: fail its read and start another in its place.
      log("error", "read_worker_failed", { error: String(error) });
      slot.job?.reject(error);
      slot.job = null;
      if (!this.#closed) this.#slots[this.#slots.indexOf(slot)] = this.#start();
      this.#next();
    });
    // A worker keeps the process alive while it reads, not after (see #next). After the listeners:
    // adding a "message" listener refs the worker's port again, and a script that had read on a
    // worker (`npm run task`) never exited.
    worker.unref();
    return slot;
  }

  #next() {
    for (const slot of this.#slots) {
      if (slot.job) continue;
      const job = this.#followUps.shift() ?? this.#waiting.shift();
      if (!job) return;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage({ ...slot.job.statement, reopen: slot.reopen });
      slot.reopen = false;
    }
  }
}

/** Parameters as better-sqlite3 binds them: no booleans or dates (Prisma.sql keeps them as given). */
export function sqliteValues(values: readonly unknown[]): unknown[] {
  return values.map((value) =>
    typeof value === "boolean" ? Number(value) : value instanceof Date ? value.toISOString() : value,
  );
}

/** Too many reads waiting: answered 503 with Retry-After, as a database held by another process (app/db/busy.server.ts). */
export class ReadWorkersBusy extends Error {
  override readonly name = "ReadWorkersBusy";
  constructor() {
    super("too many reads are waiting for a read worker");
  }
}

// The app's own better-sqlite3, found from this module (the workers run from a string, with no location of their own).
export const driverPath = () => createRequire(import.meta.url).resolve("better-sqlite3");

/** READ_WORKERS, or one per core (at most 4); 0 turns them off. */
export function readWorkerCount(): number {
  return setting("READ_WORKERS") ?? Math.min(4, os.availableParallelism());
}

const started = remember("read-workers", () => new Map<string, ReadWorkers>());

/** The process's read workers on a database file, started on first use; null when READ_WORKERS=0. */
export function readWorkersFor(file: string): ReadWorkers | null {
  const count = readWorkerCount();
  if (count === 0) return null;
  let workers = started.get(file);
  if (!workers) started.set(file, (workers = new ReadWorkers(file, count)));
  return workers;
}

/** After an ANALYZE: the started workers plan their next reads with the new statistics. */
export function reopenReadWorkers() {
  for (const workers of started.values()) workers.reopen();
}
