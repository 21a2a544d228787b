import { createCookie } from "@remix-run/node";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "~/i18n/i18n";
import { isSecureRequest } from "./request.server";

/** The chosen interface language, remembered for a year. */
const languageCookie = createCookie("lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });

/**
 * The page's language: `?lang=` when the link names one (a shared link opens
 * in the language it was shared in), else the cookie, else Vietnamese.
 */
export async function getLanguage(request: Request): Promise<Language> {
  return resolveLanguage(new URL(request.url).searchParams.get("lang"), request.headers.get("Cookie"));
}

/** `getLanguage` from the parts of a request (the HTTP server's middleware has no Fetch request). */
export async function resolveLanguage(fromUrl: unknown, cookieHeader: string | null | undefined): Promise<Language> {
  if (isLanguage(fromUrl)) return fromUrl;
  const value = await languageCookie.parse(cookieHeader ?? null);
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}

export function serializeLanguage(request: Request, lang: Language): Promise<string> {
  return languageCookie.serialize(lang, { secure: isSecureRequest(request) });
}
