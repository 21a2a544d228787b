import { describe, expect, test } from "vitest";
import { OfferSchema } from "./offer";

const problems = (form: Record<string, unknown>) => {
  const result = OfferSchema.safeParse({ fieldSlugs: "analytical-chemistry", ...form });
  return result.success ? {} : result.error.flatten().fieldErrors;
};

describe("an offer's form", () => {
  test("needs a name in either language", () => {
    expect(problems({ type: "service", priceMode: "quote" }).nameVi).toEqual(["offer.nameRequired"]);
    expect(problems({ type: "service", priceMode: "quote", nameEn: "XRD" })).toEqual({});
  });

  test("a price range needs its lowest price, not above its highest; typed separators are read", () => {
    const base = { type: "service", nameVi: "Đo XRD", priceMode: "range" };
    expect(problems(base).priceMinVnd).toEqual(["form.required"]);
    expect(problems({ ...base, priceMinVnd: "2.000.000", priceMaxVnd: "1 000 000" }).priceMaxVnd).toEqual([
      "offer.priceOrder",
    ]);
    const parsed = OfferSchema.parse({ ...base, fieldSlugs: "x", priceMinVnd: "1.500.000", priceMaxVnd: "2000000" });
    expect([parsed.priceMinVnd, parsed.priceMaxVnd]).toEqual([1_500_000, 2_000_000]);
    expect(problems({ ...base, priceMinVnd: "-5" }).priceMinVnd).toEqual(["form.number"]);
  });

  test("equipment needs its category and access mode, from their vocabularies", () => {
    expect(Object.keys(problems({ type: "equipment", nameVi: "FE-SEM" })).sort()).toEqual(["accessMode", "category"]);
    expect(
      problems({ type: "equipment", nameVi: "FE-SEM", category: "lasers", accessMode: "staff_run" }).category,
    ).toEqual(["form.choose"]);
  });

  test("a technology needs a TRL of 1–9, an IP status, a number when granted, and what is offered", () => {
    const base = { type: "technology", nameVi: "Chủng nấm men", offeredAs: "licence" };
    expect(problems({ ...base, trl: "10", ipStatus: "pending" }).trl).toEqual(["form.choose"]);
    expect(problems({ ...base, trl: "0", ipStatus: "pending" }).trl).toEqual(["form.choose"]);
    expect(problems({ ...base, trl: "4", ipStatus: "granted_patent" }).ipNumber).toEqual(["offer.ipNumberRequired"]);
    expect(problems({ ...base, trl: "4", ipStatus: "granted_patent", ipNumber: "1-0012345" })).toEqual({});
    expect(problems({ ...base, offeredAs: undefined, trl: "4", ipStatus: "open" }).offeredAs).toBeDefined();
    expect(problems({ ...base, offeredAs: undefined, trl: "4", ipStatus: "open", transferred: "on" })).toEqual({});
  });

  test("asks for one to six fields", () => {
    expect(
      problems({ type: "service", nameVi: "Đo", priceMode: "quote", fieldSlugs: undefined }).fieldSlugs,
    ).toBeDefined();
  });
});
