import {
  enqueueFieldHolders,
  enqueueOrganizedEvents,
  enqueueOwnedOffers,
  enqueueSearchSync,
  markSearchableDataChanged,
  notifySearchOutbox,
  type SearchEntity,
} from "#search/outbox";
import type { Prisma } from "~/generated/prisma/client";
import { enqueueJob, notifyJobs, type JobKind, type JobPayloads } from "~/jobs/queue.server";
import { prisma, type Db } from "~/db/client.server";
import { previousSubmission, recordSubmission } from "~/auth/form-token.server";

/**
 * The one write path (decision 038). Every model write runs in `write`:
 *
 *   await write(async (tx, effects) => {
 *     await tx.request.update(…);
 *     await effects.reindex("request", [id]);
 *     await effects.enqueue("recompute-matches", { requestId: id });
 *   });
 *
 * Effects write their outbox and job rows in the transaction, so they commit
 * or roll back with the change; the workers are woken only after a commit.
 *
 * Client argument convention: a model function that takes a client takes it
 * LAST. Reads take `db: DbClient = prisma`; a step of a write takes the
 * write's `tx` (then its `effects`, when it records any), with no default.
 */
export type Tx = Prisma.TransactionClient;

export type Effects = {
  /** Outbox rows: the search worker re-reads these entities after commit. */
  reindex(entity: SearchEntity, ids: readonly string[]): Promise<void>;
  /** Everything listed under these fields (their names are in the documents). */
  reindexFieldHolders(fieldIds: readonly string[]): Promise<void>;
  /** A change the engine needs no row for (a label renamed): cached answers are dropped. */
  searchableDataChanged(): Promise<void>;
  enqueue<K extends JobKind>(kind: K, payload: JobPayloads[K], options?: { runAt?: Date }): Promise<void>;
};

export type WriteOptions = {
  db?: Db;
  /** Prisma's interactive-transaction options (a long import or seed raises `timeout`). */
  timeout?: number;
  maxWait?: number;
};

export async function write<T>(work: (tx: Tx, effects: Effects) => Promise<T>, options: WriteOptions = {}): Promise<T> {
  const { db = prisma, ...transactionOptions } = options;
  const woken = { search: false, jobs: false };
  const result = await db.$transaction(async (tx) => {
    const effects: Effects = {
      async reindex(entity, ids) {
        await enqueueSearchSync(tx, entity, ids);
        if (entity === "organization") await enqueueOwnedOffers(tx, ids);
        if (entity === "organization") await enqueueOrganizedEvents(tx, ids);
        if (ids.length > 0) woken.search = true;
      },
      async reindexFieldHolders(fieldIds) {
        await enqueueFieldHolders(tx, fieldIds);
        if (fieldIds.length > 0) woken.search = true;
      },
      async searchableDataChanged() {
        await markSearchableDataChanged(tx);
        woken.search = true;
      },
      async enqueue(kind, payload, jobOptions) {
        await enqueueJob(tx, kind, payload, jobOptions);
        woken.jobs = true;
      },
    };
    return work(tx, effects);
  }, transactionOptions);
  // Only here, after the commit: a rollback threw above and woke nothing.
  if (woken.search) notifySearchOutbox();
  if (woken.jobs) notifyJobs();
  return result;
}

/**
 * A create form's write, once per form key (a double click, a resent form):
 * the key is recorded with the URL of what was created, in the same
 * transaction; a second submission goes where the first one went.
 */
export async function writeOnce(
  userId: string,
  key: string,
  work: (tx: Tx, effects: Effects) => Promise<string>,
): Promise<string> {
  const previous = await previousSubmission(userId, key);
  if (previous) return previous;
  try {
    return await write(async (tx, effects) => {
      const resultUrl = await work(tx, effects);
      await recordSubmission(userId, key, resultUrl, tx);
      return resultUrl;
    });
  } catch (error) {
    // The same key committed meanwhile: the whole second transaction rolled back.
    const winner = await previousSubmission(userId, key);
    if (winner) return winner;
    throw error;
  }
}
