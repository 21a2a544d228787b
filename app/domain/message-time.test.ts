import { afterEach, describe, expect, test } from "vitest";
import { dayHeading, hanoiDay, hanoiTime } from "./message-time";

const words = { today: "Hôm nay", yesterday: "Hôm qua" };
const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe("a thread's times", () => {
  // 23:30 UTC on 5 December is 06:30 on the 6th in Hanoi (UTC+7).
  const late = "2026-12-05T23:30:00.000Z";

  test.each(["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Ho_Chi_Minh"])(
    "are Hanoi's whatever the server's zone (%s)",
    (tz) => {
      process.env.TZ = tz;
      expect(hanoiTime(late)).toBe("06:30");
      expect(hanoiDay(late)).toBe("2026-12-06");
      expect(dayHeading("vi", late, "2026-12-06T10:00:00.000Z", words)).toBe("Hôm nay");
      expect(dayHeading("vi", late, "2026-12-07T01:00:00.000Z", words)).toBe("Hôm qua");
    },
  );

  test("name older days by their date, with the year only when it is not this one", () => {
    expect(dayHeading("vi", late, "2026-12-10T01:00:00.000Z", words)).toBe("Chủ Nhật, 6 tháng 12");
    expect(dayHeading("en", late, "2026-12-10T01:00:00.000Z", words)).toBe("Sunday 6 December");
    expect(dayHeading("vi", late, "2027-01-02T01:00:00.000Z", words)).toContain("2026");
  });

  test("tell midnight in Hanoi, not in UTC, as the day's change", () => {
    // 16:59 and 17:01 UTC are either side of midnight in Hanoi.
    expect(hanoiDay("2026-12-05T16:59:00.000Z")).toBe("2026-12-05");
    expect(hanoiDay("2026-12-05T17:01:00.000Z")).toBe("2026-12-06");
    expect(hanoiTime("2026-12-05T17:01:00.000Z")).toBe("00:01");
  });
});
