import type { DbClient } from "~/utils/db.server";
import { indexingClient, indexUid } from "./client";
import { requireSearchConfig, type SearchConfig } from "./config";
import { createIndexIfMissing, ensureIndex, ORGANIZATIONS_INDEX } from "./indexes";
import { loadIndexSources, organizationDocument } from "./organization-document";
import { bumpIndexGeneration } from "./index-generation";
import { loadTaxonomy } from "./taxonomy";

/**
 * Rebuilds the organizations index without a gap in search: loads every
 * published organization into `<index>_new` (settings applied first), swaps it
 * with the live index in one atomic task, then drops the old one.
 *
 * Changes made while it runs are not lost: the outbox worker keeps applying
 * them to the live index, and after the swap every entity touched since the
 * rebuild began is queued again, so it reaches the new index too.
 */
export type ReindexProgress = { indexed: number; total: number };

export async function reindexOrganizations(
  db: DbClient,
  options: {
    config?: SearchConfig;
    batchSize?: number;
    onProgress?: (progress: ReindexProgress) => void | Promise<void>;
  } = {},
): Promise<{ indexed: number; ms: number }> {
  const started = Date.now();
  const config = options.config ?? requireSearchConfig();
  const client = indexingClient(config);
  const live = indexUid(ORGANIZATIONS_INDEX.base, config);
  const next = `${live}_new`;
  const batchSize = options.batchSize ?? 10_000;
  const lastOutboxId = (await db.searchOutbox.aggregate({ _max: { id: true } }))._max.id ?? 0;

  await client.deleteIndexIfExists(next);
  const taxonomy = await loadTaxonomy(db);
  await ensureIndex(ORGANIZATIONS_INDEX, taxonomy, { uid: next, config });

  const total = await db.organization.count({ where: { status: "published" } });
  let indexed = 0;
  let cursor: string | undefined;
  const tasks: { waitTask: (options?: { timeout?: number }) => Promise<{ status: string; error?: { message?: string } | null }> }[] = [];
  await options.onProgress?.({ indexed, total });
  for (;;) {
    const rows = await loadIndexSources(db, { publishedOnly: true, afterId: cursor, limit: batchSize });
    if (rows.length === 0) break;
    cursor = rows.at(-1)!.id;
    // Meilisearch queues the batches; reading the next one overlaps with indexing.
    tasks.push(client.index(next).addDocuments(rows.map(organizationDocument), { primaryKey: "id" }));
    indexed += rows.length;
    await options.onProgress?.({ indexed, total });
  }
  for (const task of tasks) {
    const done = await task.waitTask({ timeout: 0 });
    if (done.status !== "succeeded") throw new Error(`indexing ${next} failed: ${done.error?.message}`);
  }

  await createIndexIfMissing(client, live, ORGANIZATIONS_INDEX.primaryKey);
  const swap = await client.swapIndexes([{ indexes: [live, next], rename: false }]).waitTask({ timeout: 0 });
  if (swap.status !== "succeeded") throw new Error(`swapping ${next} into ${live} failed: ${swap.error?.message}`);
  bumpIndexGeneration();
  await client.deleteIndex(next).waitTask({ timeout: 0 });

  await requeueChangedSince(db, lastOutboxId);
  return { indexed, ms: Date.now() - started };
}

async function requeueChangedSince(db: DbClient, lastOutboxId: number) {
  const touched = await db.searchOutbox.findMany({
    where: { id: { gt: lastOutboxId } },
    distinct: ["entity", "entityId"],
    select: { entity: true, entityId: true },
  });
  if (touched.length > 0) await db.searchOutbox.createMany({ data: touched });
}
