import { describe, expect, test } from "vitest";
import { calendarMonth, dateRangeProblem, daysIn, formatDays, hanoiToday, monthBounds } from "./booking";

describe("booking dates", () => {
  test("today is Hanoi's: 17:30 UTC is already the next day there", () => {
    expect(hanoiToday(new Date("2026-12-05T16:59:00Z"))).toBe("2026-12-05");
    expect(hanoiToday(new Date("2026-12-05T17:30:00Z"))).toBe("2026-12-06");
  });

  test("ranges are refused for the reason that comes first, on the field it concerns", () => {
    const today = "2026-12-06";
    expect(dateRangeProblem("2026-12-06", "2026-12-06", today)).toBeNull();
    expect(dateRangeProblem("2026-12-05", "2026-12-07", today)).toEqual({ field: "start", problem: "past" });
    expect(dateRangeProblem("2026-12-09", "2026-12-08", today)).toEqual({ field: "end", problem: "reversed" });
    expect(dateRangeProblem("2026-12-10", "2027-01-08", today)).toBeNull();
    expect(dateRangeProblem("2026-12-10", "2027-01-09", today)).toEqual({ field: "end", problem: "tooLong" });
    expect(dateRangeProblem("2027-12-08", "2027-12-08", today)).toEqual({ field: "start", problem: "tooFar" });
    expect(dateRangeProblem("2027-02-29", "2027-03-01", today)).toEqual({ field: "start", problem: "invalid" });
    expect(dateRangeProblem("2026-12-10", "tomorrow", today)).toEqual({ field: "end", problem: "invalid" });
  });

  test("months and their neighbours, across a year's end; a bad month is this month", () => {
    expect(monthBounds("2026-12")).toEqual({
      first: "2026-12-01",
      last: "2026-12-31",
      next: "2027-01",
      previous: "2026-11",
    });
    expect(monthBounds("2028-02").last).toBe("2028-02-29");
    expect(calendarMonth("2027-13", "2026-12-06")).toBe("2026-12");
    expect(calendarMonth("x", "2026-12-06")).toBe("2026-12");
    expect(calendarMonth("2027-01", "2026-12-06")).toBe("2027-01");
    expect(daysIn("2026-12-31", "2027-01-01")).toBe(2);
  });

  test("days read as people write them", () => {
    expect(formatDays("vi", "2026-12-05", "2026-12-07")).toBe("05/12/2026 – 07/12/2026");
    expect(formatDays("en", "2026-12-05", "2026-12-05")).toBe("5 Dec 2026");
  });
});
