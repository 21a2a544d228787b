import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { changePassword, createUser, findValidResetToken, verifyLogin } from "~/models/user.server";
import { action as accountRouteAction } from "~/routes/account";
import { action as loginAction } from "~/routes/login";
import { sessionMiddleware } from "~/server/session-middleware.server";
import { prisma, type DbClient } from "~/db/client.server";
import { verifyPassword } from "~/auth/password.server";
import { LIMITS, resetAllRateLimits } from "~/auth/rate-limit.server";
import {
  createSession,
  deletedSessionCookie,
  generateSessionToken,
  invalidateSession,
  invalidateUserSessions,
  readSessionToken,
  SESSION_COOKIE,
  SESSION_DURATION_MS,
  sessionCookie,
  sessionIdFromToken,
  validateSessionToken,
} from "~/auth/session.server";
import { makeUser } from "../factories";

/**
 * Sessions, passwords and sign-in limits against this file's own copy of the
 * migrated SQLite database (tests/setup/isolated-services.ts points the app's
 * Prisma client at it).
 */
const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2026-01-01T00:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

/** A researcher with the given password (this file's default), to sign in as. */
const makeResearcher = (password = "a long enough password") =>
  makeUser({ label: "session-user", accountType: "researcher", password });

/** A new session for the user at T0 (or `now`); returns its token and id. */
async function makeSession(userId: string, now = T0) {
  const token = generateSessionToken();
  const row = await createSession(token, userId, { now });
  return { token, id: row.id, row };
}

const sessionIdsOf = async (userId: string) =>
  (await prisma.session.findMany({ where: { userId }, select: { id: true }, orderBy: { id: "asc" } })).map(
    (row) => row.id,
  );

describe("session tokens", () => {
  test("are 160 random bits written as 32 lower-case base32 characters", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateSessionToken()));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
  });

  test("are stored as their SHA-256 in lower-case hex", () => {
    // FIPS 180-2 test vector: SHA-256("abc").
    expect(sessionIdFromToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const token = generateSessionToken();
    expect(sessionIdFromToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(sessionIdFromToken(token)).toBe(sessionIdFromToken(token));
  });
});

describe("createSession", () => {
  test("stores only the token's hash, never the token itself", async () => {
    const user = await makeResearcher();
    const { token, id } = await makeSession(user.id);
    expect(id).toBe(sessionIdFromToken(token));
    expect(id).not.toBe(token);
    // A leaked database must not leak sessions: look at every column of every row.
    const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>('SELECT * FROM "Session"');
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await prisma.session.findUnique({ where: { id: token } })).toBeNull();
  });

  test("lasts exactly 30 days from now", async () => {
    const user = await makeResearcher();
    const { id } = await makeSession(user.id);
    const row = await prisma.session.findUniqueOrThrow({ where: { id } });
    expect(SESSION_DURATION_MS).toBe(30 * DAY);
    expect(row.expiresAt.toISOString()).toBe(at(30 * DAY).toISOString());
    expect(row.userId).toBe(user.id);
  });

  test("keeps the user agent, cut to 300 characters", async () => {
    const user = await makeResearcher();
    const long = await createSession(generateSessionToken(), user.id, { userAgent: "x".repeat(1000) });
    expect(long.userAgent).toHaveLength(300);
    const none = await createSession(generateSessionToken(), user.id, { userAgent: null });
    expect(none.userAgent).toBeNull();
  });

  test("refuses a session for a user that does not exist (foreign key)", async () => {
    await expect(createSession(generateSessionToken(), "no-such-user")).rejects.toThrow();
  });
});

