/**
 * Measures the directory search on the relevance set (search/relevance/):
 * a fresh database with the real seed data and a local Meilisearch of its own,
 * as the integration tests have, then every query through the search gateway.
 * Prints count, top-1 and top-5 hit rates and MRR per category, and the misses.
 *   npm run eval:search [-- --misses=false] [--concepts=off (no boost by the query's fields)]
 *     [--queries=FILE (a set of the same format kept elsewhere, e.g. a held-out set; default the repository's)]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eval-search-"));
Object.assign(process.env, {
  DATABASE_URL: `file:${path.join(dir, "portal.db")}`,
  MEILI_INDEX_PREFIX: "eval_",
  LOG_LEVEL: "error",
  SEARCH_CACHE: "off",
});
delete process.env.MEILI_HOST;
delete process.env.MEILI_MASTER_KEY;
delete process.env.MEILI_SEARCH_KEY;

const { applyMigrations } = await import("~/db/migrate.server");
const { startLocalMeilisearch } = await import("#search/local-server");
applyMigrations();
const meili = await startLocalMeilisearch({ dataDir: path.join(dir, "meilisearch") });
process.env.MEILI_HOST = meili.host;
process.env.MEILI_MASTER_KEY = meili.apiKey;
try {
  const { prisma } = await import("~/db/client.server");
  const { seedDirectory } = await import("~/models/seed.server");
  const { prepareSearch } = await import("#search/prepare");
  const { SearchOutboxWorker } = await import("#search/outbox-worker");
  const { searchDirectory } = await import("~/models/search-gateway.server");
  const { evaluateRelevance, formatRelevanceReport, relevanceSearchInput } = await import("#search/relevance/evaluate");
  const { RELEVANCE_QUERIES } = await import("#search/relevance/queries");
  const queries = await queriesFrom(process.argv.find((arg) => arg.startsWith("--queries="))?.slice(10));
  await seedDirectory();
  if (process.argv.includes("--dump")) await dump(prisma);
  await prepareSearch(prisma);
  await new SearchOutboxWorker({ db: prisma, prepare: () => prepareSearch(prisma).then(() => {}) }).drain();
  const report = await evaluateRelevance(queries ?? RELEVANCE_QUERIES, async (q) =>
    (
      await searchDirectory({ ...relevanceSearchInput(q), concepts: !process.argv.includes("--concepts=off") })
    ).results.map(({ organization }) => organization.slug),
  );
  console.log(formatRelevanceReport(report, { misses: !process.argv.includes("--misses=false") }));
  await prisma.$disconnect();
} finally {
  await meili.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A query set from a file exporting RELEVANCE_QUERIES (or its default export), or null for the repository's. */
async function queriesFrom(file: string | undefined) {
  if (!file) return null;
  type Queries = readonly import("#search/relevance/evaluate").RelevanceQuery[];
  const module = (await import(pathToFileURL(path.resolve(file)).href)) as {
    RELEVANCE_QUERIES?: Queries;
    default?: Queries;
  };
  const queries = module.RELEVANCE_QUERIES ?? module.default;
  if (!queries?.length) throw new Error(`${file} exports no RELEVANCE_QUERIES`);
  return queries;
}

/** The indexed listings with their fields, for writing the expected answers. */
async function dump(db: import("~/generated/prisma/client").PrismaClient) {
  const rows = await db.organization.findMany({
    where: { status: "published" },
    select: {
      slug: true,
      kind: true,
      acronym: true,
      nameVi: true,
      nameEn: true,
      summaryVi: true,
      summaryEn: true,
      fields: { select: { field: { select: { slug: true } } } },
    },
    orderBy: { slug: "asc" },
  });
  for (const row of rows) {
    const fields = row.fields.map(({ field }) => field.slug).join(",");
    console.log(
      `${row.slug} [${row.kind}] ${row.acronym ?? ""} | ${row.nameVi ?? ""} | ${row.nameEn ?? ""} | ${fields}`,
    );
    console.log(`   ${row.summaryVi ?? ""} / ${row.summaryEn ?? ""}`);
  }
}
