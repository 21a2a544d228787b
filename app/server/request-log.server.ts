import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { log } from "~/config/log.server";

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * Gives each request an id (kept from X-Request-Id when a proxy sent a sane
 * one), returns it in the response, and logs one line when the response ends.
 */
export function requestLog() {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.get("x-request-id");
    const id = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    res.locals.requestId = id;
    res.setHeader("X-Request-Id", id);
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const level = res.statusCode >= 500 ? "error" : "info";
      if (req.path.startsWith("/assets/") && res.statusCode < 400) return;
      log(level, "request", {
        id,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
      });
    });
    next();
  };
}
