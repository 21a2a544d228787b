import type { NextFunction, Request, Response } from "express";
import { isLanguage } from "~/i18n/i18n";
import { chosenLanguage, languageCookieHeader } from "~/i18n/language.server";

/**
 * A page opened through a link that names its language (`?lang=en`, e.g. a shared link)
 * makes that language the reader's choice, as the language switch does: the next click,
 * whose address no longer names it, stays in it. The address is read as Remix reads it.
 */
export function stickyLanguage() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" || req.path.startsWith("/api/")) return next();
    const query = req.originalUrl.indexOf("?");
    const lang = query < 0 ? null : new URLSearchParams(req.originalUrl.slice(query + 1)).get("lang");
    if (!isLanguage(lang)) return next();
    chosenLanguage(req.headers.cookie)
      .then(async (chosen) => {
        if (chosen !== lang) res.append("Set-Cookie", await languageCookieHeader(lang, isSecure(req)));
        next();
      })
      .catch(next);
  };
}

/** As `isSecureRequest`: HTTPS, or a loopback host (browsers treat http://localhost as secure). */
function isSecure(req: Request): boolean {
  return req.secure || ["localhost", "127.0.0.1", "::1", "[::1]"].includes(req.hostname);
}
