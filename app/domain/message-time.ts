/**
 * A thread's times (docs/decisions/070): each message's hour and minute, and a day
 * heading where the day changes, both in Hanoi time whatever the server's or the
 * browser's time zone. "Today" and "yesterday" are told from `now`, which the server
 * sends with the page, so the server's and the browser's renderings agree.
 */
const ZONE = "Asia/Ho_Chi_Minh";

const locale = (lang: "vi" | "en") => (lang === "vi" ? "vi-VN" : "en-GB");

/** The Hanoi calendar day of a moment, as YYYY-MM-DD. */
export function hanoiDay(value: Date | string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(value),
  );
}

/** "14:05" in Hanoi time. */
export function hanoiTime(value: Date | string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", minute: "2-digit", hour12: false }).format(
    new Date(value),
  );
}

/** Days between two YYYY-MM-DD days. */
function daysBetween(later: string, earlier: string): number {
  return Math.round((Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / 86_400_000);
}

/** The day heading: "today", "yesterday" (as the caller words them), else the date. */
export function dayHeading(
  lang: "vi" | "en",
  value: Date | string,
  now: Date | string,
  words: { today: string; yesterday: string },
): string {
  const apart = daysBetween(hanoiDay(now), hanoiDay(value));
  if (apart === 0) return words.today;
  if (apart === 1) return words.yesterday;
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: ZONE,
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(hanoiDay(now).slice(0, 4) === hanoiDay(value).slice(0, 4) ? {} : { year: "numeric" }),
  }).format(new Date(value));
}
