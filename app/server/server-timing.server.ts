import type { RequestHandler, Response } from "express";
import { Timings, withTimings } from "~/utils/server-timing";

/**
 * SERVER_TIMING=on: every answer carries a `Server-Timing` header with the
 * phases its handling timed (engine, database, cards, loader…) and `app`, the
 * time from the request's arrival here to its headers. Off by default: it
 * tells anyone how long the database took.
 */
export function serverTiming(): RequestHandler {
  return (_req, res, next) => {
    const timings = new Timings();
    const started = performance.now();
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
      timings.add("app", performance.now() - started);
      if (!this.headersSent) this.setHeader("Server-Timing", timings.header());
      return writeHead.apply(this, args);
    } as Response["writeHead"];
    withTimings(timings, next);
  };
}
