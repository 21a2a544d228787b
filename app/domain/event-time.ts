/**
 * An event's times as people read them (docs/decisions/077): always Hanoi wall-clock time
 * (Asia/Ho_Chi_Minh, UTC+7 all year, no daylight saving), whatever the server's or the
 * browser's zone. Computed by arithmetic on the UTC instant, so no time-zone data is needed.
 *
 *   vi: "Thứ Bảy, 12/12/2026, 08:30–11:30 (giờ Hà Nội)"
 *   en: "Saturday, 12/12/2026, 08:30–11:30 (Hanoi time)"
 */
const HANOI_OFFSET_MS = 7 * 60 * 60 * 1000;

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

/**
 * The UTC instant of a Hanoi wall-clock time ("2026-12-12", "08:30"): for tests and forms
 * that take times as people enter them. Null when either part is malformed.
 */
export function hanoiInstant(day: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const utc = Date.parse(`${day}T${time}:00Z`);
  return Number.isNaN(utc) ? null : new Date(utc - HANOI_OFFSET_MS);
}
