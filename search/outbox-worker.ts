import crypto from "node:crypto";
import type { DbClient } from "~/utils/db.server";
import { indexingClient, indexUid } from "./client";
import { requireSearchConfig, type SearchConfig } from "./config";
import { EXPERTS_INDEX, ORGANIZATIONS_INDEX, REQUESTS_INDEX, type IndexDefinition } from "./indexes";
import { loadExpertDocuments } from "./expert-document";
import { loadOrganizationDocuments } from "./organization-document";
import { loadRequestDocuments } from "./request-document";
import { bumpIndexGeneration } from "./index-generation";
import { onSearchOutboxWritten, type SearchEntity } from "./outbox";

/**
 * Drains the search outbox: claims due rows, re-reads each entity from the
 * database, upserts or deletes its document, waits until Meilisearch has
 * applied the task, then marks the rows done. A failure leaves the rows in
 * place with a growing delay (1 s, 2 s, 4 s … 60 s), so no update is lost
 * while the engine is down; they go through once it is back.
 */
export type OutboxWorkerOptions = {
  db: DbClient;
  config?: SearchConfig;
  batchSize?: number;
  /** How often to look for rows written by other processes. */
  pollIntervalMs?: number;
  /** How long a claim holds before another worker may take the rows over. */
  leaseMs?: number;
  log?: (event: string, details: Record<string, unknown>) => void;
  /**
   * Runs before the first round and again after any failure: makes sure the
   * indexes exist with their settings (a restarted or emptied engine would
   * otherwise create them bare on the first write).
   */
  prepare?: () => Promise<void>;
};

type ClaimedRow = { id: number; entity: string; entityId: string; attempts: number };

/** Per entity: which index, and how to load its documents (and which ids to delete). */
const ENTITY_SOURCES: Record<
  SearchEntity,
  { index: IndexDefinition; load: (db: DbClient, ids: string[]) => Promise<{ upserts: { id: string }[]; deletes: string[] }> }
> = {
  organization: { index: ORGANIZATIONS_INDEX, load: loadOrganizationDocuments },
  expert: { index: EXPERTS_INDEX, load: loadExpertDocuments },
  request: { index: REQUESTS_INDEX, load: loadRequestDocuments },
};

const MAX_BACKOFF_MS = 60_000;
const KEEP_PROCESSED_MS = 24 * 60 * 60 * 1000;
const TASK_TIMEOUT_MS = 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.max(0, attempts - 1));
}

export class SearchOutboxWorker {
  readonly #db: DbClient;
  readonly #config: SearchConfig | undefined;
  readonly #batchSize: number;
  readonly #pollIntervalMs: number;
  readonly #leaseMs: number;
  readonly #log: NonNullable<OutboxWorkerOptions["log"]>;
  #running = false;
  #loop: Promise<void> | null = null;
  #wake: (() => void) | null = null;
  #pendingWake = false;
  #unsubscribe: (() => void) | null = null;
  #lastPrune = 0;
  readonly #prepare: OutboxWorkerOptions["prepare"];
  #prepared = false;
  /** Consecutive failed rounds; reported by /readyz. */
  failures = 0;
  lastError: string | null = null;

  constructor(options: OutboxWorkerOptions) {
    this.#db = options.db;
    this.#config = options.config;
    this.#batchSize = options.batchSize ?? 500;
    this.#pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.#leaseMs = options.leaseMs ?? 120_000;
    this.#log = options.log ?? (() => {});
    this.#prepare = options.prepare;
  }

