import http from "node:http";
import { describe, expect, test } from "vitest";
import { baseURL } from "./browser";
import { makeUser } from "../factories";
import { signInAs } from "./fixtures";
import { httpClient } from "./http-client";

/** The portal over plain HTTP: statuses, messages, headers. No browser needed. */
const get = (path: string, init?: RequestInit) => fetch(`${baseURL()}${path}`, { redirect: "manual", ...init });

describe("bad input gets a clear message and a 4xx, never a 500", () => {
  test.each([
    ["/directory?q=" + "a".repeat(201), 400, "tối đa 200 ký tự"],
    ["/directory?kind=spaceship", 400, "Loại hình không tồn tại"],
    ["/directory?field=not-a-field", 400, "Lĩnh vực không tồn tại"],
    ["/directory?area=artificial-intelligence", 400, "Nhóm lĩnh vực không tồn tại"],
    ["/directory?district=paris", 400, "Khu vực (quận/huyện cũ) không tồn tại"],
    ["/directory?field=x%22%20OR%20kind%20%3D%20%22lab", 400, "Lĩnh vực không tồn tại"],
    ["/directory?district=cau-giay%22)%20OR%20(1%3D1", 400, "Khu vực (quận/huyện cũ) không tồn tại"],
    ["/directory?sort=random", 400, "Cách sắp xếp không hợp lệ"],
    ["/directory?page=0", 400, "Số trang không hợp lệ"],
    ["/directory?page=-3", 400, "Số trang không hợp lệ"],
    ["/directory?page=abc", 400, "Số trang không hợp lệ"],
    ["/directory?page=999999", 400, "tối đa 500 trang"],
    ["/directory?page=400", 404, "Không có trang 400"],
    ["/directory?verified=maybe", 400, "không hợp lệ"],
    // A single parameter given twice is named, not half-read (its first value used to win silently).
    ["/directory?page=2&page=3", 400, "Tham số “page” chỉ được có một giá trị"],
    ["/experts?q=a&q=b", 400, "Tham số “q” chỉ được có một giá trị"],
    ["/requests?sector=ict&page=1&page=2", 400, "Tham số “page” chỉ được có một giá trị"],
    ["/organizations/does-not-exist", 404, "Không tìm thấy tổ chức này"],
    ["/organizations/HUST", 404, "Không tìm thấy tổ chức này"],
    ["/organizations/%00%ff", 400, "Yêu cầu không hợp lệ"],
    ["/no/such/page", 404, "Không tìm thấy trang"],
  ])("%s → %i", async (path, status, message) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(message);
  });

  test("hundreds of odd values in every parameter never cause a 500", async () => {
    const odd = [
      "",
      " ",
      "%",
      "%%",
      "\\",
      '"',
      "'",
      "`",
      "<",
      ">",
      "&",
      "#",
      "?",
      "[]",
      "{}",
      "()",
      "NULL",
      "undefined",
      "NaN",
      "-1",
      "1e309",
      "0x10",
      "9".repeat(40),
      "a".repeat(5000),
      "Ω≈ç√",
      "Đống Đa",
      "\u0000",
      "\u202e",
      "😀",
      "%ED%A0%80",
      "%FF%FE",
      "' OR '1'='1",
      "1; DROP TABLE Organization; --",
      'x" OR status = "draft',
      "kind = lab OR 1",
      "<img src=x onerror=alert(1)>",
      "../../etc/passwd",
      "%2e%2e%2f",
      "ＡＢＣ",
      "ﬁ",
      "İ",
      "ß",
    ];
    const params = ["q", "kind", "area", "field", "district", "verified", "sort", "page"];
    const statuses = new Map<number, number>();
    for (const param of params) {
      for (const value of odd) {
        for (const path of ["/directory", "/"]) {
          // Values starting with % are sent as they are: invalid UTF-8 in the query string.
          const encoded = value.startsWith("%") && value.length > 2 ? value : encodeURIComponent(value);
          const response = await get(`${path}?${param}=${encoded}&${param}=${encoded}x`);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect(response.status, `${path}?${param}=${JSON.stringify(value)}`).toBeLessThan(500);
          await response.arrayBuffer();
        }
      }
    }
    expect([...statuses.keys()].sort()).toEqual([200, 400]);
  }, 240_000); // some 700 full pages, one after another

  test("search text is shown as text, never as HTML", async () => {
    const response = await get(`/directory?q=${encodeURIComponent("<script>alert(1)</script>")}`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});

describe("forms", () => {
  test("state-changing requests from another site are refused", async () => {
    const form = new URLSearchParams({ lang: "en", redirectTo: "/" });
    const noOrigin = await get("/language", { method: "POST", body: form });
    expect(noOrigin.status).toBe(403);
    const otherSite = await get("/language", {
      method: "POST",
      body: form,
      headers: { Origin: "https://evil.example" },
    });
    expect(otherSite.status).toBe(403);
    expect(otherSite.headers.get("set-cookie")).toBeNull();
  });

  test("the language switch remembers the choice and only redirects within the site", async () => {
    const origin = new URL(baseURL()).origin;
    const response = await get("/language", {
      method: "POST",
      body: new URLSearchParams({ lang: "en", redirectTo: "//evil.example/x" }),
      headers: { Origin: origin },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^lang=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const english = await get("/", { headers: { Cookie: cookie.split(";")[0]! } });
    expect(await english.text()).toContain("Hanoi Innovation Network");

    const bad = await get("/language", {
      method: "POST",
      body: new URLSearchParams({ lang: "fr" }),
      headers: { Origin: origin },
    });
    expect(bad.status).toBe(400);
  });
});

describe("odd requests get a 4xx, never a 500", () => {
  const origin = () => new URL(baseURL()).origin;

  test("a bad value in the experts or requests list's address is named in a 400, never dropped silently", async () => {
    for (const [path, named] of [
      ["/experts?offer=free-lunch&q=a", "“free-lunch”"],
      ["/requests?sector=mining", "“mining”"],
      ["/requests?page=abc", "“abc”"],
      ["/experts?area=Not%20A%20Slug", "“Not A Slug”"],
    ] as const) {
      const response = await get(path, { headers: { Cookie: "lang=en" } });
      expect(response.status, path).toBe(400);
      expect(await response.text(), path).toContain(named);
    }
    // In the visitor's language, Vietnamese by default.
    expect(await (await get("/requests?sector=mining")).text()).toContain("Ngành không tồn tại");
    expect((await get("/experts?offer=consulting")).status).toBe(200);
  });

  test("bodies are bounded before anything reads them", async () => {
    const big = await get("/language", {
      method: "POST",
      headers: { Origin: origin(), "Content-Type": "application/x-www-form-urlencoded" },
      body: `lang=en&x=${"a".repeat(300 * 1024)}`,
    });
    expect(big.status).toBe(413);
  });

  test("a body the portal leaves unread does not hold up the next request on the same connection", async () => {
    // Was a bug: a form post of another type (answered 415 before its body was read) left the
    // rest of its body on the keep-alive connection, and the next request there hung until timeout.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (body: string, type: string) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(
          `${baseURL()}/language`,
          {
            method: "POST",
            agent,
            timeout: 10_000,
            headers: { Origin: origin(), "Content-Type": type, "Content-Length": Buffer.byteLength(body) },
          },
          (response) => {
            response.resume();
            response.on("end", () => resolve(response.statusCode!));
          },
        );
        request.on("timeout", () => request.destroy(new Error("no answer within 10 s")));
        request.on("error", reject);
        request.end(body);
      });
    try {
      expect(await send(`lang=${"a".repeat(200_000)}`, "text/plain")).toBe(415);
      expect(await send("lang=en", "application/x-www-form-urlencoded")).toBe(302);
    } finally {
      agent.destroy();
    }
  });

  test("a post that is not a form is refused", async () => {
    for (const [body, type] of [
      ["{}", "application/json"],
      ["lang=en", "text/plain"],
      ["", "application/x-www-form-urlencoded"],
    ] as const) {
      const response = await get("/language", {
        method: "POST",
        headers: { Origin: origin(), "Content-Type": type },
        body,
      });
      expect([400, 415], `${type} ${JSON.stringify(body)}`).toContain(response.status);
    }
  });

  test("a path with a backslash, written or encoded, is a 400 in the visitor's language, not a 500", async () => {
    // Found by the fuzz test: the router read the decoded "\\" as "//" and failed to parse the rest.
    for (const path of ["/%5C%25E0%25A4%25A", "/%5c%5cexample.com", "/directory%5C..%5C"]) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(await response.text()).toContain("Đường dẫn không hợp lệ");
    }
  });

  test("unknown methods are refused", async () => {
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      const response = await get("/language", { method, headers: { Origin: origin() }, body: "lang=en" });
      expect(response.status, method).toBe(405);
    }
  });

  test("redirects never leave the site, even with control characters", async () => {
    for (const redirectTo of ["/\t/evil.example", "/\n/evil.example", "/\\evil.example"]) {
      const response = await get("/language", {
        method: "POST",
        headers: { Origin: origin() },
        body: new URLSearchParams({ lang: "en", redirectTo: redirectTo.replace("\\t", "\t").replace("\\n", "\n") }),
      });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/");
    }
  });

  test("a shared link can name its language", async () => {
    const english = await get("/directory?q=vien&lang=en");
    expect(await english.text()).toContain("Organization directory");
    const html = await (await get("/directory?q=vien")).text();
    expect(html).toMatch(/hreflang="en"/i);
  });
});

