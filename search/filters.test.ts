import { describe, expect, test } from "vitest";
import { allOf, filterEquals, filterIn, quoteFilterValue } from "./filters";

describe("quoteFilterValue", () => {
  test("quotes strings and escapes quotes and backslashes", () => {
    expect(quoteFilterValue("cau-giay")).toBe('"cau-giay"');
    expect(quoteFilterValue('x" OR status = "draft')).toBe('"x\\" OR status = \\"draft"');
    expect(quoteFilterValue("a\\")).toBe('"a\\\\"');
  });

  test("writes numbers and booleans bare", () => {
    expect(quoteFilterValue(2019)).toBe("2019");
    expect(quoteFilterValue(true)).toBe("true");
    expect(() => quoteFilterValue(Number.NaN)).toThrow();
  });
});

describe("builders", () => {
  test("filterIn lists quoted values, or nothing", () => {
    expect(filterIn("kind", ["lab", "institute"])).toBe('kind IN ["lab", "institute"]');
    expect(filterIn("kind", [])).toBeNull();
  });

  test("refuse attribute names that are not plain identifiers", () => {
    expect(() => filterEquals("kind = 1 OR x", "a")).toThrow();
  });

  test("allOf wraps each clause and skips empty ones", () => {
    expect(allOf([filterEquals("verified", true), null, 'kind IN ["lab"]'])).toBe(
      '(verified = true) AND (kind IN ["lab"])',
    );
    expect(allOf([null, undefined])).toBeUndefined();
  });
});
