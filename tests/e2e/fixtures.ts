import type { BrowserContext } from "playwright-core";
import { expect, inject } from "vitest";
import { readMailbox } from "../mailbox";
import { createSession, generateSessionToken, SESSION_COOKIE } from "~/auth/session.server";
import { httpClient } from "./http-client";
import { portalDb } from "./portal-db";

export { portalDb };

/** A session for the user, as a cookie header value and, optionally, in a browser context. */
export async function signInAs(userId: string, context?: BrowserContext) {
  const token = generateSessionToken();
  await createSession(token, userId, { db: portalDb() });
  if (context) {
    await context.addCookies([
      { name: SESSION_COOKIE, value: token, url: inject("baseURL"), httpOnly: true, sameSite: "Lax" },
    ]);
  }
  return `${SESSION_COOKIE}=${token}`;
}

/** The newest confirmation link mailed to `email` (waits for the sign-up job and its mail), as a path. */
export async function mailedConfirmationPath(email: string, options: { count?: number } = {}): Promise<string> {
  const links = async () =>
    (await readMailbox(inject("mailbox")))
      .filter((mail) => mail.to === email)
      .flatMap((mail) => mail.text.match(/https?:\/\/\S+\/confirm\?token=[\w-]+/g) ?? []);
  await expect.poll(async () => (await links()).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(options.count ?? 1);
  const url = new URL((await links()).at(-1)!);
  return `${url.pathname}${url.search}`;
}

/**
 * Confirms a sign-up as its owner would: opens the mailed link and presses the
 * button. Returns the answer, its redirect and the session cookie it set.
 */
export async function confirmThroughMailbox(email: string, path?: string) {
  const link = path ?? (await mailedConfirmationPath(email));
  const token = new URL(link, "http://x").searchParams.get("token")!;
  const response = await httpClient().post("/confirm", { intent: "confirm", token });
  await response.arrayBuffer();
  const cookie = response.headers.get("set-cookie")?.split(";")[0] ?? null;
  return { status: response.status, location: response.headers.get("location"), cookie };
}
