import type { ServerBuild } from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import { translator } from "~/i18n/i18n";
import { resolveLanguage } from "~/i18n/language.server";
import { answeringRoute, type RouteHandle } from "./route-handles.server";

/** What a route module may declare in its `handle` (e.g. the import's 64 MiB). */
export type BodyLimitHandle = Pick<RouteHandle, "maxBodyBytes">;

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

/**
 * A backslash, written or encoded: the router reads "\\" as "/", so a path that
 * starts with one becomes "//…", which it cannot parse (a 500, found by the fuzz
 * test). No address of the portal has one.
 */
export function hasBackslash(rawPath: string): boolean {
  return /\\|%5c/i.test(rawPath);
}

export function refuseDotSegments() {
  return async (req: Request, res: Response, next: NextFunction) => {
    const rawPath = req.originalUrl.split("?")[0]!;
    if (!hasDotSegment(rawPath) && !hasBackslash(rawPath)) return next();
    // The API answers in its JSON shape; pages in the visitor's language.
    if (rawPath.startsWith("/api/")) {
      res.status(400).json({ error: { code: "bad_path", message: "The path may not contain '.' or '..' segments." } });
      return;
    }
    const lang = await resolveLanguage(req.query.lang, req.get("cookie"), req.get("accept-language")).catch(
      () => "vi" as const,
    );
    res.status(400).type("text/plain; charset=utf-8").send(translator(lang)("http.badPath"));
  };
}

/**
 * The body limit of the route that will answer a request (its action, see
 * route-handles.server.ts). A route declares a larger limit in its `handle`
 * (`maxBodyBytes`); every other route gets `defaultBytes`.
 */
export function routeBodyLimits(build: ServerBuild | (() => Promise<ServerBuild>), defaultBytes: number) {
  const routeFor = answeringRoute(build);
  return async (originalUrl: string): Promise<number> => {
    const limit = (await routeFor(originalUrl))?.handle.maxBodyBytes;
    return typeof limit === "number" ? limit : defaultBytes;
  };
}
