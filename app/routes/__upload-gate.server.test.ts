import { describe, expect, test } from "vitest";
import { createUploadGate } from "./__upload-gate.server";

/** A read that finishes when told to. */
function pending() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { read: () => done, finish };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof Response ? error.status : error),
  );

describe("the gate message files pass through", () => {
  test("a few bodies are read at once, a few more wait their turn, the rest are told to come back", async () => {
    const gate = createUploadGate(1, 1);
    const first = pending();
    const second = pending();
    const reading = gate("a", first.read);
    const waiting = gate("b", second.read);
    expect(await refusal(gate("c", async () => "read"))).toBe(503);
    first.finish();
    second.finish();
    await Promise.all([reading, waiting]);
    expect(await gate("c", async () => "read")).toBe("read");
  });

  test("one account sends one upload at a time", async () => {
    const gate = createUploadGate(3, 3);
    const first = pending();
    const reading = gate("a", first.read);
    const again = await refusal(gate("a", async () => "read"));
    expect(again).toBe(429);
    first.finish();
    await reading;
    expect(await gate("a", async () => "read")).toBe("read");
  });
});
