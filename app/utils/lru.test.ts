import { describe, expect, test } from "vitest";
import { LruCache } from "./lru";

describe("LruCache", () => {
  test("evicts the least recently used entry", () => {
    const cache = new LruCache<number>(2, 1_000);
    cache.set("a", 1, 0);
    cache.set("b", 2, 0);
    expect(cache.get("a", 1)).toBe(1); // a is now the most recent
    cache.set("c", 3, 2);
    expect(cache.get("b", 3)).toBeUndefined();
    expect(cache.get("a", 3)).toBe(1);
    expect(cache.get("c", 3)).toBe(3);
  });

  test("forgets entries after their time", () => {
    const cache = new LruCache<string>(10, 100);
    cache.set("k", "v", 0);
    expect(cache.get("k", 99)).toBe("v");
    expect(cache.get("k", 100)).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
