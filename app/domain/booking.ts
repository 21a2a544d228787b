/**
 * Equipment bookings (docs/decisions/063): their statuses, the owner's reasons to
 * decline, and the date rules, shared by the form, the model and the pages. Dates are
 * Hanoi calendar days written "YYYY-MM-DD", both ends inclusive; text order is date order.
 */

export const BOOKING_STATUSES = ["requested", "proposed", "accepted", "declined", "cancelled"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** The statuses that hold their dates: no other booking of the instrument may overlap them. */
export const HOLDING_STATUSES = ["requested", "proposed", "accepted"] as const satisfies readonly BookingStatus[];

/** What an instrument's page offers this viewer: a link to sign in, nothing (their own), or the form. */
export type BookingOffer = { mode: "signIn"; offerId: string } | { mode: "own" } | { mode: "form"; formToken: string };

export const BOOKING_DECLINE_REASONS = ["unavailable", "maintenance", "samples", "scope", "other"] as const;
export type BookingDeclineReason = (typeof BOOKING_DECLINE_REASONS)[number];

/** The longest booking, in days (both ends counted), and how far ahead one may start. */
export const MAX_BOOKING_DAYS = 30;
export const MAX_DAYS_AHEAD = 365;

/** Hanoi has kept UTC+7 all year since 1975: no summer time to account for. */
const HANOI_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 86_400_000;

/** Today's date in Hanoi. */
export function hanoiToday(now = new Date()): string {
  return new Date(now.getTime() + HANOI_OFFSET_MS).toISOString().slice(0, 10);
}

/** A real calendar day "YYYY-MM-DD" (31 February is not one). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The day `days` after `day`. */
export function addDays(day: string, days: number): string {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** How many days from `start` to `end`, both counted. */
export function daysIn(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS) + 1;
}

export type DateProblem = "invalid" | "past" | "reversed" | "tooLong" | "tooFar";

/** What is wrong with a range of dates, or null; `field` is the one the message belongs to. */
export function dateRangeProblem(
  start: string,
  end: string,
  today = hanoiToday(),
): { field: "start" | "end"; problem: DateProblem } | null {
  if (!isDay(start)) return { field: "start", problem: "invalid" };
  if (!isDay(end)) return { field: "end", problem: "invalid" };
  if (start < today) return { field: "start", problem: "past" };
  if (end < start) return { field: "end", problem: "reversed" };
  if (daysIn(start, end) > MAX_BOOKING_DAYS) return { field: "end", problem: "tooLong" };
  if (start > addDays(today, MAX_DAYS_AHEAD)) return { field: "start", problem: "tooFar" };
  return null;
}

/** A calendar month "YYYY-MM": its first and last days, and the months around it. */
export function monthBounds(month: string) {
  const first = `${month}-01`;
  const next = new Date(`${first}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  const nextFirst = next.toISOString().slice(0, 10);
  const previous = new Date(`${first}T00:00:00Z`);
  previous.setUTCMonth(previous.getUTCMonth() - 1);
  return {
    first,
    last: addDays(nextFirst, -1),
    next: nextFirst.slice(0, 7),
    previous: previous.toISOString().slice(0, 7),
  };
}

/** A month asked for in a URL, or this month when it is missing or not a month. */
export function calendarMonth(value: string | null, today = hanoiToday()): string {
  return value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : today.slice(0, 7);
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A day as people write it: 05/12/2026 in Vietnamese, 5 Dec 2026 in English. */
export function formatDay(lang: "vi" | "en", day: string): string {
  const [year, month, date] = day.split("-");
  return lang === "vi" ? `${date}/${month}/${year}` : `${Number(date)} ${MONTHS_EN[Number(month) - 1]} ${year}`;
}

/** A range of days; one day alone when it starts and ends the same day. */
export function formatDays(lang: "vi" | "en", start: string, end: string): string {
  return start === end ? formatDay(lang, start) : `${formatDay(lang, start)} – ${formatDay(lang, end)}`;
}
