import { afterEach, beforeEach, expect, vi } from "vitest";

/** An unexpected console.error during a test fails it. */
let spy: ReturnType<typeof vi.spyOn> | undefined;

beforeEach(() => {
  spy = vi.spyOn(console, "error");
});

afterEach(() => {
  const calls = spy?.mock.calls ?? [];
  spy?.mockRestore();
  expect(
    calls.map((args) => args.map(String).join(" ")),
    "console.error was called",
  ).toEqual([]);
});
