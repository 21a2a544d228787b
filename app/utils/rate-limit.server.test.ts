import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { hit, LIMITS, reset, resetAllRateLimits, type Limit } from "./rate-limit.server";

const limit: Limit = { name: "test:limit", max: 3, windowMs: 60_000 };
const T0 = 1_700_000_000_000;

beforeEach(() => {
  resetAllRateLimits();
  // The project's test runs may scale the limits; these tests want them as written.
  vi.stubEnv("RATE_LIMIT_FACTOR", undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
  resetAllRateLimits();
});

/** Hits `count` times at `now`, returning each answer. */
function hits(count: number, key: string, now = T0, which: Limit = limit) {
  return Array.from({ length: count }, () => hit(which, key, now));
}

describe("hit", () => {
  test("allows max hits in a window, then answers with the time left in it", () => {
    expect(hits(3, "k")).toEqual([0, 0, 0]);
    expect(hit(limit, "k", T0)).toBe(60_000);
    // Later in the window: the wait is what is left of it, not a full window.
    expect(hit(limit, "k", T0 + 45_000)).toBe(15_000);
    expect(hit(limit, "k", T0 + 59_999)).toBe(1);
  });

  test("starts a fresh window when the old one ends (fixed window)", () => {
    hits(5, "k");
    expect(hit(limit, "k", T0 + 60_000)).toBe(0);
    expect(hits(2, "k", T0 + 60_001)).toEqual([0, 0]);
    expect(hit(limit, "k", T0 + 60_002)).toBe(60_000 - 2);
  });

  test("keeps counting hits while over the limit (refused attempts do not slip through)", () => {
    hits(3, "k");
    for (let i = 0; i < 10; i += 1) expect(hit(limit, "k", T0 + i)).toBeGreaterThan(0);
  });

  test("counts each key on its own", () => {
    hits(3, "alice@example.com");
    expect(hit(limit, "alice@example.com", T0)).toBeGreaterThan(0);
    expect(hit(limit, "bob@example.com", T0)).toBe(0);
  });

  test("counts each named limit on its own, even for the same key", () => {
    const other: Limit = { ...limit, name: "test:other" };
    hits(3, "k");
    expect(hit(limit, "k", T0)).toBeGreaterThan(0);
    expect(hit(other, "k", T0)).toBe(0);
  });

  test("does not confuse keys that only differ by where the name ends", () => {
    // The stored id is `${name}\n${key}`: "a" + "b:c" must not collide with "a:b" + "c".
    const a: Limit = { name: "a", max: 1, windowMs: 60_000 };
    const ab: Limit = { name: "a:b", max: 1, windowMs: 60_000 };
    expect(hit(a, "b:c", T0)).toBe(0);
    expect(hit(ab, "c", T0)).toBe(0);
  });
});

describe("reset", () => {
  test("forgets one key's hits and nothing else", () => {
    hits(3, "alice");
    hits(3, "bob");
    reset(limit, "alice");
    expect(hit(limit, "alice", T0)).toBe(0);
    expect(hit(limit, "bob", T0)).toBeGreaterThan(0);
  });

  test("only for the named limit", () => {
    const other: Limit = { ...limit, name: "test:other" };
    hits(3, "k");
    hits(3, "k", T0, other);
    reset(other, "k");
    expect(hit(limit, "k", T0)).toBeGreaterThan(0);
    expect(hit(other, "k", T0)).toBe(0);
  });

  test("resetAllRateLimits forgets every key of every limit", () => {
    hits(4, "alice");
    hits(4, "bob", T0, { ...limit, name: "test:other" });
    resetAllRateLimits();
    expect(hit(limit, "alice", T0)).toBe(0);
    expect(hit({ ...limit, name: "test:other" }, "bob", T0)).toBe(0);
  });
});

describe("RATE_LIMIT_FACTOR", () => {
  test("scales every limit (rounded)", () => {
    vi.stubEnv("RATE_LIMIT_FACTOR", "2");
    expect(hits(6, "k").every((wait) => wait === 0)).toBe(true);
    expect(hit(limit, "k", T0)).toBeGreaterThan(0);

    resetAllRateLimits();
    vi.stubEnv("RATE_LIMIT_FACTOR", "0.5"); // 3 × 0.5 = 1.5, rounds to 2
    expect(hits(2, "k")).toEqual([0, 0]);
    expect(hit(limit, "k", T0)).toBeGreaterThan(0);
  });

  test("never scales a limit below one hit", () => {
    vi.stubEnv("RATE_LIMIT_FACTOR", "0.001");
    expect(hit(limit, "k", T0)).toBe(0);
    expect(hit(limit, "k", T0)).toBeGreaterThan(0);
  });

  test("is read at every hit, not once at import", () => {
    hits(3, "k");
    expect(hit(limit, "k", T0)).toBeGreaterThan(0); // 4th hit, over 3
    vi.stubEnv("RATE_LIMIT_FACTOR", "10");
    expect(hit(limit, "k", T0)).toBe(0); // 5th hit, under 30
  });
});

describe("LIMITS", () => {
  test("sign-in allows 10 tries per account and 30 per address in 15 minutes", () => {
    // The per-account limit stops guessing one password; the per-address one stops one machine trying many accounts.
    expect(LIMITS.signInPerAccount).toMatchObject({ max: 10, windowMs: 15 * 60_000 });
    expect(LIMITS.signInPerAddress).toMatchObject({ max: 30, windowMs: 15 * 60_000 });
    expect(LIMITS.signInPerAccount.max).toBeLessThan(LIMITS.signInPerAddress.max);
  });

  test("every limit has its own name, so their counters never mix", () => {
    const names = Object.values(LIMITS).map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of Object.values(LIMITS)) {
      expect(entry.max).toBeGreaterThan(0);
      expect(entry.windowMs).toBeGreaterThan(0);
    }
  });

  test("the account limit refuses the 11th sign-in attempt within 15 minutes", () => {
    const answers = hits(11, "user@example.com", T0, LIMITS.signInPerAccount);
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(answers[10]).toBe(15 * 60_000);
  });
});
