import { singleton } from "./singleton.server";

/**
 * Fixed-window rate limits kept in memory (one portal process; behind several
 * processes, move them to a shared store). Each limit is named and counted per
 * key: an address, an account, an e-mail.
 */
export type Limit = { name: string; max: number; windowMs: number };

export const LIMITS = {
  signInPerAddress: { name: "sign-in:address", max: 30, windowMs: 15 * 60_000 },
  signInPerAccount: { name: "sign-in:account", max: 10, windowMs: 15 * 60_000 },
  signUpPerAddress: { name: "sign-up:address", max: 10, windowMs: 60 * 60_000 },
  resetPerAddress: { name: "reset:address", max: 10, windowMs: 60 * 60_000 },
  resetPerAccount: { name: "reset:account", max: 3, windowMs: 60 * 60_000 },
  writesPerUser: { name: "writes:user", max: 120, windowMs: 60 * 60_000 },
  messagesPerUser: { name: "messages:user", max: 60, windowMs: 10 * 60_000 },
  apiPerAddress: { name: "api:address", max: 600, windowMs: 60_000 },
} satisfies Record<string, Limit>;

const windows = singleton("rate-limit-windows", () => new Map<string, { start: number; count: number; until: number }>());

/**
 * Counts one hit; returns how long to wait (ms) when over the limit, else 0.
 * Limits can be scaled for tests with RATE_LIMIT_FACTOR.
 */
export function hit(limit: Limit, key: string, now = Date.now()): number {
  const factor = Number(process.env.RATE_LIMIT_FACTOR ?? 1);
  // A mistyped factor must not switch the limits off (NaN) or to one try (0).
  const max = Math.max(1, Math.round(limit.max * (Number.isFinite(factor) && factor > 0 ? factor : 1)));
  const id = `${limit.name}\n${key}`;
  let window = windows.get(id);
  if (!window || now >= window.until) {
    window = { start: now, count: 0, until: now + limit.windowMs };
    windows.set(id, window);
  }
  window.count += 1;
  if (windows.size > 50_000) prune(now);
  return window.count > max ? window.until - now : 0;
}

/** Takes back one hit: a successful sign-in does not count against a shared (campus, office) address. */
export function forgive(limit: Limit, key: string) {
  const window = windows.get(`${limit.name}\n${key}`);
  if (window && window.count > 0) window.count -= 1;
}

/** Forgets a key's hits (a successful sign-in clears that account's failures). */
export function reset(limit: Limit, key: string) {
  windows.delete(`${limit.name}\n${key}`);
}

function prune(now: number) {
  for (const [id, window] of windows) if (now >= window.until) windows.delete(id);
}

export function resetAllRateLimits() {
  windows.clear();
}