  start() {
    if (this.#running) return;
    this.#running = true;
    this.#unsubscribe = onSearchOutboxWritten(() => this.wake());
    this.#loop = this.#run();
  }

  /** Finishes the round in progress, then stops. */
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

  /** Processes rounds until nothing is due (for scripts and tests). Returns rows processed. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const processed = await this.runOnce();
      if (processed === 0) return total;
      total += processed;
    }
  }

  async #run() {
    while (this.#running) {
      let processed = 0;
      try {
        processed = await this.runOnce();
      } catch (error) {
        // runOnce records row failures itself; this is the database being unavailable.
        this.#log("search_outbox_error", { error: String(error) });
      }
      if (processed === 0 && this.#running) await this.#sleep(await this.#nextDueInMs());
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

  async #nextDueInMs(): Promise<number> {
    try {
      const next = await this.#db.searchOutbox.findFirst({
        where: { processedAt: null },
        orderBy: { availableAt: "asc" },
        select: { availableAt: true },
      });
      if (!next) return this.#pollIntervalMs;
      return Math.max(50, Math.min(this.#pollIntervalMs, next.availableAt.getTime() - Date.now()));
    } catch {
      return this.#pollIntervalMs;
    }
  }

  /** One round: claim, apply, acknowledge. Returns the number of rows processed. */
  async runOnce(): Promise<number> {
    await this.#prune();
    const rows = await this.#claim();
    if (rows.length === 0) return 0;
    // Rows that failed before are retried one entity at a time, so one bad
    // document cannot hold back the rest.
    const fresh = rows.filter((row) => row.attempts === 0);
    const retried = rows.filter((row) => row.attempts > 0);
    const groups = [fresh, ...retried.map((row) => [row])].filter((group) => group.length > 0);
    for (const group of groups) {
      try {
        if (this.#prepare && !this.#prepared) {
          await this.#prepare();
          this.#prepared = true;
        }
        await this.#apply(group);
        bumpIndexGeneration();
        await this.#db.searchOutbox.updateMany({
          where: { id: { in: group.map((row) => row.id) } },
          data: { processedAt: new Date(), lockedUntil: null, claimToken: null, lastError: null },
        });
        this.failures = 0;
        this.lastError = null;
      } catch (error) {
        this.failures += 1;
        this.lastError = String(error);
        this.#prepared = false;
        await this.#release(group, error);
      }
    }
    return rows.length;
  }

  async #claim(): Promise<ClaimedRow[]> {
    const now = new Date();
    const due = await this.#db.searchOutbox.findMany({
      where: {
        processedAt: null,
        availableAt: { lte: now },
        OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      },
      orderBy: { id: "asc" },
      take: this.#batchSize,
      select: { id: true },
    });
    if (due.length === 0) return [];
    const token = crypto.randomUUID();
    // The same conditions again: another worker may have claimed some rows meanwhile.
    await this.#db.searchOutbox.updateMany({
      where: {
        id: { in: due.map((row) => row.id) },
        processedAt: null,
        OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      },
      data: { claimToken: token, lockedUntil: new Date(now.getTime() + this.#leaseMs) },
    });
    return this.#db.searchOutbox.findMany({
      where: { claimToken: token },
      orderBy: { id: "asc" },
      select: { id: true, entity: true, entityId: true, attempts: true },
    });
  }

  async #apply(rows: ClaimedRow[]) {
    const byEntity = new Map<string, Set<string>>();
    for (const row of rows) {
      const ids = byEntity.get(row.entity) ?? new Set<string>();
      ids.add(row.entityId);
      byEntity.set(row.entity, ids);
    }
    for (const [entity, ids] of byEntity) {
      await this.#applyEntity(entity as SearchEntity, [...ids]);
    }
  }

  async #applyEntity(entity: SearchEntity, ids: string[]) {
    const config = this.#config ?? requireSearchConfig();
    const source = ENTITY_SOURCES[entity];
    if (!source) throw new Error(`unknown search entity: ${String(entity)}`);
    const { upserts, deletes } = await source.load(this.#db, ids);
    const index = indexingClient(config).index(indexUid(source.index.base, config));
    if (upserts.length > 0) {
      await expectSucceeded(
        await index.addDocuments(upserts, { primaryKey: source.index.primaryKey }).waitTask({ timeout: TASK_TIMEOUT_MS }),
      );
    }
    if (deletes.length > 0) {
      await expectSucceeded(await index.deleteDocuments(deletes).waitTask({ timeout: TASK_TIMEOUT_MS }));
    }
  }

  async #release(rows: ClaimedRow[], error: unknown) {
    const message = String((error as Error)?.message ?? error).slice(0, 1_000);
    this.#log("search_outbox_retry", { rows: rows.length, attempts: rows[0]!.attempts + 1, error: message });
    for (const row of rows) {
      const attempts = row.attempts + 1;
      await this.#db.searchOutbox.update({
        where: { id: row.id },
        data: {
          attempts,
          lastError: message,
          availableAt: new Date(Date.now() + backoffMs(attempts)),
          lockedUntil: null,
          claimToken: null,
        },
      });
    }
  }

  async #prune() {
    if (Date.now() - this.#lastPrune < 60_000) return;
    this.#lastPrune = Date.now();
    await this.#db.searchOutbox.deleteMany({
      where: { processedAt: { lt: new Date(Date.now() - KEEP_PROCESSED_MS) } },
    });
  }
}

async function expectSucceeded(task: { status: string; error?: { message?: string } | null; uid: number }) {
  if (task.status !== "succeeded") {
    throw new Error(`Meilisearch task ${task.uid} ${task.status}: ${task.error?.message ?? "no details"}`);
  }
}
