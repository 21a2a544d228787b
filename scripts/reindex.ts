/**
 * Rebuilds every search index from the database and swaps each in, without a
 * gap in search. Usage: npm run reindex
 */
import { prisma } from "~/utils/db.server";
import { rebuildIndexes } from "./lib/rebuild-indexes";
import { withSearch } from "./with-search";

await withSearch(() => rebuildIndexes(prisma));
await prisma.$disconnect();
