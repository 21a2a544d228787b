import { setting } from "~/config/env.server";

/**
 * Where the search engine is: MEILI_HOST and its key, else the local Meilisearch the
 * portal started (`setLocalEngine`). Read at each call, so the boot code can start that
 * engine before anything connects; it is kept here rather than written into process.env
 * (docs/decisions/035).
 */
export type SearchConfig = {
  host: string;
  apiKey: string;
  /** Prefix of every index name: lets tests and the benchmark share a server. */
  indexPrefix: string;
  /** A key that may only search, for the pages (else derived from apiKey: search/search-key.ts). */
  searchKey?: string;
};

let localEngine: { host: string; apiKey: string } | null = null;

/** The engine this process started itself, used while MEILI_HOST is unset (null: none). */
export function setLocalEngine(engine: { host: string; apiKey: string } | null) {
  localEngine = engine;
}

export function readSearchConfig(): SearchConfig | null {
  const configured = setting("MEILI_HOST");
  const host = configured ?? localEngine?.host;
  if (!host) return null;
  return {
    host,
    apiKey: configured ? (setting("MEILI_MASTER_KEY") ?? setting("MEILI_API_KEY") ?? "") : localEngine!.apiKey,
    indexPrefix: setting("MEILI_INDEX_PREFIX"),
    searchKey: setting("MEILI_SEARCH_KEY"),
  };
}

export function requireSearchConfig(): SearchConfig {
  const config = readSearchConfig();
  if (!config) throw new Error("MEILI_HOST is not set and no local Meilisearch was started");
  return config;
}
