import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { forgive, hit, LIMITS, reset, resetAllRateLimits, type Limit } from "./rate-limit.server";

const limit: Limit = { name: "test:limit", max: 3, windowMs: 60_000 };
const T0 = 1_700_000_000_000;

beforeEach(() => {
  resetAllRateLimits();
  // The library reads Date.now() and expires keys with timers: both are the fake clock's.
  vi.useFakeTimers({ now: T0 });
  // The project's test runs may scale the limits; these tests want them as written.
  vi.stubEnv("RATE_LIMIT_FACTOR", undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  resetAllRateLimits();
});

/** Hits `count` times in a row, returning each answer. */
async function hits(count: number, key: string, which: Limit = limit) {
  const answers: number[] = [];
  for (let i = 0; i < count; i += 1) answers.push(await hit(which, key));
  return answers;
}

describe("hit", () => {
  test("allows max hits in a window, then answers with the time left in it", async () => {
    expect(await hits(3, "k")).toEqual([0, 0, 0]);
    expect(await hit(limit, "k")).toBe(60_000);
    // Later in the window: the wait is what is left of it, not a full window.
    vi.setSystemTime(T0 + 45_000);
    expect(await hit(limit, "k")).toBe(15_000);
    vi.setSystemTime(T0 + 59_999);
    expect(await hit(limit, "k")).toBe(1);
  });

  test("starts a fresh window when the old one ends (fixed window)", async () => {
    await hits(5, "k");
    vi.advanceTimersByTime(60_000);
    expect(await hit(limit, "k")).toBe(0);
    vi.advanceTimersByTime(1);
    expect(await hits(2, "k")).toEqual([0, 0]);
    vi.advanceTimersByTime(1);
    expect(await hit(limit, "k")).toBe(60_000 - 2);
  });

  test("keeps counting hits while over the limit (refused attempts do not slip through)", async () => {
    await hits(3, "k");
    for (let i = 0; i < 10; i += 1) expect(await hit(limit, "k")).toBeGreaterThan(0);
  });

  test("counts each key on its own", async () => {
    await hits(3, "alice@example.com");
    expect(await hit(limit, "alice@example.com")).toBeGreaterThan(0);
    expect(await hit(limit, "bob@example.com")).toBe(0);
  });

  test("counts each named limit on its own, even for the same key", async () => {
    const other: Limit = { ...limit, name: "test:other" };
    await hits(3, "k");
    expect(await hit(limit, "k")).toBeGreaterThan(0);
    expect(await hit(other, "k")).toBe(0);
  });
});

describe("forgive and reset", () => {
  test("forgive takes back one hit", async () => {
    await hits(3, "k");
    await forgive(limit, "k");
    expect(await hit(limit, "k")).toBe(0);
    expect(await hit(limit, "k")).toBeGreaterThan(0);
  });

  test("reset forgets one key's hits and nothing else", async () => {
    await hits(3, "alice");
    await hits(3, "bob");
    await reset(limit, "alice");
    expect(await hit(limit, "alice")).toBe(0);
    expect(await hit(limit, "bob")).toBeGreaterThan(0);
  });

  test("resetAllRateLimits forgets every key of every limit", async () => {
    const other: Limit = { ...limit, name: "test:other" };
    await hits(4, "alice");
    await hits(4, "bob", other);
    resetAllRateLimits();
    expect(await hit(limit, "alice")).toBe(0);
    expect(await hit(other, "bob")).toBe(0);
  });
});

describe("RATE_LIMIT_FACTOR", () => {
  test("scales every limit (rounded)", async () => {
    vi.stubEnv("RATE_LIMIT_FACTOR", "2");
    expect((await hits(6, "k")).every((wait) => wait === 0)).toBe(true);
    expect(await hit(limit, "k")).toBeGreaterThan(0);

    resetAllRateLimits();
    vi.stubEnv("RATE_LIMIT_FACTOR", "0.5"); // 3 × 0.5 = 1.5, rounds to 2
    expect(await hits(2, "k")).toEqual([0, 0]);
    expect(await hit(limit, "k")).toBeGreaterThan(0);
  });

  test("never scales a limit below one hit, nor switches it off when mistyped", async () => {
    vi.stubEnv("RATE_LIMIT_FACTOR", "0.001");
    expect(await hit(limit, "k")).toBe(0);
    expect(await hit(limit, "k")).toBeGreaterThan(0);
    vi.stubEnv("RATE_LIMIT_FACTOR", "lots");
    expect(await hits(1, "other")).toEqual([0]);
    expect(await hits(3, "other")).toEqual([0, 0, expect.any(Number)]);
  });

  test("is read at every hit, not once at import", async () => {
    await hits(3, "k");
    expect(await hit(limit, "k")).toBeGreaterThan(0); // 4th hit, over 3
    vi.stubEnv("RATE_LIMIT_FACTOR", "10");
    expect(await hit(limit, "k")).toBe(0); // 5th hit, under 30
  });
});

describe("LIMITS", () => {
  test("sign-in allows 10 tries per account and address and 30 per address in 15 minutes", () => {
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

  test("the account limit refuses the 11th sign-in attempt within 15 minutes", async () => {
    const answers = await hits(11, "user@example.com", LIMITS.signInPerAccount);
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(answers[10]).toBe(15 * 60_000);
  });
});
