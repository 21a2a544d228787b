import path from "node:path";
import { readSearchConfig } from "#search/config";
import { findRunningLocalMeilisearch, startLocalMeilisearch, type LocalMeilisearch } from "#search/local-server";

/**
 * For command-line scripts: use the configured engine (MEILI_HOST), else the
 * local Meilisearch of a running portal, else start that local Meilisearch
 * (its data under .data/) for the duration of the script.
 */
export async function withSearch<T>(work: () => Promise<T>): Promise<T> {
  let local: LocalMeilisearch | null = null;
  if (!readSearchConfig()) {
    const dataDir = process.env.MEILI_DATA_DIR ?? path.resolve(import.meta.dirname, "../.data/meilisearch");
    const running = await findRunningLocalMeilisearch(dataDir);
    if (!running) local = await startLocalMeilisearch({ dataDir });
    const { host, apiKey } = running ?? local!;
    process.env.MEILI_HOST = host;
    process.env.MEILI_MASTER_KEY = apiKey;
  }
  try {
    return await work();
  } finally {
    await local?.stop();
  }
}
