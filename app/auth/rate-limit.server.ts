import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { remember } from "@epic-web/remember";
import { setting } from "~/config/env.server";

/**
 * Fixed-window rate limits kept in memory by rate-limiter-flexible (one portal
 * process; behind several processes, switch to one of its shared stores). Each
 * limit is named and counted per key: an address, an account, an e-mail.
 */
export type Limit = { name: string; max: number; windowMs: number };

export const LIMITS = {
  signInPerAddress: { name: "sign-in:address", max: 30, windowMs: 15 * 60_000 },
  // Keyed by account and address together, so that nobody can lock the owner out from elsewhere.
  signInPerAccount: { name: "sign-in:account", max: 10, windowMs: 15 * 60_000 },
  // Checks of the current password by signed-in people (changing it), like sign-in.
  passwordCheckPerAddress: { name: "password-check:address", max: 30, windowMs: 15 * 60_000 },
  passwordCheckPerAccount: { name: "password-check:account", max: 10, windowMs: 15 * 60_000 },
  // Over this, the next wrong current password ends the session: the 5th in 15 minutes.
  wrongPasswordsPerAccount: { name: "wrong-password:account", max: 4, windowMs: 15 * 60_000 },
  signUpPerAddress: { name: "sign-up:address", max: 10, windowMs: 60 * 60_000 },
  signUpPerEmail: { name: "sign-up:email", max: 3, windowMs: 60 * 60_000 },
  resetPerAddress: { name: "reset:address", max: 10, windowMs: 60 * 60_000 },
  resetPerAccount: { name: "reset:account", max: 3, windowMs: 60 * 60_000 },
  writesPerUser: { name: "writes:user", max: 120, windowMs: 60 * 60_000 },
  messagesPerUser: { name: "messages:user", max: 60, windowMs: 10 * 60_000 },
  // Files sent with messages, each counted: enough for a working exchange, not for filling the disk.
  attachmentsPerUser: { name: "attachments:user", max: 30, windowMs: 60 * 60_000 },
  // New conversations from listings' pages (inquiries, booking requests): per account and per address.
  inquiriesPerUser: { name: "inquiries:user", max: 10, windowMs: 60 * 60_000 },
  inquiriesPerAddress: { name: "inquiries:address", max: 30, windowMs: 60 * 60_000 },
  // Public questions on requests: a few an hour is plenty for a person, not for a flood.
  requestQuestionsPerUser: { name: "request-questions:user", max: 10, windowMs: 60 * 60_000 },
  apiPerAddress: { name: "api:address", max: 600, windowMs: 60_000 },
} satisfies Record<string, Limit>;

const limiters = remember("rate-limiters", () => new Map<string, RateLimiterMemory>());

function limiter(limit: Limit): RateLimiterMemory {
  let found = limiters.get(limit.name);
  if (!found) {
    found = new RateLimiterMemory({ keyPrefix: limit.name, points: limit.max, duration: limit.windowMs / 1000 });
    limiters.set(limit.name, found);
  }
  // Read at every hit (tests and the bench change it): a mistyped factor must not
  // switch the limits off (NaN) or to one try (0).
  found.points = Math.max(1, Math.round(limit.max * setting("RATE_LIMIT_FACTOR")));
  return found;
}

/**
 * Counts one hit; resolves to how long to wait (ms) when over the limit, else 0.
 * Refused hits count too, so a flood never slips through at the window's edge.
 */
export async function hit(limit: Limit, key: string): Promise<number> {
  try {
    await limiter(limit).consume(key);
    return 0;
  } catch (refused) {
    if (refused instanceof RateLimiterRes) return Math.max(1, refused.msBeforeNext);
    throw refused;
  }
}

/** Takes back one hit: a successful sign-in does not count against a shared (campus, office) address. */
export async function forgive(limit: Limit, key: string) {
  const counter = limiter(limit);
  const current = await counter.get(key);
  if (current && current.consumedPoints > 0) await counter.reward(key);
}

/** Forgets a key's hits (a successful sign-in clears that account's failures). */
export async function reset(limit: Limit, key: string) {
  await limiter(limit).delete(key);
}

export function resetAllRateLimits() {
  limiters.clear();
}
