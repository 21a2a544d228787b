import { afterEach, describe, expect, test } from "vitest";
import { findSlot, formatSlot, MAX_SLOTS, meetingSlots, overlaps } from "./meeting";

/** Meeting slots (docs/decisions/073): cut in Hanoi time whatever the server's zone. */
const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const hanoi = (local: string) => new Date(`${local}+07:00`);
const labels = (slots: { start: Date; end: Date }[]) => slots.map((slot) => formatSlot("vi", slot.start, slot.end));

describe.each(["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Ho_Chi_Minh", "Europe/London"])(
  "meeting slots with the server in %s",
  (tz) => {
    test("a morning is split into back-to-back slots from its start, none past its end", () => {
      process.env.TZ = tz;
      const slots = meetingSlots({
        startsAt: hanoi("2026-12-10T08:00:00"),
        endsAt: hanoi("2026-12-10T10:10:00"),
        meetingMinutes: 30,
      });
      expect(labels(slots)).toEqual([
        "10/12/2026, 08:00–08:30",
        "10/12/2026, 08:30–09:00",
        "10/12/2026, 09:00–09:30",
        "10/12/2026, 09:30–10:00",
      ]);
    });

    test("an event over several days is split within each day's hours, not through the night", () => {
      process.env.TZ = tz;
      // 06:30 to 08:00 in Hanoi crosses midnight UTC (23:30–01:00): still one Hanoi day each.
      const slots = meetingSlots({
        startsAt: hanoi("2026-12-10T06:30:00"),
        endsAt: hanoi("2026-12-12T08:00:00"),
        meetingMinutes: 45,
      });
      expect(labels(slots)).toEqual([
        "10/12/2026, 06:30–07:15",
        "10/12/2026, 07:15–08:00",
        "11/12/2026, 06:30–07:15",
        "11/12/2026, 07:15–08:00",
        "12/12/2026, 06:30–07:15",
        "12/12/2026, 07:15–08:00",
      ]);
    });

    test("an evening running past midnight is one stretch", () => {
      process.env.TZ = tz;
      const slots = meetingSlots({
        startsAt: hanoi("2026-12-10T23:00:00"),
        endsAt: hanoi("2026-12-11T01:00:00"),
        meetingMinutes: 60,
      });
      expect(labels(slots)).toEqual(["10/12/2026, 23:00–00:00", "11/12/2026, 00:00–01:00"]);
    });

    test("a slot is found by its start only", () => {
      process.env.TZ = tz;
      const event = {
        startsAt: hanoi("2026-12-10T08:00:00"),
        endsAt: hanoi("2026-12-10T12:00:00"),
        meetingMinutes: 20,
      };
      expect(findSlot(event, "2026-12-10T01:20:00.000Z")?.end.toISOString()).toBe("2026-12-10T01:40:00.000Z");
      expect(findSlot(event, "2026-12-10T01:25:00.000Z")).toBeNull();
      expect(findSlot(event, "2026-12-10T05:00:00.000Z")).toBeNull();
      expect(findSlot(event, "not a time")).toBeNull();
    });
  },
);

describe("meeting slots", () => {
  test("none for an empty, reversed or zero-length setting; at most MAX_SLOTS", () => {
    const startsAt = hanoi("2026-12-10T08:00:00");
    expect(meetingSlots({ startsAt, endsAt: startsAt, meetingMinutes: 30 })).toEqual([]);
    expect(meetingSlots({ startsAt, endsAt: hanoi("2026-12-09T08:00:00"), meetingMinutes: 30 })).toEqual([]);
    expect(meetingSlots({ startsAt, endsAt: hanoi("2026-12-10T09:00:00"), meetingMinutes: 0 })).toEqual([]);
    const year = meetingSlots({ startsAt, endsAt: hanoi("2027-12-10T18:00:00"), meetingMinutes: 5 });
    expect(year).toHaveLength(MAX_SLOTS);
  });

  test("overlap: touching ends do not clash", () => {
    const a = { start: hanoi("2026-12-10T08:00:00"), end: hanoi("2026-12-10T08:30:00") };
    expect(overlaps(a, { start: hanoi("2026-12-10T08:30:00"), end: hanoi("2026-12-10T09:00:00") })).toBe(false);
    expect(overlaps(a, { start: hanoi("2026-12-10T08:15:00"), end: hanoi("2026-12-10T08:45:00") })).toBe(true);
  });

  test("read in English too", () => {
    expect(formatSlot("en", hanoi("2026-12-10T08:00:00"), hanoi("2026-12-10T08:30:00"))).toBe(
      "10 Dec 2026, 08:00–08:30",
    );
  });
});
