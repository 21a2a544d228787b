import type { ServerBuild } from "@remix-run/node";
import { describe, expect, test } from "vitest";
import { hasBackslash, hasDotSegment, routeBodyLimits } from "./body-limits.server";

/** The shape of the portal's route tree: root, an index, a layout with a nested route. */
const route = (id: string, parentId: string | undefined, extra: Record<string, unknown> = {}, handle?: unknown) => ({
  id,
  parentId,
  ...extra,
  module: { handle },
});
const build = {
  routes: {
    root: route("root", undefined, { path: "" }),
    "routes/_index": route("routes/_index", "root", { index: true }),
    "routes/language": route("routes/language", "root", { path: "language" }),
    "routes/admin": route("routes/admin", "root", { path: "admin" }),
    "routes/admin.import": route(
      "routes/admin.import",
      "routes/admin",
      { path: "import" },
      { maxBodyBytes: 64 * 1024 * 1024 },
    ),
    "routes/admin._index": route("routes/admin._index", "routes/admin", { index: true }, { maxBodyBytes: 1 }),
  },
} as unknown as ServerBuild;

describe("route body limits", () => {
  const limit = routeBodyLimits(build, 256 * 1024);
  test("the large limit applies to exactly the route that declares it, on the path Remix resolves", async () => {
    expect(await limit("/admin/import")).toBe(64 * 1024 * 1024);
    expect(await limit("/admin/import.data")).toBe(64 * 1024 * 1024);
    expect(await limit("/admin/import?lang=en")).toBe(64 * 1024 * 1024);
    for (const path of [
      "/admin/import/../../language",
      "/admin/import/%2e%2e/%2E%2E/language",
      "/admin/import\\..\\..\\language",
      "/admin/importer",
      "/admin/import/x",
      "/language",
      "/nowhere",
      "/_root.data",
      "/",
    ]) {
      expect(await limit(path), path).toBe(256 * 1024);
    }
  });

  test("an index route's limit only when ?index asks for its action", async () => {
    expect(await limit("/admin")).toBe(256 * 1024);
    expect(await limit("/admin?index")).toBe(1);
  });

  test("dot segments are recognised however they are written", () => {
    for (const path of ["/a/../b", "/a/./b", "/a/%2e%2e/b", "/a/%2E./b", "/a/.%2e", "/a\\..\\b", "/.."])
      expect(hasDotSegment(path), path).toBe(true);
    for (const path of ["/a/b", "/a/.well-known", "/a/..b", "/a/b.data", "/a/%2e%2ex"])
      expect(hasDotSegment(path), path).toBe(false);
  });

  test("backslashes are recognised, written or encoded", () => {
    for (const path of ["/%5C%25E0%25A4%25A", "/a\\b", "/a%5cb"]) expect(hasBackslash(path), path).toBe(true);
    for (const path of ["/a/b", "/a%25b", "/a/5c"]) expect(hasBackslash(path), path).toBe(false);
  });
});
