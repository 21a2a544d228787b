import crypto from "node:crypto";
import os from "node:os";
import type { DbClient } from "~/db/client.server";
import { indexingClient, indexUid } from "./client";
import { requireSearchConfig, type SearchConfig } from "./config";
import {
  EVENTS_INDEX,
  EXPERTS_INDEX,
  OFFERS_INDEX,
  ORGANIZATIONS_INDEX,
  REQUESTS_INDEX,
  type IndexDefinition,
} from "./indexes";
import { loadEventDocuments } from "./event-document";
import { loadOfferDocuments } from "./offer-document";
import { loadExpertDocuments } from "./expert-document";
import { loadOrganizationDocuments } from "./organization-document";
import { loadRequestDocuments } from "./request-document";
import { bumpIndexGeneration } from "./index-generation";
import { markSearchableDataChanged, onSearchOutboxWritten, type SearchEntity } from "./outbox";
import { backoffMs, LoopWorker, PollingLoop } from "./polling-loop";

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
  {
    index: IndexDefinition;
    load: (db: DbClient, ids: string[]) => Promise<{ upserts: { id: string }[]; deletes: string[] }>;
  }
> = {
  organization: { index: ORGANIZATIONS_INDEX, load: loadOrganizationDocuments },
  expert: { index: EXPERTS_INDEX, load: loadExpertDocuments },
  request: { index: REQUESTS_INDEX, load: loadRequestDocuments },
  offer: { index: OFFERS_INDEX, load: loadOfferDocuments },
  event: { index: EVENTS_INDEX, load: loadEventDocuments },
};

const KEEP_PROCESSED_MS = 24 * 60 * 60 * 1000;
const TASK_TIMEOUT_MS = 60_000;

