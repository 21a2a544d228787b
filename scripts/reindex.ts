/**
 * Rebuilds every search index from the database and swaps each in, without a
 * gap in search. Usage: npm run reindex
 */
import { SearchOutboxWorker } from "#search/outbox-worker";
import type { SearchEntity } from "#search/outbox";
import { prepareSearch } from "#search/prepare";
import { reindex } from "#search/reindex";
import { prisma } from "~/utils/db.server";
import { withSearch } from "./with-search";

await withSearch(async () => {
  for (const entity of ["organization", "expert", "request"] as SearchEntity[]) {
    let last = 0;
    const result = await reindex(prisma, entity, {
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
  await new SearchOutboxWorker({ db: prisma, prepare: () => prepareSearch(prisma).then(() => {}) }).drain();
});
await prisma.$disconnect();
