import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { createPrismaClient } from "~/db/client.server";
import { signedInUser } from "./faults/writes";
import {
  isAlive,
  logTail,
  portalFiles,
  startPortalProcess,
  type PortalFiles,
  type PortalProcess,
} from "../setup/portal-process";
import { runDir } from "./run-dir";

/**
 * Bodies an attacker sent that used to kill the portal (and its Meilisearch with it): a
 * 66 MB form posted through `/admin/import/../../language`, and import files built to
 * exhaust memory or hold the event loop. The portal runs in its own process, as
 * `npm start` runs it, so that a regression kills only it. Traffic goes to 127.0.0.1
 * only; each body is written in 1 MiB chunks and no more is written once the portal
 * has answered.
 */
let files: PortalFiles;
let portal: PortalProcess;
let db: PrismaClient;
let port: number;

beforeAll(async () => {
  files = await portalFiles(path.join(runDir(), `hostile-${process.pid}`));
  portal = await startPortalProcess(files);
  port = files.port;
  db = createPrismaClient(`file:${files.database}`);
}, 300_000);

afterAll(async () => {
  await db?.$disconnect();
  await portal?.stop();
});

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };
const MiB = 1024 * 1024;

/**
 * Sends `size` bytes: `head`, then `fill` repeated, then `tail`. The path goes out as
 * written (no `..` resolved). `halfway` runs once half the body has been taken by the
 * portal; its result comes back with the reply.
 */
function send<T>(options: {
  path: string;
  headers: Record<string, string>;
  head?: string;
  fill: string;
  tail?: string;
  size: number;
  halfway?: () => Promise<T>;
}): Promise<Reply & { halfway?: T }> {
  const head = Buffer.from(options.head ?? "");
  const tail = Buffer.from(options.tail ?? "");
  const fillSize = options.size - head.length - tail.length;
  const unit = Buffer.from(options.fill);
  const chunk = Buffer.alloc(Math.floor(MiB / unit.length) * unit.length, unit);
  return new Promise((resolve, reject) => {
    let answered = false;
    let halfway: Promise<T> | undefined;
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: options.path,
        headers: { ...options.headers, "Content-Length": String(options.size), Origin: `http://127.0.0.1:${port}` },
      },
      (response) => {
        answered = true;
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (text: string) => (body += text));
        response.on("end", async () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body, halfway: await halfway }),
        );
      },
    );
    // The portal may answer and close before the whole body is sent: that is the point.
    request.on("error", (error) => (answered ? undefined : reject(error)));
    (async () => {
      const write = (bytes: Buffer) =>
        request.write(bytes) ? Promise.resolve() : new Promise<void>((done) => request.once("drain", done));
      await write(head);
      let sent = 0;
      while (sent < fillSize && !answered && !request.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, fillSize - sent));
        await write(piece);
        sent += piece.length;
        if (options.halfway && !halfway && sent >= fillSize / 2) halfway = options.halfway();
      }
      if (!answered && !request.destroyed) request.end(tail);
    })().catch(() => undefined);
  });
}

async function healthz(): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(30_000) });
  return response.status;
}

