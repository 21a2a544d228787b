import { redirect, type AppLoadContext } from "@remix-run/node";
import { markPersonal } from "~/utils/answer-sharing";
import { hasPermission, type Permission, type Role } from "./permissions";
import { isSecureRequest } from "~/utils/http-request.server";
import {
  createSession,
  deletedSessionCookie,
  generateSessionToken,
  invalidateSession,
  sessionCookie,
  type SessionUser,
} from "./session.server";

/**
 * The Epic Stack's helper API over Lucia-style sessions. Every loader and
 * action that needs a user calls one of these; none trusts the page.
 */
type Args = { request: Request; context: AppLoadContext };

export function getUser({ context }: Args): SessionUser | null {
  // An answer that depends on who asks is never sent to anyone else (app/utils/answer-sharing.ts).
  markPersonal(context);
  return context.auth?.user ?? null;
}

/** The signed-in user; a page request goes to sign-in first, anything else gets 401. */
export function requireUser(args: Args): SessionUser {
  const user = getUser(args);
  if (user) return user;
  const url = new URL(args.request.url);
  if (args.request.method === "GET") {
    throw redirect(`/login?redirectTo=${encodeURIComponent(`${url.pathname}${url.search}`)}`);
  }
  throw new Response("Sign in first.", { status: 401 });
}

export function requireUserId(args: Args): string {
  return requireUser(args).id;
}

/** For sign-in and sign-up pages: a signed-in user goes home. */
export function requireAnonymous(args: Args) {
  if (getUser(args)) throw redirect("/");
}

export function requireUserWithRole(args: Args, roles: readonly Role[]): SessionUser {
  const user = requireUser(args);
  if (!(roles as readonly string[]).includes(user.role)) throw forbidden();
  return user;
}

export function requirePermission(args: Args, permission: Permission): SessionUser {
  const user = requireUser(args);
  if (!hasPermission(user, permission)) throw forbidden();
  return user;
}

export function forbidden(message = "You are not allowed to do this.") {
  return new Response(message, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** Starts a session and returns its Set-Cookie header. */
export async function signIn(request: Request, userId: string): Promise<string> {
  const token = generateSessionToken();
  const session = await createSession(token, userId, { userAgent: request.headers.get("user-agent") });
  return sessionCookie(token, session.expiresAt, isSecureRequest(request));
}

/** Ends this browser's session and returns the Set-Cookie header that removes it. */
export async function signOut(args: Args): Promise<string> {
  const sessionId = args.context.auth?.session.id;
  if (sessionId) await invalidateSession(sessionId);
  return deletedSessionCookie(isSecureRequest(args.request));
}

export function clientAddress({ context, request }: Args): string {
  return context.clientAddress ?? request.headers.get("x-forwarded-for") ?? "unknown";
}
