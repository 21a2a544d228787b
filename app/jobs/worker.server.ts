import crypto from "node:crypto";
import { backoffMs } from "#search/outbox-worker";
import type { DbClient } from "~/db/client.server";
import { onJobsEnqueued, type JobKind, type JobPayloads } from "./queue.server";

/**
 * Runs background jobs: claims due rows with a lease, runs their handler,
 * marks them done; a failure is retried with the same backoff as the search
 * outbox (1 s … 60 s), up to MAX_ATTEMPTS, then left with its error for an
 * official to see. Periodic tasks (expiring requests) run on the same loop.
 */
export type JobHandlers = { [K in JobKind]: (payload: JobPayloads[K]) => Promise<void> };
export type PeriodicTask = { name: string; everyMs: number; run: () => Promise<unknown> };

const MAX_ATTEMPTS = 12;
const LEASE_MS = 120_000;
const KEEP_DONE_MS = 7 * 24 * 60 * 60 * 1000;

export class JobWorker {
  #running = false;
  #loop: Promise<void> | null = null;
  #wake: (() => void) | null = null;
  #pendingWake = false;
  #unsubscribe: (() => void) | null = null;
  #lastRun = new Map<string, number>();

  constructor(
    private readonly options: {
      db: DbClient;
      handlers: JobHandlers;
      periodic?: PeriodicTask[];
      pollIntervalMs?: number;
      log?: (event: string, details: Record<string, unknown>) => void;
    },
  ) {}

  start() {
    if (this.#running) return;
    this.#running = true;
    this.#unsubscribe = onJobsEnqueued(() => this.wake());
    this.#loop = this.#run();
  }

  async stop() {
    this.#running = false;
    this.#unsubscribe?.();
    this.wake();
    await this.#loop;
  }

  wake() {
    this.#pendingWake = true;
    this.#wake?.();
  }

  /** Runs due jobs until none is left (scripts and tests). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.runOnce();
      if (done === 0) return total;
      total += done;
    }
  }

  async #run() {
    while (this.#running) {
      let done = 0;
      try {
        await this.#periodic();
        done = await this.runOnce();
      } catch (error) {
        this.options.log?.("job_worker_error", { error: String(error) });
      }
      if (done === 0 && this.#running) await this.#sleep(this.options.pollIntervalMs ?? 1_000);
    }
  }

  async #sleep(ms: number) {
    if (this.#pendingWake) {
      this.#pendingWake = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.#wake = null;
    this.#pendingWake = false;
  }

  async #periodic() {
    const now = Date.now();
    for (const task of this.options.periodic ?? []) {
      if (now - (this.#lastRun.get(task.name) ?? 0) < task.everyMs) continue;
      this.#lastRun.set(task.name, now);
      await task.run();
    }
    if (now - (this.#lastRun.get("prune") ?? 0) > 60 * 60_000) {
      this.#lastRun.set("prune", now);
      await this.options.db.job.deleteMany({ where: { doneAt: { lt: new Date(now - KEEP_DONE_MS) } } });
    }
  }

  async runOnce(): Promise<number> {
    const { db } = this.options;
    const now = new Date();
    const due = await db.job.findMany({
      where: {
        doneAt: null,
        runAt: { lte: now },
        attempts: { lt: MAX_ATTEMPTS },
        OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      },
      orderBy: { id: "asc" },
      take: 20,
      select: { id: true },
    });
    if (due.length === 0) return 0;
    const token = crypto.randomUUID();
    await db.job.updateMany({
      where: { id: { in: due.map((job) => job.id) }, doneAt: null, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: { claimToken: token, lockedUntil: new Date(now.getTime() + LEASE_MS) },
    });
    const jobs = await db.job.findMany({ where: { claimToken: token }, orderBy: { id: "asc" } });
    for (const job of jobs) {
      try {
        const handler = this.options.handlers[job.kind as JobKind] as ((payload: unknown) => Promise<void>) | undefined;
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(JSON.parse(job.payload));
        await db.job.update({ where: { id: job.id }, data: { doneAt: new Date(), lockedUntil: null, claimToken: null, lastError: null } });
      } catch (error) {
        const attempts = job.attempts + 1;
        this.options.log?.("job_failed", { id: job.id, kind: job.kind, attempts, error: String(error) });
        await db.job.update({
          where: { id: job.id },
          data: {
            attempts,
            lastError: String((error as Error)?.message ?? error).slice(0, 1_000),
            runAt: new Date(Date.now() + backoffMs(attempts)),
            lockedUntil: null,
            claimToken: null,
          },
        });
      }
    }
    return jobs.length;
  }
}
