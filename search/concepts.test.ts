import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { buildConceptIndex, conceptTermsOf, readQuery } from "./concepts";

/** The seed taxonomy, as the gateway reads it from the database. */
const taxonomy = JSON.parse(fs.readFileSync("prisma/seed/fields.json", "utf8")) as {
  fields: { slug: string; vi: string; en: string }[];
};
const index = buildConceptIndex(taxonomy.fields.map(({ slug, vi, en }) => ({ slug, nameVi: vi, nameEn: en })));
const read = (q: string) => readQuery(q, index);

describe("readQuery", () => {
  test("filler words are left out of the engine's words and of the fields", () => {
    expect(read("công ty tôi cần tìm đơn vị xử lý nước thải")).toMatchObject({
      fields: ["environmental-engineering"],
      words: '"xử lý nước thải"',
    });
    expect(read("where can I find angel investors").fields).toContain("venture-capital");
    expect(read("where can I find angel investors").words).toBe('"angel investors"');
  });

  test("typed with marks, the marks tell words apart that fold alike", () => {
    expect(read("thanh toán bằng ví điện tử").fields).not.toContain("integrated-circuits");
    expect(read("thanh toán bằng ví điện tử").fields).toContain("digital-payments");
    expect(read("vi điện tử").fields).toContain("integrated-circuits");
    // "cần" (need) is filler, not "cân" (scales); "gỉ" (rust) is not "gì" (what).
    expect(read("cần tuyển kỹ sư").fields).not.toContain("standards-metrology");
    expect(read("thép bị gỉ").fields).toContain("corrosion-protection");
    expect(read("hoà giải").words).toBe(read("hòa giải").words.replace("hòa", "hoà"));
  });

  test("what a lab measures reaches materials characterisation; a bare x-ray is not medical imaging", () => {
    for (const q of [
      "x-ray",
      "tia X",
      "XRD",
      "nhiễu xạ tia X",
      "kính hiển vi điện tử quét",
      "chụp ảnh bề mặt vật liệu ở độ phân giải nano",
      "đo thành phần nguyên tố",
      "phân tích cấu trúc tinh thể",
      "đo phổ hồng ngoại",
      "đo độ bền kéo",
    ])
      expect(read(q).fields, q).toContain("materials-characterization");
    expect(read("x-ray").fields).not.toContain("smart-healthcare");
    expect(read("chụp x-quang phổi").fields).toContain("medical-imaging");
  });

  test("a 'cho' / 'for' phrase says whom for: its fields count only when nothing before has any", () => {
    expect(read("xuất hóa đơn điện tử cho doanh nghiệp nhỏ").fields).not.toContain("sme-support");
    expect(read("giải pháp cho nước thải").fields).toEqual(["environmental-engineering"]);
  });

  test("English plurals are their singular", () => {
    expect(read("pesticide residues").fields).toEqual(read("pesticide residue").fields);
  });

  test("a name search is searched as typed", () => {
    expect(read("công ty an ninh mạng viettel")).toEqual({
      fields: [],
      terms: [],
      words: "công ty an ninh mạng viettel",
    });
    expect(read("Viện Vật lý").fields).toEqual([]);
  });
});

test("every field of the taxonomy has everyday words", () => {
  const uncovered = taxonomy.fields.filter((field) => conceptTermsOf([field.slug]).length === 0);
  expect(uncovered.map((field) => field.slug)).toEqual([]);
});