describe("validateSessionToken", () => {
  test("returns the session and the user, without the password hash", async () => {
    const user = await makeResearcher();
    const { token, id } = await makeSession(user.id);
    const result = await validateSessionToken(token, { now: at(DAY) });
    expect(result).toEqual({
      session: { id, userId: user.id, expiresAt: at(30 * DAY) },
      user: { id: user.id, email: user.email, name: user.name, role: "member", accountType: "researcher" },
      renewed: false,
    });
    expect(JSON.stringify(result)).not.toContain("argon2");
  });

  test("does not renew in the first half of the session's life", async () => {
    const user = await makeResearcher();
    const { token, id } = await makeSession(user.id);
    // Exactly 15 days left is not "less than 15 days": still no renewal.
    for (const now of [T0, at(1), at(10 * DAY), at(15 * DAY)]) {
      const result = await validateSessionToken(token, { now });
      expect(result?.renewed, now.toISOString()).toBe(false);
      expect(result?.session.expiresAt).toEqual(at(30 * DAY));
    }
    expect((await prisma.session.findUniqueOrThrow({ where: { id } })).expiresAt).toEqual(at(30 * DAY));
  });

  test("renews in the second half: the session then lasts 30 days from now again", async () => {
    const user = await makeResearcher();
    const { token, id } = await makeSession(user.id);
    const now = at(15 * DAY + 1); // just under 15 days left
    const result = await validateSessionToken(token, { now });
    expect(result?.renewed).toBe(true);
    expect(result?.session.expiresAt).toEqual(new Date(now.getTime() + 30 * DAY));
    // Stored, not only returned.
    expect((await prisma.session.findUniqueOrThrow({ where: { id } })).expiresAt).toEqual(
      new Date(now.getTime() + 30 * DAY),
    );

    // The renewed session is fresh again: no second renewal the next day…
    expect((await validateSessionToken(token, { now: new Date(now.getTime() + DAY) }))?.renewed).toBe(false);
    // …and it outlives the original 30 days.
    const later = await validateSessionToken(token, { now: at(40 * DAY) });
    expect(later?.user.id).toBe(user.id);
    expect(later?.renewed).toBe(true);
  });

  test("renews a session used one millisecond before it ends", async () => {
    const user = await makeResearcher();
    const { token } = await makeSession(user.id);
    const now = at(30 * DAY - 1);
    const result = await validateSessionToken(token, { now });
    expect(result?.renewed).toBe(true);
    expect(result?.session.expiresAt).toEqual(new Date(now.getTime() + 30 * DAY));
  });

  test("at expiry returns null and deletes the session", async () => {
    const user = await makeResearcher();
    const { token, id } = await makeSession(user.id);
    expect(await validateSessionToken(token, { now: at(30 * DAY) })).toBeNull();
    expect(await prisma.session.findUnique({ where: { id } })).toBeNull();
    // Gone for good: validating at an earlier time does not bring it back.
    expect(await validateSessionToken(token, { now: T0 })).toBeNull();
  });

  test("after expiry returns null and deletes the session", async () => {
    const user = await makeResearcher();
    const { token, id } = await makeSession(user.id);
    const other = await makeSession(user.id, at(20 * DAY)); // still valid at day 45
    expect(await validateSessionToken(token, { now: at(45 * DAY) })).toBeNull();
    expect(await prisma.session.findUnique({ where: { id } })).toBeNull();
    expect(await sessionIdsOf(user.id)).toEqual([other.id]);
  });

  test("returns null for a well-formed token that has no session", async () => {
    expect(await validateSessionToken(generateSessionToken())).toBeNull();
  });

  test("refuses malformed tokens before any query", async () => {
    // A database that throws on any use: the format check must answer first.
    const noDb = new Proxy({} as DbClient, {
      get(_target, property) {
        throw new Error(`the database was used (${String(property)})`);
      },
    });
    const valid = generateSessionToken();
    const malformed = [
      "",
      valid.slice(0, 31),
      `${valid}a`,
      valid.toUpperCase(),
      `${valid.slice(0, 31)}1`, // 0, 1, 8, 9 are not base32
      `${valid.slice(0, 31)}=`,
      ` ${valid.slice(1)}`,
      `' OR 1=1 --${"a".repeat(21)}`,
      sessionIdFromToken(valid), // the stored hash is not a token
    ];
    for (const token of malformed) {
      await expect(validateSessionToken(token, { db: noDb }), JSON.stringify(token)).resolves.toBeNull();
    }
    // The guard is real: a well-formed token does reach the database.
    await expect(validateSessionToken(valid, { db: noDb })).rejects.toThrow("the database was used");
  });

  test("does not accept the stored hash in place of the token", async () => {
    // Someone who reads the database cannot sign in with what is in it.
    const user = await makeResearcher();
    const { id } = await makeSession(user.id);
    expect(await validateSessionToken(id, { now: T0 })).toBeNull();
    expect(await prisma.session.findUnique({ where: { id } })).not.toBeNull();
  });

  test("reflects the user's current role, not the role at sign-in", async () => {
    const user = await makeResearcher();
    const { token } = await makeSession(user.id);
    await prisma.user.update({ where: { id: user.id }, data: { role: "curator" } });
    expect((await validateSessionToken(token, { now: T0 }))?.user.role).toBe("curator");
  });
});

