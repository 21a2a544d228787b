import type { NextFunction, Request, Response } from "express";
import { deletedSessionCookie, readSessionToken, sessionCookie, validateSessionToken } from "~/auth/session.server";

/**
 * Validates the session cookie once per request, for every route to read from
 * the load context, and keeps the cookie's expiry in step with the session's
 * sliding expiry (or deletes a cookie whose session is gone).
 */
export function sessionMiddleware() {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = readSessionToken(req.headers.cookie);
    res.locals.auth = null;
    if (!token) return next();
    try {
      const result = await validateSessionToken(token);
      const secure = req.secure || ["localhost", "127.0.0.1", "[::1]"].includes(req.hostname);
      if (!result) res.append("Set-Cookie", deletedSessionCookie(secure));
      else if (result.renewed) res.append("Set-Cookie", sessionCookie(token, result.session.expiresAt, secure));
      res.locals.auth = result;
      next();
    } catch (error) {
      next(error);
    }
  };
}
