import type { ServerBuild } from "@remix-run/node";
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import type { NextFunction, Request, Response } from "express";
import { translator } from "~/i18n/i18n";
import { resolveLanguage } from "~/i18n/language.server";

/** What a route module may declare in its `handle` (e.g. the import's 64 MiB). */
export type BodyLimitHandle = { maxBodyBytes?: number };

/**
 * A path with a `.` or `..` segment (also written `%2e`, or after a backslash, which the
 * URL parser reads as a slash) means one thing to Express and another to Remix, which
 * resolves it: `/admin/import/../../language` was given the import's body limit and
 * answered by `/language`. No link of the portal has one, so it is refused before
 * anything else reads the request.
 */
export function hasDotSegment(rawPath: string): boolean {
  return rawPath.split(/[/\\]/).some((segment) => {
    const plain = segment.replace(/%2e/gi, ".");
    return plain === "." || plain === "..";
  });
}

export function refuseDotSegments() {
  return async (req: Request, res: Response, next: NextFunction) => {
    const rawPath = req.originalUrl.split("?")[0]!;
    if (!hasDotSegment(rawPath)) return next();
    // The API answers in its JSON shape; pages in the visitor's language.
    if (rawPath.startsWith("/api/")) {
      res.status(400).json({ error: { code: "bad_path", message: "The path may not contain '.' or '..' segments." } });
      return;
    }
    const lang = await resolveLanguage(req.query.lang, req.get("cookie"), req.get("accept-language")).catch(() => "vi" as const);
    res.status(400).type("text/plain; charset=utf-8").send(translator(lang)("http.badPath"));
  };
}

/**
 * The body limit of the route that will answer a request, matched as Remix matches it:
 * on the resolved path (single fetch's `.data` suffix removed), the action of the
 * deepest route, or of the index route when `?index` is asked for. A route declares a
 * larger limit in its `handle` (`maxBodyBytes`); every other route gets `defaultBytes`.
 */
export function routeBodyLimits(build: ServerBuild | (() => Promise<ServerBuild>), defaultBytes: number) {
  let cached: { build: ServerBuild; tree: AgnosticRouteObject[] } | null = null;
  const treeOf = async () => {
    const current = typeof build === "function" ? await build() : build;
    if (cached?.build !== current) cached = { build: current, tree: routeTree(current) };
    return cached;
  };
  return async (originalUrl: string): Promise<number> => {
    const url = new URL(originalUrl, "http://localhost");
    let pathname = url.pathname;
    if (pathname.endsWith(".data")) pathname = pathname.slice(0, -".data".length).replace(/^\/_root$/, "/");
    const { build: current, tree } = await treeOf();
    const matches = matchRoutes(tree, pathname);
    if (!matches?.length) return defaultBytes;
    let target = matches[matches.length - 1]!;
    const wantsIndex = url.searchParams.getAll("index").some((value) => value === "");
    if (target.route.index && !wantsIndex && matches.length > 1) target = matches[matches.length - 2]!;
    const handle = current.routes[target.route.id!]?.module.handle as BodyLimitHandle | undefined;
    return typeof handle?.maxBodyBytes === "number" ? handle.maxBodyBytes : defaultBytes;
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