describe("invalidation", () => {
  test("invalidateSession removes that one session only", async () => {
    const [alice, bob] = [await makeResearcher(), await makeResearcher()];
    const a1 = await makeSession(alice.id);
    const a2 = await makeSession(alice.id);
    const b1 = await makeSession(bob.id);
    await invalidateSession(a1.id);
    expect(await validateSessionToken(a1.token, { now: T0 })).toBeNull();
    expect(await sessionIdsOf(alice.id)).toEqual([a2.id]);
    expect(await sessionIdsOf(bob.id)).toEqual([b1.id]);
    expect((await validateSessionToken(a2.token, { now: T0 }))?.user.id).toBe(alice.id);
  });

  test("invalidateSession of an unknown or already removed session is a no-op", async () => {
    const user = await makeResearcher();
    const { id } = await makeSession(user.id);
    await invalidateSession(id);
    await expect(invalidateSession(id)).resolves.toBeUndefined();
    await expect(invalidateSession("0".repeat(64))).resolves.toBeUndefined();
  });

  test("invalidateUserSessions signs the user out everywhere, and no one else", async () => {
    const [alice, bob] = [await makeResearcher(), await makeResearcher()];
    const aliceSessions = [await makeSession(alice.id), await makeSession(alice.id), await makeSession(alice.id)];
    const b1 = await makeSession(bob.id);
    await invalidateUserSessions(alice.id);
    expect(await sessionIdsOf(alice.id)).toEqual([]);
    for (const { token } of aliceSessions) expect(await validateSessionToken(token, { now: T0 })).toBeNull();
    expect(await sessionIdsOf(bob.id)).toEqual([b1.id]);
  });

  test("invalidateUserSessions can keep one session (the browser that asked)", async () => {
    const [alice, bob] = [await makeResearcher(), await makeResearcher()];
    const keep = await makeSession(alice.id);
    await makeSession(alice.id);
    await makeSession(alice.id);
    const b1 = await makeSession(bob.id);
    await invalidateUserSessions(alice.id, { except: keep.id });
    expect(await sessionIdsOf(alice.id)).toEqual([keep.id]);
    expect(await sessionIdsOf(bob.id)).toEqual([b1.id]);
  });

  test("invalidateUserSessions with another user's session as `except` keeps none of this user's", async () => {
    const [alice, bob] = [await makeResearcher(), await makeResearcher()];
    await makeSession(alice.id);
    const b1 = await makeSession(bob.id);
    await invalidateUserSessions(alice.id, { except: b1.id });
    expect(await sessionIdsOf(alice.id)).toEqual([]);
    expect(await sessionIdsOf(bob.id)).toEqual([b1.id]);
  });

  test("works inside a transaction, and a failed transaction keeps the sessions", async () => {
    const user = await makeResearcher();
    const s1 = await makeSession(user.id);
    await expect(
      prisma.$transaction(async (tx) => {
        await invalidateUserSessions(user.id, { db: tx });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await sessionIdsOf(user.id)).toEqual([s1.id]);
  });

  test("deleting a user deletes their sessions (ON DELETE CASCADE)", async () => {
    const [alice, bob] = [await makeResearcher(), await makeResearcher()];
    const a1 = await makeSession(alice.id);
    await makeSession(alice.id);
    const b1 = await makeSession(bob.id);
    await prisma.user.delete({ where: { id: alice.id } });
    expect(await prisma.session.count({ where: { userId: alice.id } })).toBe(0);
    expect(await validateSessionToken(a1.token, { now: T0 })).toBeNull();
    expect(await sessionIdsOf(bob.id)).toEqual([b1.id]);
  });

  test("changing the password signs out every other session, in the same step", async () => {
    const user = await makeResearcher("old password 123");
    const current = await makeSession(user.id);
    await makeSession(user.id);
    await makeSession(user.id);

    // A wrong current password changes nothing.
    expect(await changePassword(user.id, "wrong", "new password 456", current.id)).toBe(false);
    expect(await sessionIdsOf(user.id)).toHaveLength(3);

    expect(await changePassword(user.id, "old password 123", "new password 456", current.id)).toBe(true);
    expect(await sessionIdsOf(user.id)).toEqual([current.id]);
    expect(await verifyLogin(user.email, "new password 456")).toEqual({ id: user.id, confirmed: true });
    expect(await verifyLogin(user.email, "old password 123")).toBeNull();
  });
});

describe("stored passwords", () => {
  test("are argon2id hashes at the recommended cost, never the password", async () => {
    const user = await createUser({
      email: `hash-${Math.random().toString(36).slice(2, 8)}@example.com`,
      name: "Hash Check",
      password: "Mật khẩu rất dài 2026",
      accountType: "business",
      locale: "vi",
    });
    const { passwordHash } = await prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true },
    });
    expect(passwordHash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    expect(passwordHash).not.toContain("Mật khẩu");
    expect(await verifyPassword(passwordHash, "Mật khẩu rất dài 2026")).toBe(true);
    expect(await verifyLogin(user.email, "Mật khẩu rất dài 2026")).toEqual({ id: user.id, confirmed: true });
    expect(await verifyLogin(user.email, "mat khau rat dai 2026")).toBeNull();
  });

  test("a corrupt stored hash refuses sign-in instead of failing", async () => {
    const user = await makeResearcher();
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash: "corrupt" } });
    expect(await verifyLogin(user.email, "a long enough password")).toBeNull();
  });
});

