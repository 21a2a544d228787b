import { indexGeneration } from "#search/index-generation";
import { prisma } from "./db.server";
import { singleton } from "./singleton.server";

/**
 * A value computed from many rows, kept until the data changes (or a minute
 * passes): this process's writes to listings, profiles and requests move the
 * search index generation, any other connection's write moves SQLite's
 * data_version. Callers arriving together share one computation; a failed
 * one is not kept. `<NAME>_CACHE=off`-style switches stay with the caller.
 */
export function versionedCache<T>(name: string, load: () => Promise<T>, ttlMs = 60_000): () => Promise<T> {
  const cache = singleton(`versioned-cache:${name}`, () => ({ version: "", loadedAt: 0, value: null as Promise<T> | null }));
  return async () => {
    const version = await dataVersion();
    if (cache.value && cache.version === version && Date.now() - cache.loadedAt < ttlMs) return cache.value;
    const loading = load();
    Object.assign(cache, { version, loadedAt: Date.now(), value: loading });
    loading.catch(() => {
      if (cache.value === loading) cache.value = null;
    });
    return loading;
  };
}

async function dataVersion(): Promise<string> {
  const [row] = await prisma.$queryRawUnsafe<{ data_version: bigint | number }[]>("PRAGMA data_version");
  return `${indexGeneration()}:${Number(row?.data_version ?? 0)}`;
}
