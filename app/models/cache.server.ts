import { LRUCache } from "lru-cache";
import { openSearchableDataVersion, type DataVersion } from "#search/data-version";
import { databaseFilePath, resolveDatabaseUrl } from "~/db/database-url";
import { log } from "~/config/log.server";
import { remember } from "@epic-web/remember";

/**
 * Every cache of the portal, and the one data version they key on
 * (docs/decisions/015, 020, 034): the searchable data version of
 * search/data-version.ts, read on a read-only connection of its own that
 * never waits. It moves with every write to listings, profiles, requests and
 * the taxonomy, from any process, and when the engine has applied them.
 * Entries also expire after a time limit, which bounds what it cannot see.
 */
const reader = remember("data-version-reader", () => ({ current: null as DataVersion | null, file: "" }));

/** The data version now, or null when it cannot be read (in memory, or busy): then nothing is cached. */
export function dataVersion(): string | null {
  const file = databaseFilePath(resolveDatabaseUrl());
  // In memory no other connection can open the database: caches are off.
  if (!file) return null;
  try {
    if (reader.file !== file) {
      reader.current?.close();
      Object.assign(reader, { current: openSearchableDataVersion(file), file });
    }
    return reader.current!.read();
  } catch (error) {
    // Busy (a crashed writer's journal being recovered): computed afresh, nothing stale is kept.
    log("warn", "data_version_failed", { error: String(error) });
    return null;
  }
}

/** Lets go of the version's connection (shutdown, tests); the next read opens it again. */
export function closeDataVersion() {
  reader.current?.close();
  Object.assign(reader, { current: null, file: "" });
}

/**
 * Values computed from the data, kept per key and data version, least
 * recently used dropped first. Callers asking for the same key at the same
 * version together share one computation; a failed one is not kept.
 */
export class DataCache<T extends object> {
  readonly #entries: LRUCache<string, T, () => Promise<T>>;

  constructor(options: { max: number; ttlMs: number }) {
    this.#entries = new LRUCache<string, T, () => Promise<T>>({
      max: options.max,
      ttl: options.ttlMs,
      fetchMethod: (_key, _stale, { context }) => context(),
    });
  }

  /** The kept value of `key` computed at `version`, if any. */
  get(key: string, version: string): T | undefined {
    return this.#entries.get(`${version}\n${key}`);
  }

  /** Keeps `value`, computed at `version` (read before computing it). */
  set(key: string, version: string, value: T) {
    this.#entries.set(`${version}\n${key}`, value);
  }

  /** The value of `key` at the current data version, computed by `load` if not kept. */
  async fetch(key: string, load: () => Promise<T>): Promise<T> {
    const version = dataVersion();
    if (version === null) return load();
    const found = await this.#entries.fetch(`${version}\n${key}`, { context: load });
    return found ?? load();
  }

  clear() {
    this.#entries.clear();
  }
}

/** One cache per name and process (Vite's dev server may load this module twice). */
export function dataCache<T extends object>(name: string, options: { max: number; ttlMs: number }): DataCache<T> {
  return remember(`data-cache:${name}`, () => new DataCache<T>(options));
}
