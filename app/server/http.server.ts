import fs from "node:fs";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import type { ViteDevServer } from "vite";
import { closeDataVersion, dataVersion } from "~/models/cache.server";
import { DATABASE_BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from "~/db/busy.server";
import { setting, trustProxy } from "~/config/env.server";
import { resolveLanguage } from "~/i18n/language.server";
import { log } from "~/config/log.server";
import { apiGate } from "./api-gate.server";
import { requestLog } from "./request-log.server";
import { refuseDotSegments, routeBodyLimits } from "./body-limits.server";
import { boundedRequests, sameOriginWrites, securityHeaders } from "./security.server";
import { serverTiming } from "./server-timing.server";
import { sessionMiddleware } from "./session-middleware.server";
import { sharedResponses } from "./shared-responses.server";
import { stickyLanguage } from "./sticky-language.server";

export type Readiness = () => Promise<{ ok: boolean; body: Record<string, unknown> }>;

export type HttpAppOptions = {
  root: string;
  /** The production server build, or Vite's dev server to load it from */
  build: ServerBuild | ViteDevServer;
  readiness: Readiness;
  allowedOrigins?: string[];
};

/**
 * The Express app around Remix: logs, security headers, health checks, static files.
 * `close` lets go of what the app holds besides its server (the data version's connection).
 */
export function createHttpApp({ root, build, readiness, allowedOrigins = [] }: HttpAppOptions) {
  const vite = "ssrLoadModule" in build ? build : undefined;
  const serverBuild = vite
    ? () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
    : (build as ServerBuild);
  const app = express();
  app.disable("x-powered-by");
  const proxy = trustProxy();
  if (proxy !== undefined) app.set("trust proxy", proxy);

  app.use(requestLog());
  const timing = setting("SERVER_TIMING") ? serverTiming() : null;
  if (timing) app.use(timing.arrival);
  app.use(securityHeaders({ development: Boolean(vite) }));
  // Before anything reads the path: Express and Remix would not agree on it.
  app.use(refuseDotSegments());

  // For a supervisor or load balancer: is the process up, can it serve?
  app.get("/healthz", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    const { ok, body } = await readiness();
    res.status(ok ? 200 : 503).json(body);
  });

  // The read-only API answers malformed and undocumented paths, CORS preflights and every
  // other method itself, in its JSON shape, from any origin (app/server/api-gate.server.ts).
  app.use("/api/", apiGate());
  // `?_data=` is how Remix before single fetch asked for a route's data; Remix still answers it
  // (and logs an error each time). No page of this portal makes such a request.
  app.use((req, res, next) => {
    if (!("_data" in req.query)) return next();
    res.status(400).type("text/plain; charset=utf-8").send("The _data parameter is not supported.");
  });
  app.use(sameOriginWrites({ allowedOrigins }));
  // 256 KiB unless the answering route declares more in its `handle` (the import: 64 MiB).
  app.use(boundedRequests({ limitFor: routeBodyLimits(serverBuild, 256 * 1024) }));
  app.use(stickyLanguage());
  // The directory's answers as you type are the same for everyone: a kept one is sent before
  // compression, static files and the session check (docs/decisions/020).
  const shared = sharedAnswers(serverBuild);
  if (shared) app.use(shared.answer);
  // Level 4 compresses these pages nearly as well as the default 6, at half the CPU.
  app.use(compression({ level: 4 }));

  if (vite) {
    app.use(vite.middlewares);
  } else {
    const client = path.join(root, "build/client");
    // Fingerprinted by Vite: cache forever.
    app.use("/assets", express.static(path.join(client, "assets"), { immutable: true, maxAge: "1y", index: false }));
    // The other files (favicon, images from public/) are few: a set made at start answers
    // whether a path is one, so a page or data request costs no file-system lookup.
    const files = publicFiles(client);
    const serveFile = express.static(client, { maxAge: "1h", index: false });
    app.use((req, res, next) => (files.has(req.path) ? serveFile(req, res, next) : next()));
  }

  // After static files: only pages and actions need the session (the API is anonymous).
  const notApi =
    (middleware: express.RequestHandler): express.RequestHandler =>
    (req, res, next) =>
      req.path.startsWith("/api/") ? next() : middleware(req, res, next);
  app.use(notApi(sessionMiddleware()));
  // Pages differ by cookie (language, session): shared caches must not keep them. The API sets its own,
  // and so do uploaded images (/media/…: immutable names, a year), which Remix would append to this.
  app.use(
    notApi((req, res, next) => {
      if (req.path.startsWith("/media/")) return next();
      res.setHeader("Cache-Control", "private, no-cache");
      res.append("Vary", "Cookie");
      res.append("Vary", "Accept-Language");
      next();
    }),
  );
  if (shared) app.use(shared.keep);
  if (timing) app.use(timing.scope);
  app.all(
    "*",
    createRequestHandler({
      build: serverBuild,
      mode: vite ? "development" : "production",
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce,
        requestId: res.locals.requestId,
        auth: res.locals.auth ?? null,
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
        sharing: res.locals.sharing,
      }),
    }),
  );

  // Errors raised before Remix (a malformed URL in the static file server, a
  // body too large): a short bilingual message instead of Express's default page.
  app.use((error: { status?: number; statusCode?: number }, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    // The session check found the database locked by another process (app/db/busy.server.ts).
    const busy = isDatabaseBusy(error);
    if (busy) res.setHeader("Retry-After", String(DATABASE_BUSY_RETRY_AFTER_SECONDS));
    const status = busy ? 503 : (error.status ?? error.statusCode ?? 500);
    if (status >= 500)
      log(busy ? "warn" : "error", busy ? "database_busy" : "http_error", { path: req.path, error: String(error) });
    res
      .status(status)
      .type("text/plain; charset=utf-8")
      .send(
        status >= 500
          ? "Máy chủ gặp sự cố. / The server ran into a problem."
          : "Yêu cầu không hợp lệ (ví dụ: đường dẫn sai định dạng). / The request is not valid (for example, a malformed address).",
      );
  });
  return { app, close: () => shared?.close() };
}

/**
 * Kept answers of the routes that declare `handle.sharedAnswer`, unless SEARCH_CACHE=off (the
 * benchmark measures both). With the database in memory there is no data version
 * (app/models/cache.server.ts): nothing is kept.
 */
function sharedAnswers(build: ServerBuild | (() => Promise<ServerBuild>)) {
  if (setting("SEARCH_CACHE")) return null; // SEARCH_CACHE=off
  const middlewares = sharedResponses({
    build,
    // As the loader reads it (getLanguage): the address's `lang`, else the cookie, else Accept-Language.
    language: (search, cookieHeader, acceptLanguage) =>
      resolveLanguage(search.get("lang"), cookieHeader, acceptLanguage),
    version: dataVersion,
    maxEntries: setting("SEARCH_CACHE_ENTRIES"),
    ttlMs: 30_000,
  });
  return { ...middlewares, close: closeDataVersion };
}

/** The URL paths of the files under build/client, outside the fingerprinted assets. */
function publicFiles(client: string): Set<string> {
  const entries = fs.existsSync(client) ? fs.readdirSync(client, { recursive: true, withFileTypes: true }) : [];
  return new Set(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => "/" + path.relative(client, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
      .filter((file) => !file.startsWith("/assets/")),
  );
}
