import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sameOriginWrites, securityHeaders } from "./security.server";

/**
 * The Origin check, mounted on a tiny Express app as the portal mounts it and
 * called over real HTTP. node:http (not fetch) so the Host, Origin and
 * Sec-Fetch-Site headers are exactly the ones a browser would send.
 */
type Reply = { status: number; body: string };
type Server = { port: number; close: () => Promise<void> };

async function serve(options: { allowedOrigins?: string[]; trustProxy?: boolean } = {}): Promise<Server> {
  const app = express();
  if (options.trustProxy) app.set("trust proxy", true);
  app.use(sameOriginWrites({ allowedOrigins: options.allowedOrigins ?? [] }));
  // Reached only when the check lets the request through.
  app.all("*", (req, res) => {
    // What an unsubscribe post brings with it past the check: its Origin must not (Remix compares it).
    const origin = req.path.startsWith("/unsubscribe/") && req.headers.origin ? ` from ${req.headers.origin}` : "";
    res.type("text/plain").send(`reached ${req.method}${origin}`);
  });
  const server = await new Promise<http.Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function send(port: number, method: string, headers: Record<string, string>, path = "/login"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, method, path, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("sameOriginWrites", () => {
  let server: Server;
  let host: string;
  const post = (headers: Record<string, string>) => send(server.port, "POST", { host, ...headers });

  beforeAll(async () => {
    server = await serve({ allowedOrigins: ["https://portal.example.vn"] });
    host = `localhost:${server.port}`;
  });
  afterAll(() => server.close());

  test("lets reads through from anywhere: GET, HEAD and OPTIONS change nothing", async () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      const reply = await send(server.port, method, { host, origin: "https://evil.example" });
      expect(reply.status, method).toBe(200);
    }
  });

  test("accepts a post whose Origin is this very host", async () => {
    expect(await post({ origin: `http://${host}` })).toEqual({ status: 200, body: "reached POST" });
  });

  test("refuses a post from another site, with a plain 403 that never reaches the route", async () => {
    const reply = await post({ origin: "https://evil.example" });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatch(/Cross-site request refused/);
    expect(reply.body).not.toContain("reached");
  });

  test("compares the whole origin: scheme, host and port must all match", async () => {
    const [hostname] = host.split(":");
    const nearMisses = [
      `https://${host}`, // other scheme
      `http://${hostname}:${server.port + 1}`, // other port
      `http://${hostname}`, // no port
      `http://${host}.evil.example`, // suffix
      `http://evil.example/${host}`, // in the path
      `http://${host}/`, // not an origin: browsers never send a path
      "null", // sandboxed frames and privacy-sensitive redirects send "null"
    ];
    for (const origin of nearMisses) {
      expect((await post({ origin })).status, origin).toBe(403);
    }
  });

  test("accepts the configured extra origins (APP_ORIGIN) and only those", async () => {
    expect((await post({ origin: "https://portal.example.vn" })).status).toBe(200);
    expect((await post({ origin: "http://portal.example.vn" })).status).toBe(403);
    expect((await post({ origin: "https://portal.example.vn:8443" })).status).toBe(403);
    expect((await post({ origin: "https://evil.portal.example.vn" })).status).toBe(403);
  });

  test("checks every state-changing method, not only POST", async () => {
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      expect((await send(server.port, method, { host, origin: "https://evil.example" })).status, method).toBe(403);
      expect((await send(server.port, method, { host, origin: `http://${host}` })).status, method).toBe(200);
    }
  });

  test("lets a mail client's one-click unsubscribe through (RFC 8058: no Origin, no cookie), and only that path", async () => {
    expect(await send(server.port, "POST", { host }, "/unsubscribe/u.type:message.sig")).toEqual({
      status: 200,
      body: "reached POST",
    });
    // A foreign Origin is dropped, not compared further on (Remix would answer it with a 500).
    expect(
      await send(server.port, "POST", { host, origin: "https://mail.example" }, "/unsubscribe/u.digest.sig"),
    ).toEqual({ status: 200, body: "reached POST" });
    expect((await send(server.port, "POST", { host }, "/unsubscribe/a/b")).status).toBe(403);
    expect((await send(server.port, "POST", { host }, "/unsubscribe")).status).toBe(403);
    expect((await send(server.port, "POST", { host }, "/me/notifications")).status).toBe(403);
  });

  describe("without an Origin header", () => {
    test("accepts a post the browser marks Sec-Fetch-Site: same-origin", async () => {
      expect((await post({ "sec-fetch-site": "same-origin" })).status).toBe(200);
    });

    test("refuses one marked same-site, cross-site or none", async () => {
      // same-site is a sibling subdomain: still another origin.
      for (const site of ["same-site", "cross-site", "none"]) {
        expect((await post({ "sec-fetch-site": site })).status, site).toBe(403);
      }
    });

    test("refuses one with neither header (fails closed), whatever the Referer says", async () => {
      // There is no Referer fallback: a same-site Referer alone does not let a post through.
      expect((await post({})).status).toBe(403);
      expect((await post({ referer: `http://${host}/login` })).status).toBe(403);
    });

    test("an Origin header, when present, wins over Sec-Fetch-Site", async () => {
      expect((await post({ origin: "https://evil.example", "sec-fetch-site": "same-origin" })).status).toBe(403);
    });
  });
});

