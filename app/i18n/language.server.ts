import { createCookie } from "@remix-run/node";
import Negotiator from "negotiator";
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from "~/i18n/i18n";
import { isSecureRequest } from "~/utils/http-request.server";

/** The chosen interface language, remembered for a year. */
const languageCookie = createCookie("lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });

/**
 * The page's language: `?lang=` when the link names one (a shared link opens
 * in the language it was shared in), else the cookie (the reader's choice),
 * else the browser's preference (Accept-Language), else Vietnamese.
 */
export async function getLanguage(request: Request): Promise<Language> {
  const { headers } = request;
  return resolveLanguage(
    new URL(request.url).searchParams.get("lang"),
    headers.get("Cookie"),
    headers.get("Accept-Language"),
  );
}

/** `getLanguage` from the parts of a request (the HTTP server's middleware has no Fetch request). */
export async function resolveLanguage(
  fromUrl: unknown,
  cookieHeader: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Promise<Language> {
  if (isLanguage(fromUrl)) return fromUrl;
  const chosen = await chosenLanguage(cookieHeader);
  return chosen ?? browserLanguage(acceptLanguage);
}

/** The language the reader chose (the cookie), if any. */
export async function chosenLanguage(cookieHeader: string | null | undefined): Promise<Language | null> {
  const value = await languageCookie.parse(cookieHeader ?? null);
  return isLanguage(value) ? value : null;
}

/** The browser's preferred language among ours; Vietnamese when it names neither. */
export function browserLanguage(acceptLanguage: string | null | undefined): Language {
  if (!acceptLanguage) return DEFAULT_LANGUAGE;
  const best = new Negotiator({ headers: { "accept-language": acceptLanguage } }).language([...LANGUAGES]);
  return isLanguage(best) ? best : DEFAULT_LANGUAGE;
}

export function serializeLanguage(request: Request, lang: Language): Promise<string> {
  return languageCookie.serialize(lang, { secure: isSecureRequest(request) });
}

/** The cookie header for `lang`, from the parts of a request (for the HTTP server's middleware). */
export function languageCookieHeader(lang: Language, secure: boolean): Promise<string> {
  return languageCookie.serialize(lang, { secure });
}
