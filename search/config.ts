/**
 * Where the search engine is. Read lazily, so that the boot code can start a
 * local Meilisearch and publish its address through the environment before
 * anything connects (and child processes inherit it).
 */
export type SearchConfig = {
  host: string;
  apiKey: string;
  /** Prefix of every index name: lets tests and the benchmark share a server. */
  indexPrefix: string;
  /** A key that may only search, for the pages (else derived from apiKey: search/search-key.ts). */
  searchKey?: string;
};

export function readSearchConfig(env = process.env): SearchConfig | null {
  const host = env.MEILI_HOST?.trim();
  if (!host) return null;
  return {
    host,
    apiKey: env.MEILI_MASTER_KEY ?? env.MEILI_API_KEY ?? "",
    indexPrefix: env.MEILI_INDEX_PREFIX ?? "",
    searchKey: env.MEILI_SEARCH_KEY?.trim() || undefined,
  };
}

export function requireSearchConfig(env = process.env): SearchConfig {
  const config = readSearchConfig(env);
  if (!config) throw new Error("MEILI_HOST is not set and no local Meilisearch was started");
  return config;
}
