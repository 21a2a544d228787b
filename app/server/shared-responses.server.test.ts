import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { ServerBuild } from "@remix-run/node";
import { markPersonal, shareResponse, type Sharing } from "~/utils/answer-sharing";
import { sharedResponses } from "./shared-responses.server";

/**
 * The shared answers, mounted as the portal mounts them, in front of a
 * stand-in for Remix that counts the times it runs, says
 * whether its answer may be shared, and writes its body in two pieces.
 */
let server: http.Server;
let port: number;
let version = "1";
let versionFails = false;
let runs = 0;

/** The portal's route tree in small: the directory declares its answers shared, the experts list does not. */
const route = (id: string, parentId: string | undefined, path: string, handle?: unknown) => ({
  id,
  parentId,
  path,
  module: { handle },
});
const build = {
  routes: {
    root: route("root", undefined, ""),
    "routes/directory": route("routes/directory", "root", "directory", { sharedAnswer: true }),
    "routes/experts._index": route("routes/experts._index", "root", "experts"),
    // An index route, as the offers list is: its data request names no `?index`.
    "routes/offers._index": { ...route("routes/offers._index", "root", "offers", { sharedAnswer: true }), index: true },
  },
} as unknown as ServerBuild;

beforeAll(async () => {
  const app = express();
  const shared = sharedResponses({
    build,
    language: async (search) => (search.get("lang") === "en" ? "en" : "vi"),
    version: () => {
      if (versionFails) throw new Error("database locked");
      return version;
    },
    maxEntries: 10,
    ttlMs: 60_000,
  });
  // As the portal mounts them: kept answers go out before compression, new ones are kept after it.
  app.use(shared.answer);
  app.use(compression({ level: 4 }));
  app.use(shared.keep);
  app.get("*", (req, res) => {
    runs++;
    const sharing = res.locals.sharing as Sharing | undefined;
    // As Remix reads the address: the root's loader (which reads the user) runs unless `_routes`
    // names the directory alone, and the loader answers in `?lang=` (or, here, `answerIn=`).
    const search = new URL(req.originalUrl, "http://portal").searchParams;
    const pages = ["routes/directory", "routes/experts._index", "routes/offers._index"];
    if (!pages.includes(search.get("_routes") ?? "") || search.has("private")) {
      markPersonal({ sharing });
    }
    const language = search.get("answerIn") ?? search.get("lang") ?? "vi";
    shareResponse({ sharing }, language);
    res.status(Number(search.get("status") ?? 200));
    res.setHeader("Content-Type", "text/x-script; charset=utf-8");
    res.setHeader("X-Remix-Response", "yes");
    res.setHeader("X-Per-Request", String(runs));
    res.write(
      `answer ${runs} for ${req.originalUrl} in ${language}, ${sharing ? "offered for keeping" : "not offered"}; `,
    );
    res.end("trí tuệ nhân tạo ".repeat(200));
  });
  server = await new Promise<http.Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  version = String(Number(version) + 1); // every test starts with nothing stored for its version
  versionFails = false;
});

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** GET over node:http, so that the Accept-Encoding header is the one given and the body arrives as sent. */
function get(path: string, { gzip = true } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: "127.0.0.1", port, path, headers: gzip ? { "Accept-Encoding": "gzip" } : {} },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const raw = Buffer.concat(chunks);
          const body = response.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: body.toString("utf8") });
        });
      },
    );
    request.on("error", reject);
  });
}

const search = (query: string) => `/directory.data?${query}&_routes=routes%2Fdirectory`;

describe("sharedResponses", () => {
  test("an index route's data (the offers list's) is kept too, though its address names no ?index", async () => {
    const path = `/offers.data?q=kinh-hien-vi&_routes=routes%2Foffers._index`;
    const first = await get(path);
    const second = await get(path);
    expect(first.status).toBe(200);
    // The body names the run that made it: the same run, so the second was not asked of Remix.
    expect(first.body).toMatch(/^answer \d+ for /);
    expect(second.body).toBe(first.body);
  });

  test("the same request is answered again from memory, byte for byte, compressed or not", async () => {
    const first = await get(search("q=nano"));
    const second = await get(search("q=nano"));
    const plain = await get(search("q=nano"), { gzip: false });
    expect(runs).toBe(Number(first.headers["x-per-request"]));
    expect(second.body).toBe(first.body);
    expect(plain.body).toBe(first.body);
    expect(second.headers["content-encoding"]).toBe("gzip");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    // What Remix's client reads is sent again; what was the first request's own is not.
    for (const reply of [second, plain]) {
      expect(reply.status).toBe(200);
      expect(reply.headers["content-type"]).toBe("text/x-script; charset=utf-8");
      expect(reply.headers["x-remix-response"]).toBe("yes");
      expect(reply.headers["x-per-request"]).toBeUndefined();
      expect(reply.headers["cache-control"]).toBe("private, no-cache");
    }
  });

  test("a change to the data version makes the next request run again", async () => {
    const before = await get(search("q=robot"));
    version = `${version}-changed`;
    const after = await get(search("q=robot"));
    expect(after.body).not.toBe(before.body);
    expect(await get(search("q=robot")).then((reply) => reply.body)).toBe(after.body);
  });

  test("answers differ by language and by every part of the address", async () => {
    const bodies = new Set<string>();
    for (const path of [search("q=lab"), search("q=lab&lang=en"), search("q=lab&kind=lab"), search("kind=lab&q=lab")]) {
      bodies.add((await get(path)).body);
      bodies.add((await get(path)).body);
    }
    expect(bodies.size).toBe(4);
  });

  test("only what the route marked as shared, with status 200, for the one route's data, is kept", async () => {
    // Offered for keeping, but the route did not share it (someone looked at the user) or it failed.
    const refused = [search("q=private&private=1"), search("q=invalid&status=400")];
    // Not even offered: not the directory's data alone, as Remix reads the address.
    const notOffered = [
      // Express's query parser reads these as `_routes=routes/directory`, Remix does not:
      // it runs the root's loader too, with the signed-in user in it.
      "/directory.data?%5B_routes%5D=routes%2Fdirectory&q=bracket",
      "/directory.data?_routes=root,routes/directory,%5D=y&_routes=routes%2Fdirectory&q=twice",
      "/directory.data?q=with-root-data",
      "/directory.data?q=other&_routes=root%2Croutes%2Fdirectory",
      "/experts.data?q=x&_routes=routes%2Fdirectory",
      // A route that does not declare `handle.sharedAnswer`, though its loader would share.
      "/experts.data?q=x&_routes=routes%2Fexperts._index",
      "/directory?q=page",
    ];
    for (const path of [...refused, ...notOffered]) {
      const first = await get(path);
      const second = await get(path);
      expect(second.body, path).not.toBe(first.body);
    }
    // Two locks, each enough alone: the address, and the loaders' word.
    for (const path of refused) expect((await get(path)).body, path).toContain("offered for keeping");
    for (const path of notOffered) expect((await get(path)).body, path).toContain("not offered");
  });

  test("an answer in another language than the one the address and cookie name is not kept", async () => {
    // `[lang]=en` is not `lang` to the loader: it answers in the default language.
    const path = search("q=lang&answerIn=vi&lang=en");
    const first = await get(path);
    const second = await get(path);
    expect(first.body).toContain("in vi");
    expect(second.body).not.toBe(first.body);
  });

  test("without a data version, requests run as usual and nothing is kept", async () => {
    versionFails = true;
    const first = await get(search("q=locked"));
    const second = await get(search("q=locked"));
    expect(first.status).toBe(200);
    expect(second.body).not.toBe(first.body);
  });
});
