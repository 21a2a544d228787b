import { describe, expect, test } from "vitest";
import { highlightExcerpt, highlightWords } from "./highlight";
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S } from "./organization-search";

describe("highlightExcerpt", () => {
  test("marks the words that start with a query term, whatever their marks, case and đ", () => {
    expect(highlightExcerpt("Xử lý nước thải đô thị và Đánh giá môi trường.", ["nuoc", "thai", "danh"])).toBe(
      `Xử lý ${S}nước${E} ${S}thải${E} đô thị và ${S}Đánh${E} giá môi trường.`,
    );
    // The word being typed, and the i/y spellings as the database search merges them.
    expect(highlightWords("Kỹ thuật vật lý", ["ki", "vat", "li"])).toBe(`${S}Kỹ${E} thuật ${S}vật${E} ${S}lý${E}`);
  });

  test("crops a long text around its first match, with ellipses where it was cut", () => {
    const text = `${Array.from({ length: 60 }, (_, i) => `w${i}`).join(" ")} nano ${Array.from({ length: 60 }, (_, i) => `z${i}`).join(" ")}`;
    const excerpt = highlightExcerpt(text, ["nano"], 40)!;
    expect(excerpt.startsWith("…w50 ")).toBe(true);
    expect(excerpt).toContain(`${S}nano${E}`);
    expect(excerpt.endsWith("z28…")).toBe(true);
    expect(excerpt.split(" ")).toHaveLength(40);
  });

  test("is null when nothing matches or there are no words", () => {
    expect(highlightExcerpt("Viện Hóa học", ["robot"])).toBeNull();
    expect(highlightExcerpt("Viện Hóa học", [])).toBeNull();
    expect(highlightExcerpt(null, ["vien"])).toBeNull();
  });
});
