/**
 * One instance per process, even when a module is loaded twice: by Vite's dev
 * server after a change, or once by the server bundle and once by the scripts
 * that boot it. Both copies then share the database connection and the search
 * outbox's wake-up signal.
 */
export function singleton<T>(name: string, create: () => T): T {
  const registry = globalThis as typeof globalThis & { __hinSingletons?: Map<string, unknown> };
  registry.__hinSingletons ??= new Map();
  if (!registry.__hinSingletons.has(name)) registry.__hinSingletons.set(name, create());
  return registry.__hinSingletons.get(name) as T;
}

/** Forget a singleton (tests and shutdown). */
export function dropSingleton(name: string) {
  const registry = globalThis as typeof globalThis & { __hinSingletons?: Map<string, unknown> };
  registry.__hinSingletons?.delete(name);
}
