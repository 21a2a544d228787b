/**
 * Rebuilds every search index from the database and swaps each in, without a
 * gap in search. Usage: npm run reindex
 */
// First: the files this script makes are private (docs/decisions/027).
import "./lib/private-data";
import { prisma } from "~/db/client.server";
import { rebuildIndexes } from "./lib/rebuild-indexes";
import { withSearch } from "./with-search";

await withSearch(() => rebuildIndexes(prisma));
await prisma.$disconnect();
