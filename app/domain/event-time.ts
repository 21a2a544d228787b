/**
 * An event's times (docs/decisions/072, 077): entered in the form's datetime-local inputs and
 * shown on every page, mail and calendar in Hanoi wall-clock time (Asia/Ho_Chi_Minh, UTC+7 all
 * year, no daylight saving), whatever the server's or the browser's zone. Computed by arithmetic
 * on the UTC instant, so no time-zone data is needed.
 *
 *   vi: "Thứ Bảy, 12/12/2026, 08:30–11:30 (giờ Hà Nội)"
 *   en: "Saturday, 12/12/2026, 08:30–11:30 (Hanoi time)"
 */
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

/** The instant of a Hanoi day and time ("2026-12-12", "08:30"), as people enter them; null when malformed. */
export function hanoiInstant(day: string, time: string): Date | null {
  return parseHanoiLocal(`${day}T${time}`);
}

/** A moment as the datetime-local input's value in Hanoi time: "2027-03-15T09:00". */
export function toHanoiLocal(value: Date | string): string {
  return new Date(new Date(value).getTime() + HANOI_OFFSET_MS).toISOString().slice(0, 16);
}

const WEEKDAYS = {
  vi: ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
} as const;

const ZONE_NOTE = { vi: "giờ Hà Nội", en: "Hanoi time" } as const;

const pad = (value: number) => String(value).padStart(2, "0");

/** The Hanoi wall clock of an instant: its fields read in UTC. */
function wallClock(value: Date | string) {
  const shifted = new Date(new Date(value).getTime() + HANOI_OFFSET_MS);
  return {
    weekday: shifted.getUTCDay(),
    date: `${pad(shifted.getUTCDate())}/${pad(shifted.getUTCMonth() + 1)}/${shifted.getUTCFullYear()}`,
    time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`,
  };
}

/** "Thứ Bảy, 12/12/2026" */
export function eventDay(lang: "vi" | "en", value: Date | string): string {
  const clock = wallClock(value);
  return `${WEEKDAYS[lang][clock.weekday]}, ${clock.date}`;
}

/** An event's start and end on one line; an event over several days names both days. */
export function eventTimeRange(lang: "vi" | "en", startsAt: Date | string, endsAt: Date | string): string {
  const start = wallClock(startsAt);
  const end = wallClock(endsAt);
  const range =
    start.date === end.date
      ? `${eventDay(lang, startsAt)}, ${start.time}–${end.time}`
      : `${eventDay(lang, startsAt)}, ${start.time} – ${eventDay(lang, endsAt)}, ${end.time}`;
  return `${range} (${ZONE_NOTE[lang]})`;
}
