import { describe, expect, test } from "vitest";
import { formatValue, niceScale, truncate } from "./format";

describe("chart formatting", () => {
  test("axis bounds are round and whole", () => {
    expect(niceScale(0)).toEqual({ max: 1, step: 1 });
    expect(niceScale(3)).toEqual({ max: 3, step: 1 });
    expect(niceScale(176)).toEqual({ max: 200, step: 50 });
    expect(niceScale(30_285)).toEqual({ max: 40_000, step: 10_000 });
  });

  test("values read in the page's language", () => {
    expect(formatValue("vi", 30_285)).toBe("30.285");
    expect(formatValue("en", 30_285)).toBe("30,285");
    expect(formatValue("vi", 29.14, "percent")).toBe("29,1%");
    expect(formatValue("en", 20.72, "hours")).toBe("20.7 hours");
    expect(formatValue("vi", 60, "hours")).toBe("2,5 ngày");
    expect(formatValue("en", null, "hours")).toBe("None yet");
  });

  test("long labels are cut with an ellipsis", () => {
    expect(truncate("Cảm biến", 20)).toBe("Cảm biến");
    expect(truncate("Phòng thí nghiệm Quy hoạch sử dụng đất", 20)).toBe("Phòng thí nghiệm Qu…");
  });
});
