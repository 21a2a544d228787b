import { describe, expect, test } from "vitest";
import { optionalText, text } from "./common";

const BREAKS = {
  LF: "\n",
  "CR LF": "\r\n",
  "bare CR": "\r",
  "NEL (U+0085)": "\u0085",
  "U+2028": "\u2028",
  "U+2029": "\u2029",
};

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.success ? [] : result.error!.issues.map((issue) => issue.message);
}

describe("one-line fields", () => {
  test.each(Object.entries(BREAKS))("refuse a %s inside the value with the one-line message", (_name, lineBreak) => {
    const value = `Hệ thống tổng hợp${lineBreak}tiếng nói`;
    expect(messages(text({ max: 100 }).safeParse(value))).toEqual(["form.oneLine"]);
    expect(messages(optionalText({ max: 100 }).safeParse(value))).toEqual(["form.oneLine"]);
  });

  test("still accept plain text, and trim line breaks at either end", () => {
    expect(text({ max: 100 }).parse("  Phòng thí nghiệm\u2028")).toBe("Phòng thí nghiệm");
    expect(optionalText({ max: 100 }).parse("\r\nViện Toán học ")).toBe("Viện Toán học");
    expect(optionalText({ max: 100 }).parse("")).toBeNull();
  });
});

describe("multi-line fields", () => {
  test("keep their lines, with every CR LF or bare CR stored as LF", () => {
    expect(text({ max: 100, multiline: true }).parse("một\r\nhai\rba\nbốn")).toBe("một\nhai\nba\nbốn");
    expect(optionalText({ max: 100, multiline: true }).parse("một\rhai")).toBe("một\nhai");
  });
});
