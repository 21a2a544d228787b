import { spawnSync } from "node:child_process";
import os from "node:os";
import { describe, expect, test } from "vitest";
import { claimIsAbandoned } from "./outbox-worker";

describe("claims of a worker whose process is gone", () => {
  const host = os.hostname();
  const self = `${host}:${process.pid}:aaaa1111`;

  test("this process's own claims are not abandoned", () => {
    expect(claimIsAbandoned(`${self}:worker`, self)).toBe(false);
  });

  test("a live process's claims on this machine are not abandoned", () => {
    expect(claimIsAbandoned(`${host}:${process.ppid}:bbbb2222:worker`, self)).toBe(false);
  });

  test("the claims of a process that has exited, or of an earlier one with this pid, are", () => {
    const gone = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" }).stdout.trim();
    expect(claimIsAbandoned(`${host}:${gone}:cccc3333:worker`, self)).toBe(true);
    expect(claimIsAbandoned(`${host}:${process.pid}:dddd4444:worker`, self)).toBe(true);
  });

  test("another machine's claims and tokens of another form wait for their lease", () => {
    expect(claimIsAbandoned(`elsewhere:1:eeee5555:worker`, self)).toBe(false);
    expect(claimIsAbandoned("dead-worker", self)).toBe(false);
    expect(claimIsAbandoned("0b3d8f0e-8c4e-4c1e-9a52-5f0f7d2a1c11", self)).toBe(false);
  });
});
