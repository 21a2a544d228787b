import { gunzipSync, gzipSync } from "node:zlib";
import type { ServerBuild } from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import { DataCache } from "~/models/cache.server";
import type { Sharing } from "~/utils/answer-sharing";
import { log } from "~/config/log.server";
import { answeringRoute } from "./route-handles.server";

/**
 * Answers that are the same for everyone who asks, sent again without running
 * Remix: the directory's data request (what the search box fetches as you type)
 * for a query, a language and a state of the data. A kept answer skips the
 * session check, static files, compression, routing, the loader and
 * serialization, which is most of a search's cost in this process
 * (docs/decisions/020).
 *
 * Two middlewares share the answers: `answer`, early in the chain (before
 * compression and static files), sends a kept one; `keep`, just before Remix
 * (after compression, so it sees the body as Remix writes it), keeps a new one.
 * Only data requests of a route that declares `handle.sharedAnswer` are
 * considered, and only answers its loader marked as shared (`shareResponse`,
 * once it knows the answer depends on nothing personal and came from the
 * search engine) with status 200 are kept. An entry is served only while `version()`
 * returns what it returned before the answer was computed; a write to anything
 * searchable moves it, so a kept answer never hides a change.
 */
export type SharedResponseOptions = {
  /** The routes: those whose `handle.sharedAnswer` is true have their data requests kept */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** The language the answer would be in, from the address (as the loader reads it), the cookies and Accept-Language: part of the key */
  language: (
    search: URLSearchParams,
    cookieHeader: string | undefined,
    acceptLanguage: string | undefined,
  ) => Promise<string>;
  /** Moves whenever what the answers show may have changed; null when it cannot be read (nothing is shared) */
  version: () => string | null;
  maxEntries: number;
  ttlMs: number;
};

type Entry = { headers: [string, string][]; gzipped: Buffer };

/** Headers of a Remix data answer worth sending again; the others are per request (ids, nonces, cookies). */
const KEPT_HEADERS = ["content-type", "x-remix-response"];

/** What `answer` leaves for `keep` on a request it could not answer. */
type Pending = { key: string; language: string; version: string };

export function sharedResponses(options: SharedResponseOptions) {
  const entries = new DataCache<Entry>({ max: options.maxEntries, ttlMs: options.ttlMs });

  const routeFor = answeringRoute(options.build);

  async function answer(req: Request, res: Response, next: NextFunction) {
    // Only a route's data request (single fetch's `.data`) is ever kept.
    if (req.method !== "GET" || !req.path.endsWith(".data")) return next();
    const route = await routeFor(req.originalUrl, { page: true }).catch(() => null);
    if (!route?.handle.sharedAnswer) return next();
    // The address read as Remix reads it (not Express's query parser, which takes `[_routes]=…`
    // for `_routes`): Remix runs only the loaders `_routes` names, so exactly that route's
    // (a route's data alone, no root data with the user in it).
    const search = new URL(req.originalUrl, "http://portal").searchParams;
    const routes = search.getAll("_routes");
    if (routes.length !== 1 || routes[0] !== route.id) return next();
    let pending: Pending;
    try {
      const language = await options.language(search, req.headers.cookie, req.headers["accept-language"]);
      const version = options.version();
      if (version === null) return next();
      pending = { key: `${language} ${req.originalUrl}`, language, version };
    } catch (error) {
      // No version, no sharing: the request is answered as usual.
      log("warn", "shared_response_version_failed", { error: String(error) });
      return next();
    }
    const hit = entries.get(pending.key, pending.version);
    if (hit) return send(req, res, hit);
    res.locals.sharedResponse = pending;
    next();
  }

  function keep(_req: Request, res: Response, next: NextFunction) {
    const pending = res.locals.sharedResponse as Pending | undefined;
    if (!pending) return next();
    const sharing: Sharing = { shareable: false, personal: false, language: null };
    res.locals.sharing = sharing;
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const collect = (chunk: unknown, encoding: unknown) => {
      if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
      else if (typeof chunk === "string")
        chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    };
    res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      collect(chunk, encoding);
      return write(chunk, encoding, callback);
    }) as Response["write"];
    res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
      collect(chunk, encoding);
      // Kept before the answer leaves, so the next request for it finds it.
      if (sharing.shareable && !sharing.personal && sharing.language === pending.language && res.statusCode === 200) {
        const headers = KEPT_HEADERS.flatMap((name): [string, string][] => {
          const value = res.getHeader(name);
          return value === undefined ? [] : [[name, String(value)]];
        });
        entries.set(pending.key, pending.version, { headers, gzipped: gzipSync(Buffer.concat(chunks)) });
      }
      return end(chunk, encoding, callback);
    }) as Response["end"];
    next();
  }

  return { answer, keep };
}

function send(req: Request, res: Response, entry: Entry) {
  res.status(200);
  for (const [name, value] of entry.headers) res.setHeader(name, value);
  // What the portal sends with every page and data answer (http.server.ts).
  res.setHeader("Cache-Control", "private, no-cache");
  res.append("Vary", "Cookie");
  res.append("Vary", "Accept-Language");
  res.append("Vary", "Accept-Encoding");
  if (req.acceptsEncodings("gzip")) {
    res.setHeader("Content-Encoding", "gzip");
    res.setHeader("Content-Length", entry.gzipped.length);
    res.end(entry.gzipped);
  } else {
    const body = gunzipSync(entry.gzipped);
    res.setHeader("Content-Length", body.length);
    res.end(body);
  }
}