describe("session cookies", () => {
  test("carry the token with HttpOnly, SameSite=Lax, Path=/ and the session's expiry", () => {
    const expires = at(30 * DAY);
    const cookie = sessionCookie("tok", expires, true);
    const parts = cookie.split("; ");
    expect(parts[0]).toBe(`${SESSION_COOKIE}=tok`);
    expect(parts).toEqual(
      expect.arrayContaining(["Path=/", "HttpOnly", "SameSite=Lax", "Secure", `Expires=${expires.toUTCString()}`]),
    );
    expect(sessionCookie("tok", expires, false).split("; ")).not.toContain("Secure");
  });

  test("are deleted with an empty value and Max-Age=0, with the same path and flags", () => {
    const parts = deletedSessionCookie(true).split("; ");
    expect(parts[0]).toBe(`${SESSION_COOKIE}=`);
    expect(parts).toEqual(expect.arrayContaining(["Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0", "Secure"]));
    expect(deletedSessionCookie(false).split("; ")).not.toContain("Secure");
  });

  test("are read from a Cookie header among other cookies", () => {
    expect(readSessionToken(`lang=vi; ${SESSION_COOKIE}=abc; theme=dark`)).toBe("abc");
    expect(readSessionToken(`${SESSION_COOKIE}=abc`)).toBe("abc");
    expect(readSessionToken(`x${SESSION_COOKIE}=abc; ${SESSION_COOKIE}_old=def`)).toBeNull();
    expect(readSessionToken(`${SESSION_COOKIE}=`)).toBeNull();
    expect(readSessionToken("lang=vi")).toBeNull();
    expect(readSessionToken("")).toBeNull();
    expect(readSessionToken(null)).toBeNull();
    expect(readSessionToken(undefined)).toBeNull();
    // The first one wins (the most specific path, as browsers send them).
    expect(readSessionToken(`${SESSION_COOKIE}=first; ${SESSION_COOKIE}=second`)).toBe("first");
  });

  test("round-trip: the cookie a browser sends back yields the token", () => {
    const token = generateSessionToken();
    const [pair] = sessionCookie(token, at(DAY), false).split("; ");
    expect(readSessionToken(`other=1; ${pair}`)).toBe(token);
  });
});