describe("sameOriginWrites behind a TLS-terminating proxy", () => {
  test("without trust proxy, the https origin is not recognised and must be listed", async () => {
    // The app sees http; the browser sends Origin https://… (hence APP_ORIGIN or TRUST_PROXY).
    const server = await serve();
    try {
      const headers = { host: "portal.example.vn", origin: "https://portal.example.vn", "x-forwarded-proto": "https" };
      expect((await send(server.port, "POST", headers)).status).toBe(403);
    } finally {
      await server.close();
    }
    const listed = await serve({ allowedOrigins: ["https://portal.example.vn"] });
    try {
      const headers = { host: "portal.example.vn", origin: "https://portal.example.vn" };
      expect((await send(listed.port, "POST", headers)).status).toBe(200);
    } finally {
      await listed.close();
    }
  });

  test("with trust proxy, X-Forwarded-Proto makes the https origin this site's own", async () => {
    const server = await serve({ trustProxy: true });
    try {
      const headers = { host: "portal.example.vn", origin: "https://portal.example.vn", "x-forwarded-proto": "https" };
      expect((await send(server.port, "POST", headers)).status).toBe(200);
      // The host compared is the Host header, never X-Forwarded-Host: a client cannot name its own site as ours.
      const forged = { ...headers, origin: "https://evil.example", "x-forwarded-host": "evil.example" };
      expect((await send(server.port, "POST", forged)).status).toBe(403);
    } finally {
      await server.close();
    }
  });
});

describe("securityHeaders", () => {
  /** The headers of a GET / answered through the middleware, as the portal mounts it. */
  async function headersOf(development: boolean, forwarded: Record<string, string> = {}) {
    const app = express();
    app.set("trust proxy", true);
    app.use(securityHeaders({ development }));
    app.get("/", (_req, res) => {
      res.type("text/plain").send(`nonce ${res.locals.cspNonce as string}`);
    });
    const server = await new Promise<http.Server>((resolve) => {
      const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
    });
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: forwarded });
      return { headers: response.headers, body: await response.text() };
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  test("sends the portal's values, with the page's nonce in the script policy", async () => {
    const { headers, body } = await headersOf(false);
    const nonce = body.slice("nonce ".length);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(headers.get("content-security-policy")).toBe(
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
        "style-src 'self'",
        "connect-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join(";"),
    );
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(headers.get("permissions-policy")).toBe("camera=(), microphone=(), geolocation=(), interest-cohort=()");
    expect(headers.get("cross-origin-resource-policy")).toBeNull();
    expect(headers.get("strict-transport-security")).toBeNull();
  });

  test("HSTS only over HTTPS and never in development; Vite's styles and websocket in development", async () => {
    const https = { "X-Forwarded-Proto": "https" };
    expect((await headersOf(false, https)).headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
    const development = (await headersOf(true, https)).headers;
    expect(development.get("strict-transport-security")).toBeNull();
    expect(development.get("content-security-policy")).toContain("style-src 'self' 'unsafe-inline'");
    expect(development.get("content-security-policy")).toContain("connect-src 'self' ws:");
  });
});
