import { useRouteLoaderData } from "@remix-run/react";
import { en, vi, type MessageKey } from "./messages";

export const LANGUAGES = ["vi", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "vi";

export function isLanguage(value: unknown): value is Language {
  return value === "vi" || value === "en";
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: Language): Translate {
  const messages = lang === "en" ? en : vi;
  return (key, params = {}) => {
    const message = messages[key];
    // An unknown key (a library's own message reaching a page) shows as itself, never as a crash.
    if (message === undefined) return String(key);
    if (typeof message === "function") return message(params);
    return message.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  };
}

/** The page's language, from the root loader. */
export function useLanguage(): Language {
  const data = useRouteLoaderData<{ lang?: Language }>("root");
  return isLanguage(data?.lang) ? data.lang : DEFAULT_LANGUAGE;
}

export function useT(): Translate {
  return translator(useLanguage());
}

/** The text in the page's language, else in the other one. */
export function pick(lang: Language, vi: string | null | undefined, en: string | null | undefined): string {
  return (lang === "vi" ? (vi ?? en) : (en ?? vi)) ?? "";
}

export function formatNumber(lang: Language, value: number): string {
  return new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB").format(value);
}

/** A date with its time of day, in Hanoi time (messages, bookings). */
export function formatDateTime(lang: Language, value: Date | string): string {
  return new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(new Date(value));
}

export function formatDate(lang: Language, value: Date | string): string {
  return new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB", {
    dateStyle: "long",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(new Date(value));
}
