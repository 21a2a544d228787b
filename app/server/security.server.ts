import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";

/**
 * Security headers for every response, set by helmet, with a fresh nonce per
 * request for the Content-Security-Policy (the document's scripts carry it;
 * nothing else runs). Helmet's defaults are kept where the portal had none;
 * the values below are the portal's own (docs/decisions/036).
 */
export function securityHeaders({ development }: { development: boolean }) {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`, "'strict-dynamic'"],
        // Vite's dev server injects styles and talks over a websocket.
        styleSrc: development ? ["'self'", "'unsafe-inline'"] : ["'self'"],
        connectSrc: development ? ["'self'", "ws:"] : ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    xFrameOptions: { action: "deny" },
    crossOriginOpenerPolicy: { policy: "same-origin" },
    // The API, the exports and the images may be used by other sites, as before.
    crossOriginResourcePolicy: false,
    // Only over HTTPS, and not in development (a browser would keep it for localhost).
    strictTransportSecurity: false,
  });
  const hsts = helmet.strictTransportSecurity({ maxAge: 31_536_000, includeSubDomains: true });
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    // Helmet has no Permissions-Policy.
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    headers(req, res, (error?: unknown) => {
      if (error || development || !req.secure) return next(error);
      hsts(req, res, next);
    });
  };
}

/**
 * Refuses state-changing requests from other sites (CSRF), as Lucia's guide
 * advises: the Origin header (or Sec-Fetch-Site) must name this site.
 */
export function sameOriginWrites({ allowedOrigins }: { allowedOrigins: readonly string[] }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
    // RFC 8058's one-click unsubscribe is a POST from the mail client, with no Origin and no
    // cookie; its signed token is the whole authority and can only turn mail down
    // (app/routes/unsubscribe.$token.tsx).
    // Its Origin goes too: Remix would compare it with the host and answer a foreign one with a 500.
    if (/^\/unsubscribe\/[^/]+$/.test(req.path)) {
      delete req.headers.origin;
      return next();
    }
    const origin = req.get("origin");
    const own = `${req.protocol}://${req.get("host")}`;
    const allowed = origin
      ? origin === own || allowedOrigins.includes(origin)
      : req.get("sec-fetch-site") === "same-origin";
    if (allowed) return next();
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send("Cross-site request refused: the Origin header must name this site.");
  };
}

/**
 * Request bodies are bounded before anything reads them: a form post sends
 * its length (Node's parser holds the body to it), so a larger or unannounced
 * body is refused at once instead of being buffered (413 / 411); the limit is the
 * answering route's (`limitFor`), and a body
 * the handler left unread is drained after the answer. Only the
 * methods the portal uses are accepted (405 otherwise).
 */
export function boundedRequests({ limitFor }: { limitFor: (originalUrl: string) => number | Promise<number> }) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!["GET", "HEAD", "POST"].includes(req.method)) {
      res.status(405).set("Allow", "GET, HEAD, POST").type("text/plain; charset=utf-8").send("Method not allowed.");
      return;
    }
    if (req.method !== "POST") return next();
    const length = req.get("content-length");
    if (length === undefined) {
      res.status(411).type("text/plain; charset=utf-8").send("A Content-Length header is required.");
      return;
    }
    // Decided by the route that will answer (server/body-limits.server.ts), not by a path prefix.
    let limit: number;
    try {
      limit = await limitFor(req.originalUrl);
    } catch (error) {
      return next(error);
    }
    if (!/^\d+$/.test(length) || Number(length) > limit) {
      res
        .status(413)
        .type("text/plain; charset=utf-8")
        .send(`The request body is too large (${Math.round(limit / 1024)} KiB at most).`);
      return;
    }
    // An answer can go out before the whole body was read (Remix answers 415 to a body type it
    // does not parse, after starting to read it). Node then leaves the rest on the connection,
    // and the next request on that keep-alive connection waits behind it until the connection
    // times out. So the rest, at most the limit above, is read and dropped.
    res.once("finish", () => {
      if (req.complete) return;
      req.removeAllListeners("data");
      req.resume();
    });
    next();
  };
}
