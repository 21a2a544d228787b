import { MeiliSearch } from "meilisearch";
import { requireSearchConfig, type SearchConfig } from "./config";

/**
 * The Meilisearch client, one per configuration. Requests time out quickly:
 * a page waiting on a hung engine is worse than the database fallback.
 */
const clients = new Map<string, MeiliSearch>();

export const SEARCH_REQUEST_TIMEOUT_MS = Number(process.env.MEILI_TIMEOUT_MS ?? 2_000);

export function searchClient(config: SearchConfig = requireSearchConfig()): MeiliSearch {
  const key = `${config.host}\n${config.apiKey}`;
  let client = clients.get(key);
  if (!client) {
    client = new MeiliSearch({ host: config.host, apiKey: config.apiKey, timeout: SEARCH_REQUEST_TIMEOUT_MS });
    clients.set(key, client);
  }
  return client;
}

/** The full name of an index, with this deployment's prefix. */
export function indexUid(base: string, config: SearchConfig = requireSearchConfig()): string {
  return `${config.indexPrefix}${base}`;
}
