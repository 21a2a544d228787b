/**
 * Meetings at events (docs/decisions/073): the slots an event offers, and how a slot
 * reads, in Hanoi time whatever the server's or the browser's zone. Hanoi has kept
 * UTC+7 all year since 1975, so a fixed offset is exact.
 */
import { formatDay } from "./booking";
import { hanoiDay, hanoiTime } from "./message-time";

export { MEETING_OUTCOMES, MEETING_STATUSES, type MeetingOutcome, type MeetingStatus } from "./meeting-values";

const HANOI_OFFSET_MS = 7 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The most slots an event offers (a week of 08:00–18:00 in 15-minute slots fits). */
export const MAX_SLOTS = 400;
/** How many meeting requests one person may have waiting for an answer at one event. */
export const MAX_OPEN_REQUESTS = 20;

export type Slot = { start: Date; end: Date };

/** Milliseconds since midnight in Hanoi. */
const hanoiClock = (at: Date) => (at.getTime() + HANOI_OFFSET_MS) % DAY_MS;
/** Midnight in Hanoi of the day `at` falls on, as a moment. */
const hanoiMidnight = (at: Date) => at.getTime() - hanoiClock(at);

/**
 * The meeting slots of an event, each `minutes` long, back to back from its start. An
 * event within one Hanoi day is split from its start to its end; an event over several
 * days is split on each day between the first day's starting hour and the last day's
 * ending hour (08:00–17:00 each day of a three-day fair), not through the night. A slot
 * never runs past the end; at most MAX_SLOTS.
 */
export function meetingSlots(event: { startsAt: Date; endsAt: Date; meetingMinutes: number }): Slot[] {
  const length = Math.round(event.meetingMinutes) * MINUTE_MS;
  const start = event.startsAt.getTime();
  const end = event.endsAt.getTime();
  if (!(length > 0) || !(end > start)) return [];
  const firstDay = hanoiMidnight(event.startsAt);
  const lastDay = hanoiMidnight(event.endsAt);
  const opens = hanoiClock(event.startsAt);
  const closes = hanoiClock(event.endsAt);
  // One day, or a night-time span (20:00–02:00): one stretch from start to end.
  const windows: [number, number][] =
    firstDay === lastDay || closes <= opens
      ? [[start, end]]
      : Array.from({ length: Math.round((lastDay - firstDay) / DAY_MS) + 1 }, (_, index) => {
          const midnight = firstDay + index * DAY_MS;
          return [midnight + opens, midnight + closes] as [number, number];
        });
  const slots: Slot[] = [];
  for (const [from, to] of windows) {
    for (let at = from; at + length <= to && slots.length < MAX_SLOTS; at += length)
      slots.push({ start: new Date(at), end: new Date(at + length) });
  }
  return slots;
}

/** The slot of an event that starts at this moment (an ISO string from a form), or null. */
export function findSlot(event: { startsAt: Date; endsAt: Date; meetingMinutes: number }, value: string): Slot | null {
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return meetingSlots(event).find((slot) => slot.start.getTime() === at) ?? null;
}

/** Whether two spans of time overlap (touching ends do not). */
export const overlaps = (a: { start: Date; end: Date }, b: { start: Date; end: Date }) =>
  a.start < b.end && b.start < a.end;

/** "06/12/2026, 08:00–08:30" (Vietnamese) or "6 Dec 2026, 08:00–08:30", in Hanoi time. */
export function formatSlot(lang: "vi" | "en", start: Date | string, end: Date | string): string {
  return `${formatDay(lang, hanoiDay(start))}, ${hanoiTime(start)}–${hanoiTime(end)}`;
}
