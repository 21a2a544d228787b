import crypto from "node:crypto";
import { backoffMs, LoopWorker, PollingLoop } from "#search/polling-loop";
import type { DbClient } from "~/db/client.server";
import { onJobsEnqueued, type JobKind, type JobPayloads } from "./queue.server";

/**
 * Runs background jobs: claims due rows with a lease, runs their handler,
 * marks them done; a failure is retried with the same backoff as the search
 * outbox (1 s … 60 s), up to MAX_ATTEMPTS, then left with its error for an
 * official to see. Both workers run search/polling-loop.ts; periodic tasks
 * (expiring requests) run before each of its rounds.
 */
export type JobHandlers = { [K in JobKind]: (payload: JobPayloads[K]) => Promise<void> };
export type PeriodicTask = { name: string; everyMs: number; run: () => Promise<unknown> };

const MAX_ATTEMPTS = 12;
const LEASE_MS = 120_000;
const KEEP_DONE_MS = 7 * 24 * 60 * 60 * 1000;

export class JobWorker extends LoopWorker {
  protected readonly loop: PollingLoop;
  #lastRun = new Map<string, number>();

  constructor(
    private readonly options: {
      db: DbClient;
      handlers: JobHandlers;
      periodic?: PeriodicTask[];
      pollIntervalMs?: number;
      log?: (event: string, details: Record<string, unknown>) => void;
    },
  ) {
    super();
    this.loop = new PollingLoop({
      round: () => this.runOnce(),
      beforeRound: () => this.#periodic(),
      idleMs: () => this.options.pollIntervalMs ?? 1_000,
      subscribe: onJobsEnqueued,
      onError: (error) => this.options.log?.("job_worker_error", { error: String(error) }),
    });
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
      where: {
        id: { in: due.map((job) => job.id) },
        doneAt: null,
        OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      },
      data: { claimToken: token, lockedUntil: new Date(now.getTime() + LEASE_MS) },
    });
    const jobs = await db.job.findMany({ where: { claimToken: token }, orderBy: { id: "asc" } });
    for (const job of jobs) {
      try {
        const handler = this.options.handlers[job.kind as JobKind] as ((payload: unknown) => Promise<void>) | undefined;
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(JSON.parse(job.payload));
        await db.job.update({
          where: { id: job.id },
          data: { doneAt: new Date(), lockedUntil: null, claimToken: null, lastError: null },
        });
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
