import { afterEach, describe, expect, test, vi } from "vitest";
import { reportSearchFailure, searchLooksDown } from "./availability";

afterEach(() => vi.unstubAllEnvs());

describe("SEARCH_RETRY_PAUSE_MS", () => {
  test("is read when the engine fails, not once at import", () => {
    vi.stubEnv("SEARCH_RETRY_PAUSE_MS", "50000");
    reportSearchFailure(new Error("down"), 1_000);
    expect(searchLooksDown(40_000)).toBe(true);
    expect(searchLooksDown(52_000)).toBe(false);
  });

  test("a mistyped value is reported and the default pause (3 s) used, never no pause at all", () => {
    vi.stubEnv("SEARCH_RETRY_PAUSE_MS", "three seconds");
    vi.stubEnv("LOG_LEVEL", "error"); // the report is a warning line on stderr
    reportSearchFailure(new Error("down"), 1_000);
    expect(searchLooksDown(3_999)).toBe(true);
    expect(searchLooksDown(4_000)).toBe(false);
  });
});