/** This process in claim tokens (`host:pid:nonce:worker`): tells a dead claimer from a live one. */
const PROCESS_TAG = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`;

/**
 * A claim whose process is gone: it was made on this machine (SQLite in WAL
 * mode is only shared on one) by a pid that no longer runs, or by an earlier
 * process that had this one's pid (a restarted container). Such rows are taken
 * over at once instead of after the lease, so a portal killed in the middle of
 * a round delays nothing when it comes back. Other tokens wait for their lease.
 */
export function claimIsAbandoned(token: string, self = PROCESS_TAG): boolean {
  const [host, pidText, nonce] = token.split(":");
  const [ownHost, ownPid] = self.split(":");
  if (!nonce || host !== ownHost) return false;
  if (pidText === ownPid) return !token.startsWith(`${self}:`);
  try {
    process.kill(Number(pidText), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

export class SearchOutboxWorker extends LoopWorker {
  readonly #db: DbClient;
  readonly #config: SearchConfig | undefined;
  readonly #batchSize: number;
  readonly #pollIntervalMs: number;
  readonly #leaseMs: number;
  readonly #log: NonNullable<OutboxWorkerOptions["log"]>;
  protected readonly loop: PollingLoop;
  #lastPrune = 0;
  /**
   * One token for all of this worker's claims: rows it claimed in a round
   * that failed before releasing them (the database locked past the busy
   * timeout) are claimed again by its next round, not left to their lease.
   */
  readonly #token = `${PROCESS_TAG}:${crypto.randomUUID()}`;
  #round: Promise<unknown> = Promise.resolve();
  readonly #prepare: OutboxWorkerOptions["prepare"];
  #prepared = false;
  /** Consecutive failed rounds; reported by /readyz. */
  failures = 0;
  lastError: string | null = null;

  constructor(options: OutboxWorkerOptions) {
    super();
    this.#db = options.db;
    this.#config = options.config;
    this.#batchSize = options.batchSize ?? 500;
    this.#pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.#leaseMs = options.leaseMs ?? 120_000;
    this.#log = options.log ?? (() => {});
    this.#prepare = options.prepare;
    this.loop = new PollingLoop({
      round: () => this.runOnce(),
      idleMs: () => this.#nextDueInMs(),
      subscribe: onSearchOutboxWritten,
      // runOnce records row failures itself; this is the database being unavailable.
      onError: (error) => this.#log("search_outbox_error", { error: String(error) }),
    });
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
  runOnce(): Promise<number> {
    // Rounds of one worker never overlap: each would take the other's rows (same token).
    const round = this.#round.then(() => this.#runRound());
    this.#round = round.catch(() => {});
    return round;
  }

  async #runRound(): Promise<number> {
    await this.#prune();
    const rows = await this.#claim();
    if (rows.length === 0) return 0;
    const fresh = rows.filter((row) => row.attempts === 0);
    const retried = rows.filter((row) => row.attempts > 0);
    for (const group of [fresh, retried]) {
      if (group.length === 0) continue;
      // All together, even after an outage, when the retried rows are many:
      // one request each would take minutes to catch up. Only when the engine
      // refuses the documents does each entity go alone, so that one bad
      // document cannot hold back the rest.
      const error = await this.#deliver(group);
      if (error === null) continue;
      const entities = groupByEntity(group);
      if (!documentsRefused(error) || entities.length === 1) {
        await this.#release(group, error);
        continue;
      }
      for (const single of entities) {
        const failure = await this.#deliver(single);
        if (failure !== null) await this.#release(single, failure);
      }
    }
    return rows.length;
  }

  /** Applies the rows and marks them done; returns the error when that failed. */
  async #deliver(group: ClaimedRow[]): Promise<unknown> {
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
      // Answers kept by other processes were computed before the engine had this change.
      await markSearchableDataChanged(this.#db);
      this.failures = 0;
      this.lastError = null;
      return null;
    } catch (error) {
      this.failures += 1;
      this.lastError = String(error);
      this.#prepared = false;
      return error;
    }
  }

  async #claim(): Promise<ClaimedRow[]> {
    const now = new Date();
    const held = await this.#db.searchOutbox.findMany({
      where: { processedAt: null, lockedUntil: { gte: now } },
      distinct: ["claimToken"],
      select: { claimToken: true },
    });
    const takeOver = held.flatMap(({ claimToken }) => (claimToken && claimIsAbandoned(claimToken) ? [claimToken] : []));
    const claimable = [
      { lockedUntil: null },
      { lockedUntil: { lt: now } },
      { claimToken: { in: [this.#token, ...takeOver] } },
    ];
    const due = await this.#db.searchOutbox.findMany({
      where: { processedAt: null, availableAt: { lte: now }, OR: claimable },
      orderBy: { id: "asc" },
      take: this.#batchSize,
      select: { id: true },
    });
    if (due.length === 0) return [];
    // The same conditions again: another worker may have claimed some rows meanwhile.
    await this.#db.searchOutbox.updateMany({
      where: { id: { in: due.map((row) => row.id) }, processedAt: null, OR: claimable },
      data: { claimToken: this.#token, lockedUntil: new Date(now.getTime() + this.#leaseMs) },
    });
    return this.#db.searchOutbox.findMany({
      where: { claimToken: this.#token, processedAt: null },
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
        await index
          .addDocuments(upserts, { primaryKey: source.index.primaryKey })
          .waitTask({ timeout: TASK_TIMEOUT_MS }),
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

function groupByEntity(rows: ClaimedRow[]): ClaimedRow[][] {
  const groups = new Map<string, ClaimedRow[]>();
  for (const row of rows) {
    const key = `${row.entity}:${row.entityId}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()];
}

class TaskFailedError extends Error {}

async function expectSucceeded(task: { status: string; error?: { message?: string } | null; uid: number }) {
  if (task.status !== "succeeded") {
    throw new TaskFailedError(`Meilisearch task ${task.uid} ${task.status}: ${task.error?.message ?? "no details"}`);
  }
}

/** The engine answered and turned the documents down; not an outage, a timeout or the database. */
function documentsRefused(error: unknown): boolean {
  if (error instanceof TaskFailedError) return true;
  const { name, response } = error as { name?: string; response?: { status?: number } };
  const status = name === "MeiliSearchApiError" ? (response?.status ?? 0) : 0;
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}
