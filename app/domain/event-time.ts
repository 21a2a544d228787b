/**
 * An event's times (docs/decisions/072): entered in the form's datetime-local
 * inputs and shown on every page in Hanoi time (Asia/Ho_Chi_Minh, UTC+7 all
 * year, no daylight saving), whatever the server's or the browser's zone.
 */
const ZONE = "Asia/Ho_Chi_Minh";
const HANOI_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The longest an event may run: a festival week plus a margin, not a season. */
export const MAX_EVENT_DAYS = 31;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2027-03-15T09:00" read as Hanoi wall-clock time; null when it is no such moment. */
export function parseHanoiLocal(value: string): Date | null {
  const match = LOCAL.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 2000 || year > 2100 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  // 31 February rolls over into March: not a day anyone meant.
  if (new Date(utc).getUTCDate() !== day) return null;
  return new Date(utc - HANOI_OFFSET_MS);
}

/** A moment as the datetime-local input's value in Hanoi time: "2027-03-15T09:00". */
export function toHanoiLocal(value: Date | string): string {
  return new Date(new Date(value).getTime() + HANOI_OFFSET_MS).toISOString().slice(0, 16);
}

const locale = (lang: "vi" | "en") => (lang === "vi" ? "vi-VN" : "en-GB");

/** "thứ Hai, 15 tháng 3, 2027" in Hanoi. */
export function hanoiDate(lang: "vi" | "en", value: Date | string): string {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: ZONE,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date(value));
}

/** "09:00" in Hanoi. */
export function hanoiClock(value: Date | string): string {
  return toHanoiLocal(value).slice(11, 16);
}

/**
 * When an event runs, in Hanoi time with the day: "thứ Hai, 15 tháng 3, 2027, 09:00–17:00 (giờ Hà Nội)"
 * on one day, both dates when it runs over several.
 */
export function eventWhen(lang: "vi" | "en", startsAt: Date | string, endsAt: Date | string): string {
  const zone = lang === "vi" ? "giờ Hà Nội" : "Hanoi time";
  const sameDay = toHanoiLocal(startsAt).slice(0, 10) === toHanoiLocal(endsAt).slice(0, 10);
  if (sameDay) return `${hanoiDate(lang, startsAt)}, ${hanoiClock(startsAt)}–${hanoiClock(endsAt)} (${zone})`;
  return `${hanoiDate(lang, startsAt)}, ${hanoiClock(startsAt)} – ${hanoiDate(lang, endsAt)}, ${hanoiClock(endsAt)} (${zone})`;
}
