import { afterEach, describe, expect, it, test } from "vitest";
import { eventDay, eventTimeRange, hanoiInstant, parseHanoiLocal, toHanoiLocal } from "./event-time";

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe("event times in Hanoi", () => {
  for (const tz of ["UTC", "Asia/Ho_Chi_Minh", "America/Los_Angeles", "Pacific/Kiritimati", "Europe/Paris"]) {
    it(`reads and writes the form's value as Hanoi time with the server in ${tz}`, () => {
      process.env.TZ = tz;
      const start = parseHanoiLocal("2027-03-15T09:00");
      expect(start?.toISOString()).toBe("2027-03-15T02:00:00.000Z");
      expect(toHanoiLocal(start!)).toBe("2027-03-15T09:00");
      // Just after midnight in Hanoi is the day before in UTC.
      const late = parseHanoiLocal("2027-01-01T00:30");
      expect(late?.toISOString()).toBe("2026-12-31T17:30:00.000Z");
      expect(toHanoiLocal(late!).slice(11)).toBe("00:30");
      expect(eventTimeRange("vi", start!, new Date("2027-03-15T10:00:00Z"))).toContain("09:00–17:00 (giờ Hà Nội)");
      expect(eventTimeRange("en", late!, new Date("2027-01-01T10:00:00Z"))).toContain("00:30–17:00 (Hanoi time)");
    });
  }

  it("refuses values that are no moment", () => {
    for (const value of [
      "",
      "2027-02-31T09:00",
      "2027-13-01T09:00",
      "2027-03-15T24:00",
      "15/03/2027 09:00",
      "1999-01-01T00:00",
    ])
      expect(parseHanoiLocal(value)).toBeNull();
  });

  it("names both days of an event over several days", () => {
    const text = eventTimeRange("vi", parseHanoiLocal("2027-03-15T09:00")!, parseHanoiLocal("2027-03-16T17:00")!);
    expect(text).toMatch(/15.*09:00 – .*16.*17:00/);
  });
});

describe("event times as people read them", () => {
  const start = hanoiInstant("2026-12-12", "08:30")!;
  const end = hanoiInstant("2026-12-12", "11:30")!;

  test("a Hanoi wall-clock time is the instant seven hours earlier in UTC", () => {
    expect(start.toISOString()).toBe("2026-12-12T01:30:00.000Z");
    expect(hanoiInstant("2026-12-13", "03:00")!.toISOString()).toBe("2026-12-12T20:00:00.000Z");
    expect(hanoiInstant("12/12/2026", "08:30")).toBeNull();
  });

  test("one day: the weekday, the date and both times, in each language", () => {
    expect(eventTimeRange("vi", start, end)).toBe("Thứ Bảy, 12/12/2026, 08:30–11:30 (giờ Hà Nội)");
    expect(eventTimeRange("en", start, end)).toBe("Saturday, 12/12/2026, 08:30–11:30 (Hanoi time)");
  });

  test("an instant late in the UTC day is the next Hanoi day", () => {
    expect(eventDay("vi", "2026-12-12T20:00:00Z")).toBe("Chủ Nhật, 13/12/2026");
  });

  test("several days name both", () => {
    expect(eventTimeRange("vi", start, hanoiInstant("2026-12-13", "17:00")!)).toBe(
      "Thứ Bảy, 12/12/2026, 08:30 – Chủ Nhật, 13/12/2026, 17:00 (giờ Hà Nội)",
    );
  });
});
