import { AsyncLocalStorage } from "node:async_hooks";
import { remember } from "@epic-web/remember";

/**
 * Where a request's time goes, as a `Server-Timing` header (SERVER_TIMING=on;
 * the benchmark reads it to show engine, database and app time side by side).
 * Phases add up per name: a search that asks the engine twice reports the sum.
 */
export class Timings {
  readonly #phases = new Map<string, { ms: number; description?: string }>();

  add(name: string, ms: number, description?: string) {
    const phase = this.#phases.get(name);
    if (phase) phase.ms += ms;
    else this.#phases.set(name, { ms, description });
  }

  /** `engine;dur=12.3, cards;dur=1.1`: names are tokens, durations in milliseconds. */
  header(): string {
    return [...this.#phases]
      .map(
        ([name, { ms, description }]) => `${name};dur=${ms.toFixed(1)}${description ? `;desc="${description}"` : ""}`,
      )
      .join(", ");
  }
}

// One store per process: the server entry and the Remix build are two bundles, each with its
// own copy of this module; the middleware sets what the loaders read.
const current = remember("server-timing", () => new AsyncLocalStorage<Timings>());

/** Runs a request's handling with its own timings (app/server/http.server.ts). */
export function withTimings<T>(timings: Timings, run: () => T): T {
  return current.run(timings, run);
}

/** Times one phase of the current request; a plain call outside a timed request. */
export async function timed<T>(name: string, run: () => Promise<T>): Promise<T> {
  const timings = current.getStore();
  if (!timings) return run();
  const started = performance.now();
  try {
    return await run();
  } finally {
    timings.add(name, performance.now() - started);
  }
}

/** Records a duration measured elsewhere (the engine's own processingTimeMs). */
export function recordTiming(name: string, ms: number) {
  current.getStore()?.add(name, ms);
}
