import { describe, expect, test } from "vitest";
import { foldForSearch, foldText, queryTerms, searchTerms, slugify } from "./text";

describe("foldText", () => {
  test("removes Vietnamese tone and vowel marks and folds đ", () => {
    expect(foldText("Đại học Bách khoa Hà Nội")).toBe("dai hoc bach khoa ha noi");
    expect(foldText("Phòng thí nghiệm Vật liệu")).toBe("phong thi nghiem vat lieu");
    expect(foldText("ƯƠNG ỨNG ỡ")).toBe("uong ung o");
  });

  test("treats composed and decomposed input alike", () => {
    expect(foldText("Vie\u0323\u0302t")).toBe(foldText("Việt"));
  });

  test("collapses white space", () => {
    expect(foldText("  a \t b\n")).toBe("a b");
  });
});

describe("slugify", () => {
  test("makes ASCII kebab-case", () => {
    expect(slugify("Viện Hóa học – VAST")).toBe("vien-hoa-hoc-vast");
    expect(slugify("  ---  ")).toBe("");
  });

  test("never ends with a dash after truncation", () => {
    expect(slugify("ab cd", 3)).toBe("ab");
  });
});

describe("queryTerms", () => {
  test("splits on punctuation and folds", () => {
    expect(queryTerms("Trí tuệ, nhân-tạo!")).toEqual(["tri", "tue", "nhan", "tao"]);
    expect(queryTerms(" ")).toEqual([]);
  });
});

describe("foldForSearch", () => {
  test("merges the i/y spellings of Vietnamese syllables", () => {
    expect(foldForSearch("Kỹ thuật, vật lý")).toBe("ki thuat, vat li");
    expect(foldForSearch("kĩ thuật, vật lí")).toBe("ki thuat, vat li");
    expect(searchTerms("kỹ thuật vật lí")).toEqual(["ki", "thuat", "vat", "li"]);
  });

  test("leaves other words alone", () => {
    expect(foldForSearch("Yên Bái, nhiệt y học")).toBe("yen bai, nhiet y hoc");
  });
});