describe("session middleware", () => {
  /** A tiny app with the portal's session middleware, answering with what it found. */
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    const app = express();
    app.use(sessionMiddleware());
    app.get("/", (_req, res) => {
      res.json({ auth: res.locals.auth ?? null });
    });
    server = await new Promise<http.Server>((resolve) => {
      const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  type Auth = { session: { id: string; expiresAt: string }; user: { id: string }; renewed: boolean } | null;
  function get(headers: Record<string, string>): Promise<{ auth: Auth; setCookie: string[] }> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        { host: "127.0.0.1", port, path: "/", headers: { host: `localhost:${port}`, ...headers } },
        (response) => {
          let body = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (body += chunk));
          response.on("end", () => {
            try {
              resolve({
                auth: (JSON.parse(body) as { auth: Auth }).auth,
                setCookie: response.headers["set-cookie"] ?? [],
              });
            } catch (error) {
              reject(new Error(`${response.statusCode}: ${body}`, { cause: error }));
            }
          });
        },
      );
      request.on("error", reject);
      request.end();
    });
  }
  const cookieFor = (token: string) => ({ cookie: `lang=vi; ${SESSION_COOKIE}=${token}` });

  test("without a cookie: no user and no Set-Cookie", async () => {
    expect(await get({})).toEqual({ auth: null, setCookie: [] });
  });

  test("with a fresh session: the user, and the cookie left alone", async () => {
    const user = await makeResearcher();
    const { token, id } = await makeSession(user.id, new Date());
    const { auth, setCookie } = await get(cookieFor(token));
    expect(auth?.user.id).toBe(user.id);
    expect(auth?.session.id).toBe(id);
    expect(auth?.renewed).toBe(false);
    expect(setCookie).toEqual([]);
  });

  test("with a session in its second half: renewed, and the cookie's expiry moved with it", async () => {
    const user = await makeResearcher();
    const { token, id } = await makeSession(user.id, new Date(Date.now() - 20 * DAY)); // 10 days left
    const before = Date.now();
    const { auth, setCookie } = await get(cookieFor(token));
    expect(auth?.renewed).toBe(true);
    const stored = (await prisma.session.findUniqueOrThrow({ where: { id } })).expiresAt;
    expect(stored.getTime()).toBeGreaterThanOrEqual(before + 30 * DAY);
    expect(setCookie).toHaveLength(1);
    expect(setCookie[0]).toBe(sessionCookie(token, stored, true)); // localhost: Secure
  });

  test("with an expired session: no user, the row deleted and the cookie removed", async () => {
    const user = await makeResearcher();
    const { token, id } = await makeSession(user.id, new Date(Date.now() - 31 * DAY));
    const { auth, setCookie } = await get(cookieFor(token));
    expect(auth).toBeNull();
    expect(setCookie).toEqual([deletedSessionCookie(true)]);
    expect(await prisma.session.findUnique({ where: { id } })).toBeNull();
  });

  test("with a signed-out or garbage token: no user and the cookie removed", async () => {
    const user = await makeResearcher();
    const { token, id } = await makeSession(user.id, new Date());
    await invalidateSession(id);
    for (const sent of [token, "garbage", "' OR 1=1 --"]) {
      const { auth, setCookie } = await get(cookieFor(sent));
      expect(auth, sent).toBeNull();
      expect(setCookie, sent).toEqual([deletedSessionCookie(true)]);
    }
  });

  test("marks cookies Secure on loopback hosts and not on a plain-http host name", async () => {
    const user = await makeResearcher();
    const old = () => makeSession(user.id, new Date(Date.now() - 20 * DAY));
    const onLoopback = await get({ ...cookieFor((await old()).token), host: `127.0.0.1:${port}` });
    expect(onLoopback.setCookie[0]).toMatch(/; Secure$/);
    const onLan = await get({ ...cookieFor((await old()).token), host: `portal.lan:${port}` });
    expect(onLan.auth?.renewed).toBe(true);
    expect(onLan.setCookie[0]).not.toContain("Secure");
  });
});

