import type { ServerBuild } from "@remix-run/node";
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { LRUCache } from "lru-cache";

/**
 * What routes declare about themselves in their `handle`, read before Remix runs:
 * the body limit of an action (body-limits.server.ts) and whether a route's data
 * may be kept whole and sent to others (shared-responses.server.ts).
 */
export type RouteHandle = {
  /** A larger request body than the default (the import's 64 MiB) */
  maxBodyBytes?: number;
  /** The route's data request (`.data?_routes=<id>`) is the same for everyone: see docs/decisions/020 */
  sharedAnswer?: boolean;
};

export type AnsweringRoute = { id: string; handle: RouteHandle };

/**
 * The route that will answer a request, matched as Remix matches it: on the resolved path
 * (single fetch's `.data` suffix removed), the deepest route, or the index route's parent
 * unless `?index` is asked for. That choice is an action's; a page's data (`{ page: true }`)
 * is its deepest route's, an index route's too (`/offers.data` is the offers list's).
 */
export function answeringRoute(build: ServerBuild | (() => Promise<ServerBuild>)) {
  let cached: { build: ServerBuild; tree: AgnosticRouteObject[] } | null = null;
  const treeOf = async () => {
    const current = typeof build === "function" ? await build() : build;
    if (cached?.build !== current) {
      cached = { build: current, tree: routeTree(current) };
      matched.clear();
    }
    return cached;
  };
  // matchRoutes ranks every branch on each call: the shared answers ask for each search typed.
  const matched = new LRUCache<string, { matches: ReturnType<typeof matchRoutes> }>({ max: 1000 });
  return async (originalUrl: string, options: { page?: boolean } = {}): Promise<AnsweringRoute | null> => {
    const url = new URL(originalUrl, "http://localhost");
    let pathname = url.pathname;
    if (pathname.endsWith(".data")) pathname = pathname.slice(0, -".data".length).replace(/^\/_root$/, "/");
    const { build: current, tree } = await treeOf();
    let found = matched.get(pathname);
    if (!found) matched.set(pathname, (found = { matches: matchRoutes(tree, pathname) }));
    const matches = found.matches;
    if (!matches?.length) return null;
    let target = matches[matches.length - 1]!;
    const wantsIndex = url.searchParams.getAll("index").some((value) => value === "");
    if (target.route.index && !wantsIndex && !options.page && matches.length > 1) target = matches[matches.length - 2]!;
    const id = target.route.id!;
    return { id, handle: (current.routes[id]?.module.handle ?? {}) as RouteHandle };
  };
}

function routeTree(build: ServerBuild): AgnosticRouteObject[] {
  const children = (parentId: string | undefined): AgnosticRouteObject[] =>
    Object.values(build.routes)
      .filter((route) => route.parentId === parentId)
      .map((route) =>
        route.index
          ? { id: route.id, index: true, path: route.path, caseSensitive: route.caseSensitive }
          : { id: route.id, path: route.path, caseSensitive: route.caseSensitive, children: children(route.id) },
      );
  return children(undefined);
}
