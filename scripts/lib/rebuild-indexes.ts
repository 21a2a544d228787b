import { SearchOutboxWorker } from "#search/outbox-worker";
import { SEARCH_ENTITIES } from "#search/outbox";
import { prepareSearch } from "#search/prepare";
import { reindex } from "#search/reindex";
import type { Db } from "~/db/client.server";

/**
 * Rebuilds every search index from the database (each into a new index,
 * swapped in), showing progress, then delivers the changes queued meanwhile.
 * Used by `npm run reindex` and `npm run restore -- --reindex`.
 */
export async function rebuildIndexes(db: Db) {
  for (const entity of SEARCH_ENTITIES) {
    let last = 0;
    const result = await reindex(db, entity, {
      onProgress: ({ indexed, total }) => {
        if (indexed === total || Date.now() - last > 500) {
          last = Date.now();
          const percent = total === 0 ? 100 : Math.round((indexed / total) * 100);
          process.stdout.write(`\rindexing ${entity}s: ${indexed}/${total} (${percent}%)   `);
        }
      },
    });
    process.stdout.write(`\n${entity}s: ${result.indexed} in ${(result.ms / 1000).toFixed(1)} s, swapped in\n`);
  }
  // Deliver the changes queued during the rebuild before exiting.
  await new SearchOutboxWorker({ db, prepare: () => prepareSearch(db).then(() => {}) }).drain();
}
