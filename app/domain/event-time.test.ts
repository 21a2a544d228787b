import { describe, expect, test } from "vitest";
import { eventDay, eventTimeRange, hanoiInstant } from "./event-time";

describe("event times in Hanoi", () => {
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
