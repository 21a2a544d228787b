import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/**
 * Security headers for every response, with a fresh nonce per request for the
 * Content-Security-Policy (the document's scripts carry it; nothing else runs).
 */
export function securityHeaders({ development }: { development: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    const directives = [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
      // Vite's dev server injects styles and talks over a websocket.
      development ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
      development ? "connect-src 'self' ws:" : "connect-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ];
    res.setHeader("Content-Security-Policy", directives.join("; "));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    if (!development && req.secure) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    next();
  };
}

/**
 * Refuses state-changing requests from other sites (CSRF), as Lucia's guide
 * advises: the Origin header (or Sec-Fetch-Site) must name this site.
 */
export function sameOriginWrites({ allowedOrigins }: { allowedOrigins: readonly string[] }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
    const origin = req.get("origin");
    const own = `${req.protocol}://${req.get("host")}`;
    const allowed = origin ? origin === own || allowedOrigins.includes(origin) : req.get("sec-fetch-site") === "same-origin";
    if (allowed) return next();
    res.status(403).type("text/plain; charset=utf-8").send("Cross-site request refused: the Origin header must name this site.");
  };
}
