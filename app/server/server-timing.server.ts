import type { RequestHandler, Response } from "express";
import { Timings, withTimings } from "~/utils/server-timing";

/**
 * SERVER_TIMING=on: every answer carries a `Server-Timing` header with the
 * phases its handling timed (engine, database, cards, loader…) and `app`, the
 * time from the request's arrival to its headers. Off by default: it tells
 * anyone how long the database took.
 *
 * Two middlewares: `arrival` first, `scope` just before Remix. Phases are
 * collected through async context, which a middleware that waits on a stream
 * event in between would lose (the event runs in the socket's context).
 */
export function serverTiming(): { arrival: RequestHandler; scope: RequestHandler } {
  const timingsOf = new WeakMap<Response, Timings>();
  return {
    arrival(_req, res, next) {
      const timings = new Timings();
      timingsOf.set(res, timings);
      const started = performance.now();
      const writeHead = res.writeHead;
      res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
        timings.add("app", performance.now() - started);
        if (!this.headersSent) this.setHeader("Server-Timing", timings.header());
        return writeHead.apply(this, args);
      } as Response["writeHead"];
      next();
    },
    scope(_req, res, next) {
      const timings = timingsOf.get(res);
      if (timings) withTimings(timings, next);
      else next();
    },
  };
}
