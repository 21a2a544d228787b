import Database from "better-sqlite3";
import { indexGeneration } from "#search/index-generation";
import { databaseFilePath, resolveDatabaseUrl } from "./database-url";
import { prisma } from "./db.server";
import { remember } from "@epic-web/remember";

/**
 * A value computed from many rows, kept until the data changes (or a minute
 * passes): this process's writes to listings, profiles and requests move the
 * search index generation, any other connection's write moves SQLite's
 * data_version. Callers arriving together share one computation; a failed
 * one is not kept. `<NAME>_CACHE=off`-style switches stay with the caller.
 */
export function versionedCache<T>(name: string, load: () => Promise<T>, ttlMs = 60_000): () => Promise<T> {
  const cache = remember(`versioned-cache:${name}`, () => ({ version: "", loadedAt: 0, value: null as Promise<T> | null }));
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

/**
 * SQLite's data_version, read on a read-only connection of its own. Sent
 * through Prisma, the PRAGMA is not a SELECT, so the adapter runs it on the
 * write connection, where it waited for any open transaction: a long import
 * stalled the home and ecosystem pages. This connection never writes, so
 * every commit (this process's writer included) moves its data_version.
 */
async function dataVersion(): Promise<string> {
  const file = databaseFilePath(resolveDatabaseUrl());
  // In memory there is one connection only, and nothing to wait for but it.
  if (!file) {
    const [row] = await prisma.$queryRawUnsafe<{ data_version: bigint | number }[]>("PRAGMA data_version");
    return `${indexGeneration()}:${Number(row?.data_version ?? 0)}`;
  }
  try {
    return `${indexGeneration()}:${Number(versionReader(file).get())}`;
  } catch {
    // Busy (a crashed writer's journal being recovered): a version nobody has, so nothing stale is kept.
    return `unknown:${Math.random()}`;
  }
}

function versionReader(file: string) {
  return remember(`versioned-cache-reader:${file}`, () => {
    // timeout 0: a WAL reader does not wait; if it ever would, the caller computes afresh instead.
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 0 });
    return db.prepare<[], number | bigint>("PRAGMA data_version").pluck();
  });
}