/** The portal's peak memory so far (VmHWM), in MB. */
function peakMb(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${portal.pid}/status`, "utf8"));
  return Math.round(Number(match?.[1]) / 1024);
}

const form = { "Content-Type": "application/x-www-form-urlencoded" };

describe("hostile bodies", () => {
  test("a 66 MB form through /admin/import/../../language or %2e%2e is refused at once, and the portal lives on", async () => {
    const users = await db.user.count();
    for (const target of [
      "/admin/import/../../language",
      "/admin/import/%2e%2e/%2e%2e/signup",
      "/admin/import/%2E%2E\\..\\language",
    ]) {
      const reply = await send({ path: target, headers: form, fill: "a=&", size: 66_000_000 });
      expect(reply.status, target).toBe(400);
      expect(reply.body).toContain("Đường dẫn không hợp lệ");
      expect(reply.headers["set-cookie"]).toBeUndefined();
    }
    const api = await send({ path: "/api/v1/%2e%2e/%2e%2e/language", headers: form, fill: "a=&", size: 1_000 });
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toMatchObject({ error: { code: "bad_path" } });
    expect(await healthz()).toBe(200);
    expect(await db.user.count()).toBe(users);
    expect(isAlive(portal.pid), logTail(files)).toBe(true);
    console.info(`hostile bodies: dot-segment attacks refused with 400; portal peak ${peakMb()} MB`);
  });

  test("the large limit is the import route's alone, and a form takes at most 1,000 fields", async () => {
    // 300 KiB to /language is over the 256 KiB every other route gets.
    expect((await send({ path: "/language", headers: form, fill: "a=&", size: 300 * 1024 })).status).toBe(413);
    // The same body to the import is let through to the route (which asks an anonymous visitor to sign in).
    expect((await send({ path: "/admin/import", headers: form, fill: "a=&", size: 300 * 1024 })).status).not.toBe(413);
    const fields = (count: number) =>
      `lang=en&${Array.from({ length: count - 1 }, (_, index) => `f${index}=`).join("&")}`;
    const tooMany = fields(1_001);
    const refused = await send({ path: "/language", headers: form, fill: tooMany, size: tooMany.length });
    expect(refused.status).toBe(413);
    expect(refused.body).toContain("too many fields");
    expect(refused.headers["set-cookie"]).toBeUndefined();
    const most = fields(1_000);
    const accepted = await send({ path: "/language", headers: form, fill: most, size: most.length });
    expect(accepted.status).toBeLessThan(400);
    expect(String(accepted.headers["set-cookie"])).toContain("lang=");
  });

  test("import files built to exhaust memory or the event loop get a 400 and change nothing, and /healthz answers meanwhile", async () => {
    const curator = await signedInUser(db, "curator");
    const organizations = await db.organization.count();
    const boundary = "----hostile-import-boundary";
    const part = (name: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\ndry-run\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    const end = `\r\n--${boundary}--\r\n`;
    const wide = `${Array.from({ length: 10_000 }, (_, index) => `c${index}`).join(",")}\n`;
    const cases = [
      {
        what: "16 million tiny CSV rows",
        name: "rows.csv",
        head: "kind,nameVi\n",
        fill: "a,b\n",
        tail: "",
        size: 64_000_000,
        message: "quá nhiều dòng",
      },
      {
        what: "31 million nested JSON arrays",
        name: "deep.json",
        head: "",
        fill: "[",
        tail: "]".repeat(1_000),
        size: 31_000_000,
        message: "lồng quá sâu",
      },
      {
        what: "21 million empty JSON objects",
        name: "objects.json",
        head: "[",
        fill: "{},",
        tail: "{}]",
        size: 63_000_000,
        message: "quá nhiều dòng",
      },
      {
        what: "a CSV of 10,000 columns",
        name: "wide.csv",
        head: wide,
        fill: `${"x,".repeat(9_999)}x\n`,
        tail: "",
        size: 20_000_000,
        message: "quá nhiều cột",
      },
    ];
    const figures: Record<string, unknown> = {};
    for (const item of cases) {
      const events: string[] = [];
      const head = part(item.name) + item.head;
      const reply = await send({
        path: "/admin/import",
        headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, Cookie: curator.cookie },
        head,
        fill: item.fill,
        tail: item.tail + end,
        size: head.length + item.size + item.tail.length + end.length,
        // Asked while the upload is under way: answered before the upload's own reply.
        halfway: async () => {
          const status = await healthz();
          events.push(`healthz ${status}`);
          return status;
        },
      });
      events.push(`upload ${reply.status}`);
      expect(events, item.what).toEqual(["healthz 200", "upload 400"]);
      expect(reply.body, item.what).toContain(item.message);
      expect(await healthz()).toBe(200);
      figures[item.what] = { status: reply.status, peakMb: peakMb() };
    }
    expect(await db.organization.count()).toBe(organizations);
    // Nothing of the refused files stays on disk.
    expect(fs.readdirSync(path.join(files.dir, "uploads"))).toEqual([]);
    expect(isAlive(portal.pid), logTail(files)).toBe(true);
    console.info(`hostile imports: ${JSON.stringify(figures)}`);
  }, 300_000);
});