describe("sign-in rate limits (app/routes/login.tsx)", () => {
  const PASSWORD = "the right password 1";
  let user: Awaited<ReturnType<typeof makeResearcher>>;

  beforeAll(async () => {
    user = await makeResearcher(PASSWORD);
  });
  beforeEach(() => {
    resetAllRateLimits();
    vi.stubEnv("RATE_LIMIT_FACTOR", undefined); // the limits as written
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    resetAllRateLimits();
  });

  /** Posts the sign-in form to the route's action, as Remix would. */
  async function signIn(email: string, password: string, address: string) {
    const request = new Request("http://localhost:3000/login", {
      method: "POST",
      body: new URLSearchParams({ email, password }),
    });
    try {
      const result = await loginAction({ request, context: { auth: null, clientAddress: address }, params: {} });
      // A redirect is a Response; a form reply is Remix's data(…) with its status in `init`.
      if ("init" in result) return { status: result.init?.status ?? 200, headers: new Headers(result.init?.headers) };
      return { status: result.status, headers: result.headers };
    } catch (thrown) {
      if (thrown instanceof Response) return { status: thrown.status, headers: thrown.headers };
      throw thrown;
    }
  }

  test("a right password signs in and sets a cookie whose session validates", async () => {
    const reply = await signIn(user.email, PASSWORD, "198.51.100.1");
    expect(reply.status).toBe(302);
    expect(reply.headers.get("location")).toBe("/account");
    const token = readSessionToken(reply.headers.get("set-cookie"));
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect((await validateSessionToken(token ?? ""))?.user.id).toBe(user.id);
  });

  test("after 10 tries on one account from one address, even the right password waits there", async () => {
    const from = "203.0.113.10";
    for (let i = 0; i < LIMITS.signInPerAccount.max; i += 1) {
      expect((await signIn(user.email, `wrong ${i}`, from)).status).toBe(400);
    }
    const refused = await signIn(user.email, PASSWORD, from);
    expect(refused.status).toBe(429);
    // Seconds left in the window that opened with the first try (a second or two ago).
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(15 * 60 - 30);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(refused.headers.get("set-cookie")).toBeNull();
    // The e-mail is lower-cased before counting: another spelling is the same account.
    expect((await signIn(user.email.toUpperCase(), PASSWORD, from)).status).toBe(429);
  });

  test("wrong passwords from one address do not lock the owner out: from another address they sign in", async () => {
    const attacker = "203.0.113.66";
    for (let i = 0; i < LIMITS.signInPerAccount.max + 5; i += 1) await signIn(user.email, `guess ${i}`, attacker);
    expect((await signIn(user.email, PASSWORD, attacker)).status).toBe(429);
    expect((await signIn(user.email, PASSWORD, "198.51.100.77")).status).toBe(302);
  });

  test("the per-account limit does not lock out other accounts", async () => {
    const other = await makeResearcher(PASSWORD);
    for (let i = 0; i < LIMITS.signInPerAccount.max + 1; i += 1) await signIn(user.email, "wrong", "203.0.113.5");
    expect((await signIn(other.email, PASSWORD, "203.0.113.5")).status).toBe(302);
  });

  test("a successful sign-in clears the account's failures from that address", async () => {
    const from = "192.0.2.1";
    for (let i = 0; i < LIMITS.signInPerAccount.max - 1; i += 1) await signIn(user.email, "wrong", from);
    expect((await signIn(user.email, PASSWORD, from)).status).toBe(302);
    // A full allowance again: 10 more failures before the limit bites.
    for (let i = 0; i < LIMITS.signInPerAccount.max; i += 1) {
      expect((await signIn(user.email, "wrong", from)).status).toBe(400);
    }
    expect((await signIn(user.email, "wrong", from)).status).toBe(429);
  });

  test("after 30 tries from one address, that address waits whatever the account", async () => {
    const address = "203.0.113.99";
    // Many accounts, few tries each: only the per-address limit can stop this.
    for (let i = 0; i < LIMITS.signInPerAddress.max; i += 1) {
      expect((await signIn(`nobody-${i}@example.com`, "guess", address)).status).toBe(400);
    }
    expect((await signIn(user.email, PASSWORD, address)).status).toBe(429);
    // Another address is not affected.
    expect((await signIn(user.email, PASSWORD, "203.0.113.100")).status).toBe(302);
  });

  test("unknown e-mails and wrong passwords get the same answer", async () => {
    const unknown = await signIn("no-account@example.com", PASSWORD, "198.51.100.50");
    const wrong = await signIn(user.email, "wrong password", "198.51.100.51");
    expect(unknown.status).toBe(400);
    expect(wrong.status).toBe(400);
  });
});

