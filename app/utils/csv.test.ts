import { describe, expect, test } from "vitest";
import { parseCsv, toCsv } from "./csv";

describe("CSV as the import reads it", () => {
  test("reads plain, quoted and empty cells, LF and CRLF, and drops blank lines and the BOM", () => {
    expect(
      parseCsv(
        '\uFEFFslug,nameVi,summaryEn\r\nhust,"Đại học Bách khoa, Hà Nội",\n\nvast,Viện Hàn lâm,"Two\r\nlines"\n',
      ),
    ).toEqual([
      ["slug", "nameVi", "summaryEn"],
      ["hust", "Đại học Bách khoa, Hà Nội", ""],
      ["vast", "Viện Hàn lâm", "Two\r\nlines"],
    ]);
  });

  test("reads doubled quotes inside quoted cells, and quotes inside unquoted ones as they are", () => {
    expect(parseCsv('a,"say ""xin chào""",b"c\n"""",""')).toEqual([
      ["a", 'say "xin chào"', 'b"c'],
      ['"', ""],
    ]);
  });

  test("refuses a quoted cell that is never closed", () => {
    expect(() => parseCsv('a,"never closed\nb')).toThrow();
  });

  test("reads back every cell that toCsv writes", () => {
    // Seeded: the same cells every run. No cell starts with = + - @ (toCsv marks those as text).
    let seed = 20261205;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ["a", "Đ", "ệ", " ", ",", '"', "\n", "\r\n", ";", "1", "中", "😀"];
    const cell = () => {
      const length = Math.floor(random() * 12);
      let text = "x";
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      return text;
    };
    const rows = Array.from({ length: 200 }, () => Array.from({ length: 5 }, cell));
    expect(parseCsv(toCsv(["a", "b", "c", "d", "e"], rows))).toEqual([["a", "b", "c", "d", "e"], ...rows]);
  });

  test("marks cells a spreadsheet would run as a formula", () => {
    expect(parseCsv(toCsv(["a", "b"], [["=1+1", "@SUM(A1)"]]))[1]).toEqual(["'=1+1", "'@SUM(A1)"]);
  });
});
