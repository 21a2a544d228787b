import { describe, expect, test } from "vitest";
import { synonymsSetting } from "./synonyms";

describe("synonymsSetting", () => {
  test("maps every folded term of a group to the others, merging groups that share a term", () => {
    expect(synonymsSetting([["Học máy", "ML"], ["ML", "machine learning"]])).toEqual({
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
