import path from "node:path";
import { readSearchConfig } from "#search/config";
import { findRunningLocalMeilisearch, startLocalMeilisearch, type LocalMeilisearch } from "#search/local-server";

/** Which engine a script ended up with: MEILI_HOST's, or the local one on `dataDir`. */
export type SearchEngine = { kind: "remote" } | { kind: "local"; dataDir: string; startedHere: boolean };

/** The local Meilisearch's data directory (MEILI_DATA_DIR, else .data/meilisearch). */
export function localSearchDataDir(): string {
  return path.resolve(process.env.MEILI_DATA_DIR ?? path.resolve(import.meta.dirname, "../.data/meilisearch"));
}

/**
 * For command-line scripts: use the configured engine (MEILI_HOST), else the
 * local Meilisearch of a running portal, else start that local Meilisearch
 * (its data under .data/) for the duration of the script.
 */
export async function withSearch<T>(work: (engine: SearchEngine) => Promise<T>): Promise<T> {
  let local: LocalMeilisearch | null = null;
  let engine: SearchEngine = { kind: "remote" };
  if (!readSearchConfig()) {
    const dataDir = localSearchDataDir();
    const running = await findRunningLocalMeilisearch(dataDir);
    if (!running) local = await startLocalMeilisearch({ dataDir });
    const { host, apiKey } = running ?? local!;
    process.env.MEILI_HOST = host;
    process.env.MEILI_MASTER_KEY = apiKey;
    engine = { kind: "local", dataDir, startedHere: local !== null };
  }
  try {
    return await work(engine);
  } finally {
    await local?.stop();
  }
}
