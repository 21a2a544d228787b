import { gunzipSync, gzipSync } from "node:zlib";
import type { NextFunction, Request, Response } from "express";
import { LruCache } from "~/utils/lru";
import { log } from "~/utils/log.server";

/**
 * Answers that are the same for everyone who asks, sent again without running
 * Remix: the directory's data request (what the search box fetches as you type)
 * for a query, a language and a state of the data. A stored answer skips the
 * session check, routing, the loader, serialization and compression, which is
 * most of a search's cost in this process (docs/decisions/020).
 *
 * Only answers the route marked as shared (`shareResponse` in its loader, once
 * it knows the answer depends on nothing personal and came from the search
 * engine) with status 200 are kept. An entry is served only while `version()`
 * returns what it returned before the answer was computed; a write to anything
 * searchable moves it, so a stored answer never hides a change.
 */
export type SharedResponseOptions = {
  /** `pathname` → the only `_routes` value kept for it (a route's data alone, no root data with the user in it) */
  routes: Record<string, string>;
  /** The language the answer would be in: part of the key */
  language: (req: Request) => Promise<string>;
  /** Moves whenever what the answers show may have changed */
  version: () => Promise<string>;
  maxEntries: number;
  ttlMs: number;
};

type Entry = { version: string; status: number; headers: [string, string][]; gzipped: Buffer };

/** Headers of a Remix data answer worth sending again; the others are per request (ids, nonces, cookies). */
const KEPT_HEADERS = ["content-type", "x-remix-response"];

export type Sharing = { shareable: boolean };

export function sharedResponses(options: SharedResponseOptions) {
  const entries = new LruCache<Entry>(options.maxEntries, options.ttlMs);
  return async (req: Request, res: Response, next: NextFunction) => {
    const routeId = options.routes[req.path];
    if (req.method !== "GET" || !routeId || req.query._routes !== routeId) return next();
    let key: string;
    let version: string;
    try {
      [key, version] = await Promise.all([options.language(req).then((lang) => `${lang} ${req.originalUrl}`), options.version()]);
    } catch (error) {
      // No version, no sharing: the request is answered as usual.
      log("warn", "shared_response_version_failed", { error: String(error) });
      return next();
    }
    const hit = entries.get(key);
    if (hit && hit.version === version) return send(req, res, hit);

    const sharing: Sharing = { shareable: false };
    res.locals.sharing = sharing;
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const collect = (chunk: unknown, encoding: unknown) => {
      if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
      else if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    };
    res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      collect(chunk, encoding);
      return write(chunk, encoding, callback);
    }) as Response["write"];
    res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
      collect(chunk, encoding);
      // Kept before the answer leaves, so the next request for it finds it.
      if (sharing.shareable && res.statusCode === 200) {
        const headers = KEPT_HEADERS.flatMap((name): [string, string][] => {
          const value = res.getHeader(name);
          return value === undefined ? [] : [[name, String(value)]];
        });
        entries.set(key, { version, status: res.statusCode, headers, gzipped: gzipSync(Buffer.concat(chunks)) });
      }
      return end(chunk, encoding, callback);
    }) as Response["end"];
    next();
  };
}

/** The loader's word that its answer depends only on the URL, the language and the data (see `sharedResponses`). */
export function shareResponse(context: { sharing?: Sharing }) {
  if (context.sharing) context.sharing.shareable = true;
}

function send(req: Request, res: Response, entry: Entry) {
  res.status(entry.status);
  for (const [name, value] of entry.headers) res.setHeader(name, value);
  res.setHeader("Cache-Control", "private, no-cache");
  res.append("Vary", "Cookie");
  res.append("Vary", "Accept-Encoding");
  // Stored compressed: the compression middleware leaves an answer that names its encoding alone.
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
