import { afterEach, describe, expect, it } from "vitest";
import { eventWhen, hanoiClock, parseHanoiLocal, toHanoiLocal } from "./event-time";

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
      expect(hanoiClock(late!)).toBe("00:30");
      expect(eventWhen("vi", start!, new Date("2027-03-15T10:00:00Z"))).toContain("09:00–17:00 (giờ Hà Nội)");
      expect(eventWhen("en", late!, new Date("2027-01-01T10:00:00Z"))).toContain("00:30–17:00 (Hanoi time)");
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
    const text = eventWhen("vi", parseHanoiLocal("2027-03-15T09:00")!, parseHanoiLocal("2027-03-16T17:00")!);
    expect(text).toMatch(/15.*09:00 – .*16.*17:00/);
  });
});
