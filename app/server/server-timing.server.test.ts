import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { recordTiming, timed } from "~/utils/server-timing";
import { serverTiming } from "./server-timing.server";

/** The Server-Timing middleware in front of handlers that time phases as the search does. */
let server: http.Server;
let port: number;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  const app = express();
  const timing = serverTiming();
  app.use(timing.arrival);
  // A middleware that continues from a stream event, as a body check does: the async context
  // there is the socket's, not the request's.
  app.use((req, _res, next) => {
    req.resume();
    req.once("end", () => next());
  });
  app.use(timing.scope);
  app.get("/search", async (req, res) => {
    // Two engine calls add up; a phase recorded from the engine's own figure.
    await timed("engine", () => pause(Number(req.query.wait)));
    await timed("engine", () => pause(Number(req.query.wait)));
    recordTiming("engine-processing", Number(req.query.processing ?? 7));
    await timed("cards", async () => {});
    res.send("ok");
  });
  app.get("/plain", (_req, res) => res.send("ok"));
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

function timingOf(path: string): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path }, (response) => {
        response.resume();
        const header = String(response.headers["server-timing"] ?? "");
        resolve(
          Object.fromEntries(
            header
              .split(", ")
              .filter(Boolean)
              .map((entry) => {
                const [name, duration] = entry.split(";dur=");
                return [name, Number(duration)];
              }),
          ),
        );
      })
      .on("error", reject);
  });
}

describe("Server-Timing", () => {
  test("reports each phase of the request, summed per name, and the app's whole time", async () => {
    const phases = await timingOf("/search?wait=20");
    expect(Object.keys(phases)).toEqual(["engine", "engine-processing", "cards", "app"]);
    expect(phases.engine).toBeGreaterThanOrEqual(38);
    expect(phases["engine-processing"]).toBe(7);
    expect(phases.app).toBeGreaterThanOrEqual(phases.engine!);
  });

  test("keeps concurrent requests' phases apart", async () => {
    // Both are waiting at once; each header holds its own request's figure, not the sum.
    const [one, other] = await Promise.all([
      timingOf("/search?wait=30&processing=3"),
      timingOf("/search?wait=30&processing=11"),
    ]);
    expect(one["engine-processing"]).toBe(3);
    expect(other["engine-processing"]).toBe(11);
  });

  test("a request that times nothing carries the app's time alone", async () => {
    expect(Object.keys(await timingOf("/plain"))).toEqual(["app"]);
  });

  test("outside a timed request, timing is a plain call", async () => {
    expect(await timed("engine", async () => 42)).toBe(42);
    expect(() => recordTiming("engine", 1)).not.toThrow();
  });
});
