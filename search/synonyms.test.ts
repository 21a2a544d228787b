import { describe, expect, test } from "vitest";
import { fieldTerms, GENERAL_SYNONYM_GROUPS, synonymsSetting } from "./synonyms";

describe("synonymsSetting", () => {
  test("maps every folded term of a group to the others, merging groups that share a term", () => {
    expect(
      synonymsSetting([
        ["Học máy", "ML"],
        ["ML", "machine learning"],
      ]),
    ).toEqual({
      "hoc may": ["ml"],
      "machine learning": ["ml"],
      ml: ["hoc may", "machine learning"],
    });
  });

  test("a term of more than three words is only a replacement: the engine never looks it up", () => {
    const setting = synonymsSetting([["Phòng thí nghiệm trọng điểm", "key laboratory", "start-up lab hub"]]);
    expect(Object.keys(setting)).toEqual(["key laboratory", "start-up lab hub"]);
    expect(setting["key laboratory"]).toEqual(["phong thi nghiem trong diem", "start-up lab hub"]);
  });
});

describe("fieldTerms", () => {
  test("both names and every alias of each field, once", () => {
    const terms = fieldTerms([
      { nameVi: "Trí tuệ nhân tạo", nameEn: "Artificial intelligence", aliases: "AI\nTTNT\n" },
      { nameVi: "Học máy", nameEn: "Machine learning", aliases: " ML \nAI" },
    ]);
    expect(terms).toEqual([
      "Trí tuệ nhân tạo",
      "Artificial intelligence",
      "AI",
      "TTNT",
      "Học máy",
      "Machine learning",
      "ML",
    ]);
  });
});

describe("the engine's synonyms", () => {
  test("stay a short list: the engine reads all of it for every word of every query", () => {
    // Decision 007: 1,174 keys cost ~7 ms per query word, ~35 groups well under 1 ms.
    expect(Object.keys(synonymsSetting(GENERAL_SYNONYM_GROUPS)).length).toBeLessThan(150);
  });
});
