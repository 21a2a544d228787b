import { afterEach, describe, expect, test, vi } from "vitest";
import { allowedOrigins, setting, trustProxy } from "./env.server";

afterEach(() => vi.unstubAllEnvs());

describe("setting", () => {
  test("a whole number is read; a bad one gives the default, and so does an empty one", () => {
    expect(setting("SEARCH_CACHE_ENTRIES", { SEARCH_CACHE_ENTRIES: " 20 " })).toBe(20);
    expect(setting("SEARCH_CACHE_ENTRIES", { SEARCH_CACHE_ENTRIES: "" })).toBe(500);
    vi.stubEnv("LOG_LEVEL", "error");
    for (const bad of ["abc", "0", "-3", "2.5", "1e3"]) {
      expect(setting("SEARCH_CACHE_ENTRIES", { SEARCH_CACHE_ENTRIES: bad })).toBe(500);
    }
  });

  test("reads process.env at each call", () => {
    vi.stubEnv("RATE_LIMIT_FACTOR", "2");
    expect(setting("RATE_LIMIT_FACTOR")).toBe(2);
    vi.stubEnv("RATE_LIMIT_FACTOR", "0.5");
    expect(setting("RATE_LIMIT_FACTOR")).toBe(0.5);
    vi.stubEnv("RATE_LIMIT_FACTOR", undefined);
    expect(setting("RATE_LIMIT_FACTOR")).toBe(1);
  });

  test("a refused LOG_LEVEL falls back to info without looping on its own report", () => {
    vi.stubEnv("LOG_LEVEL", "loud");
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(setting("LOG_LEVEL")).toBe("info");
      const lines = write.mock.calls.map(([line]) => JSON.parse(String(line)));
      expect(lines).toEqual([expect.objectContaining({ event: "setting_ignored", name: "LOG_LEVEL", using: "info" })]);
    } finally {
      write.mockRestore();
    }
  });

  test("flags, proxies and origins", () => {
    vi.stubEnv("SEARCH_CACHE", "off");
    expect(setting("SEARCH_CACHE")).toBe(true);
    vi.stubEnv("SEARCH_CACHE", "on");
    expect(setting("SEARCH_CACHE")).toBe(false);
    vi.stubEnv("TRUST_PROXY", "true");
    expect(trustProxy()).toBe(true);
    vi.stubEnv("TRUST_PROXY", "loopback");
    expect(trustProxy()).toBe("loopback");
    vi.stubEnv("APP_ORIGIN", " https://a.example , ,https://b.example");
    expect(allowedOrigins()).toEqual(["https://a.example", "https://b.example"]);
  });
});
