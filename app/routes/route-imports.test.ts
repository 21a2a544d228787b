import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

/**
 * Routes load, check, call a model and answer: the database is reached through
 * app/models only (issue 15). A route, or the server code beside it, that imports
 * the Prisma client or its generated types fails here with its name.
 */
const ROUTES = join(import.meta.dirname, ".");
const FORBIDDEN = [/["']~\/db\/client\.server["']/, /["']~\/generated\/prisma[^"']*["']/, /["']@prisma\/client["']/];

const files = readdirSync(ROUTES).filter((name) => /\.(ts|tsx)$/.test(name) && !name.includes(".test."));

describe("routes", () => {
  test("there are routes to check", () => {
    expect(files.length).toBeGreaterThan(40);
  });

  test("none imports Prisma, its client or its generated types", () => {
    const offenders = files.filter((name) => {
      const imports =
        readFileSync(join(ROUTES, name), "utf8").match(/^\s*(?:import|export)[^;]*?from\s+["'][^"']+["']/gm) ?? [];
      return imports.some((line) => FORBIDDEN.some((pattern) => pattern.test(line)));
    });
    expect(offenders).toEqual([]);
  });
});
