import { describe, expect, test } from "vitest";
import { SESSION_COOKIE } from "~/auth/session.server";
import { baseURL, clientAddress } from "./browser";
import { makeUser, PASSWORD } from "../factories";
import { portalDb, signInAs } from "./fixtures";
import { httpClient } from "./http-client";

/**
 * Every action that checks a password is limited like sign-in, repeated wrong
 * current passwords end the session, and a burst of password checks waits for
 * a few slots instead of starving the rest of the portal.
 */
const NEW_PASSWORD = "a brand new long passphrase";

function changePassword(cookie: string, currentPassword: string) {
  return httpClient({ cookie }).post("/account", {
    intent: "change-password",
    currentPassword,
    password: NEW_PASSWORD,
    confirmPassword: NEW_PASSWORD,
  });
}

describe("changing the password", () => {
  test("the 5th wrong current password in 15 minutes ends the session (429); past 10 checks even the right one waits", async () => {
    const user = await makeUser();
    const cookie = await signInAs(user.id);
    for (let i = 0; i < 4; i += 1) {
      const answer = await changePassword(cookie, `wrong guess ${i}`);
      await answer.arrayBuffer();
      expect(answer.status).toBe(400);
    }
    const fifth = await changePassword(cookie, "wrong guess 4");
    await fifth.arrayBuffer();
    expect(fifth.status).toBe(429);
    expect(Number(fifth.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(fifth.headers.get("set-cookie")).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`));
    // The session is gone: its cookie no longer opens the account.
    expect(await portalDb().session.count({ where: { userId: user.id } })).toBe(0);
    const after = await httpClient({ cookie }).get("/account");
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/login/);

    // Signed in again: the next wrong password ends that session too.
    const again = await signInAs(user.id);
    expect((await changePassword(again, "wrong guess 5")).status).toBe(429);
    expect(await portalDb().session.count({ where: { userId: user.id } })).toBe(0);
    // Checks 7 to 10 of the window; then the 11th is refused before any check, right password or not.
    for (let i = 6; i < 10; i += 1)
      await (await changePassword(await signInAs(user.id), `wrong guess ${i}`)).arrayBuffer();
    const last = await signInAs(user.id);
    const refused = await changePassword(last, PASSWORD);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("Quá nhiều lần thử");
    const stored = await portalDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(stored.passwordHash).toBe(user.passwordHash);
  });
});

describe("a burst of password checks", () => {
  test("/healthz is answered while the burst is still running", async () => {
    const BURST = 40;
    const events: string[] = [];
    let firstDone: () => void = () => {};
    const started = new Promise<void>((resolve) => (firstDone = resolve));
    // Wrong sign-ins for unknown e-mails, each from its own address (no limit stops them): each costs a full argon2 check.
    const checks = Array.from({ length: BURST }, async (_, i) => {
      const response = await fetch(`${baseURL()}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "X-Forwarded-For": clientAddress(), Origin: new URL(baseURL()).origin },
        body: new URLSearchParams({ email: `burst-${i}-${Date.now()}@example.vn`, password: "not the password" }),
      });
      await response.arrayBuffer();
      expect(response.status).toBe(400);
      events.push("check");
      firstDone();
    });
    await started;
    const health = await fetch(`${baseURL()}/healthz`);
    events.push("healthz");
    expect(health.status).toBe(200);
    await Promise.all(checks);
    // The checks wait for their slots; the health check did not wait behind them.
    const answeredAfter = events.indexOf("healthz");
    expect(answeredAfter).toBeLessThan(BURST / 2);
  }, 120_000);
});
