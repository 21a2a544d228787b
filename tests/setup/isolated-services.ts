import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";

/**
 * Before each integration test file: its own copy of the migrated database and
 * its own index prefix, set in the environment before the app's modules load.
 */
const id = crypto.randomBytes(4).toString("hex");
const template = inject("templateDatabase");
const database = path.join(path.dirname(template), `test-${id}.db`);
fs.copyFileSync(template, database);

const search = { host: inject("meiliHost"), apiKey: inject("meiliKey"), indexPrefix: `t${id}_` };
process.env.DATABASE_URL = `file:${database}`;
process.env.MEILI_HOST = search.host;
process.env.MEILI_MASTER_KEY = search.apiKey;
process.env.MEILI_INDEX_PREFIX = search.indexPrefix;
process.env.LOG_LEVEL = "error";

afterAll(async () => {
  const { prisma } = await import("~/db/client.server");
  await prisma.$disconnect();
  const { searchClient } = await import("#search/client");
  // The test may have pointed the environment elsewhere; clean up where it started.
  const client = searchClient(search);
  const { results } = await client.getIndexes({ limit: 1000 });
  await Promise.all(
    results.filter((index) => index.uid.startsWith(search.indexPrefix)).map((index) => client.deleteIndex(index.uid)),
  );
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${database}${suffix}`, { force: true });
});
