import crypto from "node:crypto";
import type { BrowserContext } from "playwright-core";
import { afterAll, expect, inject } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { readMailbox } from "../mailbox";
import { createPrismaClient } from "~/db/client.server";
import { hashPassword } from "~/auth/password.server";
import { createSession, generateSessionToken, SESSION_COOKIE } from "~/auth/session.server";
import { httpClient } from "./http-client";

/**
 * Direct access to the running portal's database, to create users and
 * sessions without clicking through sign-up each time (the sign-up journey
 * has its own test), and to look at what a journey left behind.
 */
let client: PrismaClient | null = null;
export function portalDb(): PrismaClient {
  client ??= createPrismaClient(`file:${inject("portalDatabase")}`);
  return client;
}

afterAll(async () => {
  await client?.$disconnect();
  client = null;
});

export const PASSWORD = "correct horse battery staple";

export async function createUser(options: { role?: "member" | "curator" | "admin"; accountType?: "business" | "researcher"; name?: string } = {}) {
  const id = crypto.randomBytes(4).toString("hex");
  return portalDb().user.create({
    data: {
      email: `${options.role ?? "member"}-${id}@example.vn`,
      name: options.name ?? `Test ${options.role ?? "member"} ${id}`,
      passwordHash: await hashPassword(PASSWORD),
      role: options.role ?? "member",
      accountType: options.accountType ?? "business",
    },
  });
}

/** A session for the user, as a cookie header value and, optionally, in a browser context. */
export async function signInAs(userId: string, context?: BrowserContext) {
  const token = generateSessionToken();
  await createSession(token, userId, { db: portalDb() });
  if (context) {
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: inject("baseURL"), httpOnly: true, sameSite: "Lax" }]);
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
