/**
 * Rebuilds the search index from the database and swaps it in, without a gap
 * in search. Usage: npm run reindex
 */
import { SearchOutboxWorker } from "#search/outbox-worker";
import { prepareSearch } from "#search/prepare";
import { reindexOrganizations } from "#search/reindex";
import { prisma } from "~/utils/db.server";
import { withSearch } from "./with-search";

await withSearch(async () => {
  let last = 0;
  const result = await reindexOrganizations(prisma, {
    onProgress: ({ indexed, total }) => {
      if (indexed === total || Date.now() - last > 500) {
        last = Date.now();
        const percent = total === 0 ? 100 : Math.round((indexed / total) * 100);
        process.stdout.write(`\rindexing organizations: ${indexed}/${total} (${percent}%)   `);
      }
    },
  });
  process.stdout.write("\n");
  // Deliver the changes queued during the rebuild before exiting.
  await new SearchOutboxWorker({ db: prisma, prepare: () => prepareSearch(prisma).then(() => {}) }).drain();
  console.log(`done: ${result.indexed} organizations in ${(result.ms / 1000).toFixed(1)} s, swapped in`);
});
await prisma.$disconnect();
