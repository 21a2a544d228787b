import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// As the server runtime loads it: the CommonJS build, patched at install (patches/, docs/decisions/078).
const { matchRoutes, matchPath } = createRequire(import.meta.url)(
  "@remix-run/router",
) as typeof import("@remix-run/router");

/** A route tree that counts how often its routes' paths are read. */
function countingRoutes() {
  const reads = { count: 0 };
  const route = (id: string, path: string | undefined, children?: object[]) => ({
    id,
    get path() {
      reads.count++;
      return path;
    },
    ...(children ? { children } : {}),
  });
  const routes = [
    route("root", "/", [
      route("directory", "directory"),
      route("organization", "organizations/:slug"),
      route("events", "events", [route("event", ":slug")]),
    ]),
  ];
  return { routes, reads };
}

describe("route matching (the patched router)", () => {
  it("ranks a route tree's branches once, not on every request", () => {
    const { routes, reads } = countingRoutes();
    expect(matchRoutes(routes, "/organizations/hust")?.at(-1)?.params).toEqual({ slug: "hust" });
    const afterFirst = reads.count;
    expect(afterFirst).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) matchRoutes(routes, `/events/demo-day-${i}`);
    expect(reads.count).toBe(afterFirst);
  });

  it("matches as before: params, nesting, ranking and misses", () => {
    const { routes } = countingRoutes();
    const ids = (path: string) => matchRoutes(routes, path)?.map((match) => match.route.id) ?? null;
    expect(ids("/directory")).toEqual(["root", "directory"]);
    expect(ids("/events/ngay-hoi")).toEqual(["root", "events", "event"]);
    expect(matchRoutes(routes, "/events/ngày-hội")?.at(-1)?.params).toEqual({ slug: "ngày-hội" });
    expect(ids("/nowhere/at/all")).toBeNull();
    // A new tree (a dev server's reload) is flattened afresh.
    const other = countingRoutes();
    expect(matchRoutes(other.routes, "/directory")?.map((match) => match.route.id)).toEqual(["root", "directory"]);
    expect(other.reads.count).toBeGreaterThan(0);
  });

  it("keeps compiled patterns apart by case and end", () => {
    expect(matchPath({ path: "/A", caseSensitive: true, end: true }, "/a")).toBeNull();
    expect(matchPath({ path: "/A", caseSensitive: false, end: true }, "/a")).not.toBeNull();
    expect(matchPath({ path: "/a", end: true }, "/a/b")).toBeNull();
    expect(matchPath({ path: "/a", end: false }, "/a/b")?.pathnameBase).toBe("/a");
  });
});
