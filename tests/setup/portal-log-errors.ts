import fs from "node:fs";
import { afterAll, beforeAll, expect, inject } from "vitest";

/**
 * The e2e twin of fail-on-console-error: an error the shared portal logs
 * while a test file runs fails that file. A 4xx page can look right to the
 * browser while the server logged an unhandled error behind it.
 */
let start = 0;

beforeAll(() => {
  start = fs.statSync(inject("portalLog")).size;
});

afterAll(() => {
  const log = inject("portalLog");
  const written = fs.readFileSync(log).subarray(start).toString("utf8");
  const errors = written
    .split("\n")
    .filter((line) => line.includes('"level":"error"') || /^\s+at |^\w*Error\b/.test(line));
  expect(errors, `the portal logged errors during this file (${log})`).toEqual([]);
});