describe("headers and health", () => {
  test("every page carries the security headers, with a fresh script nonce", async () => {
    const first = await get("/");
    const second = await get("/");
    const csp = first.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(first.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const html = await first.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    for (const path of ["/healthz", "/no/such/page", "/favicon.svg"]) {
      expect((await get(path)).headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });

  test("every kind of answer carries them: pages, errors, the API, files, refusals", async () => {
    const answers = [
      await get("/no/such/page"),
      await get("/api/v1/organizations?limit=1"),
      await get("/api/v1/organizations", { method: "POST", body: "x" }),
      await get("/export/organizations.csv"),
      // Files that set their own headers must not send helmet's a second time ("nosniff, nosniff").
      await get("/events.ics"),
      await get("/favicon.svg"),
      await get("/readyz"),
      await get("/language", { method: "POST", headers: { Origin: "https://evil.example" }, body: "lang=en" }),
      await get("/language", {
        method: "POST",
        headers: { Origin: new URL(baseURL()).origin },
        body: new URLSearchParams({ lang: "en" }),
      }),
    ];
    for (const answer of answers) {
      const label = `${answer.url} ${answer.status}`;
      expect(answer.headers.get("content-security-policy"), label).toContain("frame-ancestors 'none'");
      expect(answer.headers.get("x-content-type-options"), label).toBe("nosniff");
      expect(answer.headers.get("referrer-policy"), label).toBe("strict-origin-when-cross-origin");
    }
  });

  test("HSTS is sent over HTTPS (behind the proxy), never over plain HTTP", async () => {
    // The e2e portal trusts the loopback proxy, as production trusts its reverse proxy (TRUST_PROXY).
    const secure = await get("/", { headers: { "X-Forwarded-Proto": "https" } });
    expect(secure.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    const plain = await get("/");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
  });

  test("health and readiness", async () => {
    const health = await get("/healthz");
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await get("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", database: "ok", search: "ok", outbox: { pending: 0 } });
  });
});

describe("kept directory answers (docs/decisions/020)", () => {
  test("what a signed-in person was answered never reaches anyone else, whatever the address", async () => {
    const user = await makeUser({ role: "admin", name: `Kept Answer Official ${Date.now()}` });
    const signedIn = httpClient({ cookie: await signInAs(user.id) });
    const anonymous = httpClient();
    const addresses = [
      // Addresses an URL parser may read differently from Remix's (which then runs the root's loader, user included).
      `/directory.data?%5B_routes%5D=routes%2Fdirectory&q=vien-${Date.now()}`,
      `/directory.data?_routes=root,routes/directory,%5D=y&_routes=routes%2Fdirectory&q=vien-${Date.now()}`,
      `/directory.data?_routes=root%2Croutes%2Fdirectory&q=vien-${Date.now()}`,
      `/directory.data?q=vien-${Date.now()}`,
      `/directory.data?_routes=routes%2Fdirectory&q=vien-${Date.now()}`,
    ];
    for (const path of addresses) {
      const own = await (await signedIn.get(path)).text();
      const theirs = await (await anonymous.get(path)).text();
      expect(theirs, path).not.toContain(user.name);
      expect(theirs, path).not.toContain(user.id);
      // The signed-in answer did carry the user where the root's data was asked for: the check above means something.
      if (!path.includes("_routes=routes%2Fdirectory&q")) expect(own, path).toContain(user.name);
    }
  });

  test("an answer is kept per language, as the address and the cookie name it", async () => {
    const path = `/directory.data?q=truong-${Date.now()}&_routes=routes%2Fdirectory`;
    const english = httpClient({ cookie: "lang=ImVuIg%3D%3D" }); // the language cookie holding "en"
    const bracket = `/directory.data?%5Blang%5D=en&q=truong-b-${Date.now()}&_routes=routes%2Fdirectory`;
    expect(await (await httpClient().get(path)).text()).toContain('"lang","vi"');
    expect(await (await english.get(path)).text()).toContain('"lang","en"');
    expect(await (await httpClient().get(`${path}&lang=en`)).text()).toContain('"lang","en"');
    // `[lang]=en` is no language to the loader: the cookie decides, for each person.
    expect(await (await httpClient().get(bracket)).text()).toContain('"lang","vi"');
    expect(await (await english.get(bracket)).text()).toContain('"lang","en"');
  });
});
