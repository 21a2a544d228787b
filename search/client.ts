import { MeiliSearch } from "meilisearch";
import { requireSearchConfig, type SearchConfig } from "./config";
import { meilisearchHttpClient } from "./http-client";
import { pageSearchKey } from "./search-key";
import { setting } from "~/config/env.server";

/**
 * Meilisearch clients, one per configuration and use:
 * - `pageSearchClient` for the pages' queries, with a key that can only
 *   search (search/search-key.ts); they time out quickly, because a page
 *   waiting on a hung engine is worse than the database fallback;
 * - `searchClient`, the same timeout with the admin key (health checks,
 *   scripts, tests);
 * - `indexingClient` for writes, settings and tasks, whose requests carry
 *   large batches and may wait for the engine to catch up.
 */
const clients = new Map<string, MeiliSearch>();

const requestTimeoutMs = () => setting("MEILI_TIMEOUT_MS");
const INDEXING_REQUEST_TIMEOUT_MS = 120_000;

function client(config: SearchConfig, timeout: number): MeiliSearch {
  const key = `${config.host}\n${config.apiKey}\n${timeout}`;
  let found = clients.get(key);
  if (!found) {
    found = new MeiliSearch({ host: config.host, apiKey: config.apiKey, timeout, httpClient: meilisearchHttpClient });
    clients.set(key, found);
  }
  return found;
}

export function searchClient(config: SearchConfig = requireSearchConfig()): MeiliSearch {
  return client(config, requestTimeoutMs());
}

/** The pages' client: its key may only search this deployment's indexes. */
export async function pageSearchClient(config: SearchConfig = requireSearchConfig()): Promise<MeiliSearch> {
  const key = await pageSearchKey(config, searchClient(config));
  return client({ ...config, apiKey: key }, requestTimeoutMs());
}

export function indexingClient(config: SearchConfig = requireSearchConfig()): MeiliSearch {
  return client(config, INDEXING_REQUEST_TIMEOUT_MS);
}

/** The full name of an index, with this deployment's prefix. */
export function indexUid(base: string, config: SearchConfig = requireSearchConfig()): string {
  return `${config.indexPrefix}${base}`;
}
