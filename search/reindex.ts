import type { DbClient } from "~/db/client.server";
import { PUBLIC_OFFER } from "~/domain/offer-values";
import { indexingClient, indexUid } from "./client";
import { requireSearchConfig, type SearchConfig } from "./config";
import { expertDocument, expertIndexInclude } from "./expert-document";
import { bumpIndexGeneration } from "./index-generation";
import {
  createIndexIfMissing,
  ensureIndex,
  EVENTS_INDEX,
  EXPERTS_INDEX,
  OFFERS_INDEX,
  ORGANIZATIONS_INDEX,
  REQUESTS_INDEX,
  type IndexDefinition,
} from "./indexes";
import { loadIndexSources, organizationDocument } from "./organization-document";
import { offerDocument, offerIndexInclude } from "./offer-document";
import { eventDocument, eventIndexInclude, INDEXED_EVENT } from "./event-document";
import { markSearchableDataChanged, type SearchEntity } from "./outbox";
import { requestDocument, requestIndexInclude } from "./request-document";

/**
 * Rebuilds an index without a gap in search: loads every indexable row into
 * `<index>_new` (settings applied first), swaps it with the live index in one
 * atomic task, then drops the old one.
 *
 * Changes made while it runs are not lost: the outbox worker keeps applying
 * them to the live index, and after the swap every entity touched since the
 * rebuild began is queued again, so it reaches the new index too.
 */
export type ReindexProgress = { indexed: number; total: number };
type ReindexOptions = {
  config?: SearchConfig;
  batchSize?: number;
  onProgress?: (progress: ReindexProgress) => void | Promise<void>;
};

/** How to read one entity's indexable rows in id order, a batch at a time. */
type Source = {
  entity: SearchEntity;
  index: IndexDefinition;
  count: (db: DbClient) => Promise<number>;
  batch: (db: DbClient, afterId: string | undefined, limit: number) => Promise<{ id: string }[]>;
};

const SOURCES: Record<SearchEntity, Source> = {
  organization: {
    entity: "organization",
    index: ORGANIZATIONS_INDEX,
    count: (db) => db.organization.count({ where: { status: "published" } }),
    batch: async (db, afterId, limit) =>
      (await loadIndexSources(db, { publishedOnly: true, afterId, limit })).map(organizationDocument),
  },
  expert: {
    entity: "expert",
    index: EXPERTS_INDEX,
    count: (db) => db.expertProfile.count({ where: { status: "published", hiddenAt: null } }),
    batch: async (db, afterId, limit) =>
      (
        await db.expertProfile.findMany({
          where: { status: "published", hiddenAt: null, ...(afterId ? { id: { gt: afterId } } : {}) },
          include: expertIndexInclude,
          orderBy: { id: "asc" },
          take: limit,
        })
      ).map(expertDocument),
  },
  request: {
    entity: "request",
    index: REQUESTS_INDEX,
    count: (db) => db.techRequest.count({ where: { status: "open" } }),
    batch: async (db, afterId, limit) =>
      (
        await db.techRequest.findMany({
          where: { status: "open", ...(afterId ? { id: { gt: afterId } } : {}) },
          include: requestIndexInclude,
          orderBy: { id: "asc" },
          take: limit,
        })
      ).map(requestDocument),
  },
  offer: {
    entity: "offer",
    index: OFFERS_INDEX,
    count: (db) => db.offer.count({ where: PUBLIC_OFFER }),
    batch: async (db, afterId, limit) =>
      (
        await db.offer.findMany({
          where: { ...PUBLIC_OFFER, ...(afterId ? { id: { gt: afterId } } : {}) },
          include: offerIndexInclude,
          orderBy: { id: "asc" },
          take: limit,
        })
      ).map(offerDocument),
  },
  event: {
    entity: "event",
    index: EVENTS_INDEX,
    count: (db) => db.event.count({ where: INDEXED_EVENT }),
    batch: async (db, afterId, limit) =>
      (
        await db.event.findMany({
          where: { ...INDEXED_EVENT, ...(afterId ? { id: { gt: afterId } } : {}) },
          include: eventIndexInclude,
          orderBy: { id: "asc" },
          take: limit,
        })
      ).map(eventDocument),
  },
};

export function countIndexable(db: DbClient, entity: SearchEntity) {
  return SOURCES[entity].count(db);
}

export function reindexOrganizations(db: DbClient, options: ReindexOptions = {}) {
  return reindex(db, "organization", options);
}

export async function reindex(
  db: DbClient,
  entity: SearchEntity,
  options: ReindexOptions = {},
): Promise<{ indexed: number; ms: number }> {
  const started = Date.now();
  const source = SOURCES[entity];
  const config = options.config ?? requireSearchConfig();
  const client = indexingClient(config);
  const live = indexUid(source.index.base, config);
  const next = `${live}_new`;
  const batchSize = options.batchSize ?? 10_000;
  const lastOutboxId = (await db.searchOutbox.aggregate({ _max: { id: true } }))._max.id ?? 0;

  // deleteIndexIfExists only enqueues the deletion: wait for it, or a `_new`
  // left by an interrupted rebuild is still there when ensureIndex looks, is
  // not created again, and is gone when its settings are read.
  await client.deleteIndex(next).waitTask({ timeout: 0 });
  await ensureIndex(source.index, { uid: next, config });

  const total = await source.count(db);
  let indexed = 0;
  let cursor: string | undefined;
  const tasks: {
    waitTask: (options?: { timeout?: number }) => Promise<{ status: string; error?: { message?: string } | null }>;
  }[] = [];
  await options.onProgress?.({ indexed, total });
  for (;;) {
    const documents = await source.batch(db, cursor, batchSize);
    if (documents.length === 0) break;
    cursor = documents.at(-1)!.id;
    // Meilisearch queues the batches, so reading the next one overlaps with
    // indexing, once this one has reached the engine: wait for that. The
    // database reads are synchronous, so without a wait no request left the
    // process before the last batch was read, and the engine sat idle for it
    // (12 of the 66 s of a 100,000-organization build).
    const task = client.index(next).addDocuments(documents, { primaryKey: source.index.primaryKey });
    await task;
    tasks.push(task);
    indexed += documents.length;
    await options.onProgress?.({ indexed, total });
  }
  for (const task of tasks) {
    const done = await task.waitTask({ timeout: 0 });
    if (done.status !== "succeeded") throw new Error(`indexing ${next} failed: ${done.error?.message}`);
  }

  await createIndexIfMissing(client, live, source.index.primaryKey);
  const swap = await client.swapIndexes([{ indexes: [live, next], rename: false }]).waitTask({ timeout: 0 });
  if (swap.status !== "succeeded") throw new Error(`swapping ${next} into ${live} failed: ${swap.error?.message}`);
  bumpIndexGeneration();
  await markSearchableDataChanged(db);
  await client.deleteIndex(next).waitTask({ timeout: 0 });

  await requeueChangedSince(db, entity, lastOutboxId);
  return { indexed, ms: Date.now() - started };
}

async function requeueChangedSince(db: DbClient, entity: SearchEntity, lastOutboxId: number) {
  const touched = await db.searchOutbox.findMany({
    where: { id: { gt: lastOutboxId }, entity },
    distinct: ["entityId"],
    select: { entity: true, entityId: true },
  });
  if (touched.length > 0) await db.searchOutbox.createMany({ data: touched });
}