describe("reset links end with a password change or signing out everywhere (app/routes/account.tsx)", () => {
  const PASSWORD = "the right password 2";
  beforeEach(() => resetAllRateLimits());

  /** A reset link as the mail would carry it: its token, stored hashed and valid for an hour. */
  async function mailedResetLink(userId: string) {
    const token = crypto.randomBytes(24).toString("base64url");
    await prisma.passwordResetToken.create({
      data: { id: sessionIdFromToken(token), userId, expiresAt: new Date(Date.now() + 3600_000) },
    });
    expect(await findValidResetToken(token)).not.toBeNull();
    return token;
  }

  async function accountAction(userId: string, form: Record<string, string>) {
    const { token, id } = await makeSession(userId, new Date());
    const auth = await validateSessionToken(token);
    expect(auth?.session.id).toBe(id);
    const request = new Request("http://localhost:3000/account", { method: "POST", body: new URLSearchParams(form) });
    try {
      const result = await accountRouteAction({
        request,
        context: { auth, clientAddress: "198.51.100.9" },
        params: {},
      });
      return "init" in result ? (result.init?.status ?? 200) : result.status;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown.status;
      throw thrown;
    }
  }

  test("changing the password deletes the reset links mailed before", async () => {
    const user = await makeResearcher(PASSWORD);
    const link = await mailedResetLink(user.id);
    const next = "a newer long password";
    const status = await accountAction(user.id, {
      intent: "change-password",
      currentPassword: PASSWORD,
      password: next,
      confirmPassword: next,
    });
    expect(status).toBe(200);
    expect(await findValidResetToken(link)).toBeNull();
    expect(await prisma.passwordResetToken.count({ where: { userId: user.id } })).toBe(0);
  });

  test("signing out everywhere, or everywhere else, deletes them too", async () => {
    const user = await makeResearcher(PASSWORD);
    const first = await mailedResetLink(user.id);
    expect(await accountAction(user.id, { intent: "sign-out-everywhere" })).toBe(302);
    expect(await findValidResetToken(first)).toBeNull();
    const second = await mailedResetLink(user.id);
    expect(await accountAction(user.id, { intent: "sign-out-others" })).toBe(200);
    expect(await findValidResetToken(second)).toBeNull();
  });

  test("a wrong current password leaves them alone, and so does another account's sign-out", async () => {
    const user = await makeResearcher(PASSWORD);
    const other = await makeResearcher(PASSWORD);
    const link = await mailedResetLink(user.id);
    expect(
      await accountAction(user.id, {
        intent: "change-password",
        currentPassword: "wrong",
        password: "x".repeat(12),
        confirmPassword: "x".repeat(12),
      }),
    ).toBe(400);
    expect(await accountAction(other.id, { intent: "sign-out-everywhere" })).toBe(302);
    expect(await findValidResetToken(link)).not.toBeNull();
  });
});
