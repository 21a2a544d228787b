import { setting } from "~/config/env.server";
import { remember } from "@epic-web/remember";

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

// One per process: the boot code and the Remix server bundle each load their own copy of
// this module, and the bundle's copy must see the engine the boot code started.
const local = remember("search-local-engine", () => ({ engine: null as { host: string; apiKey: string } | null }));

/** The engine this process started itself, used while MEILI_HOST is unset (null: none). */
export function setLocalEngine(engine: { host: string; apiKey: string } | null) {
  local.engine = engine;
}

export function readSearchConfig(): SearchConfig | null {
  const configured = setting("MEILI_HOST");
  const localEngine = local.engine;
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
