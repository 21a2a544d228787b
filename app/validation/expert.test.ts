import { describe, expect, test } from "vitest";
import { ExpertProfileSchema } from "./expert";

const base = { intent: "publish", title: "none", fullName: "Nguyễn Văn A", fieldSlugs: "ai", bioVi: "Nghiên cứu." };
const problems = (form: Record<string, unknown>) => {
  const result = ExpertProfileSchema.safeParse({ ...base, ...form });
  return result.success ? {} : result.error.flatten().fieldErrors;
};

describe("the profile's overseas section (docs/decisions/076)", () => {
  test("no country: based in Vietnam, nothing else of the section required or kept", () => {
    expect(problems({})).toEqual({});
    const parsed = ExpertProfileSchema.parse({
      ...base,
      institutionAbroad: "Kyoto",
      workModes: "visits",
      languages: "ja",
    });
    expect([parsed.country, parsed.institutionAbroad, parsed.workModes, parsed.languages]).toEqual([
      null,
      null,
      [],
      [],
    ]);
  });

  test("a country asks for the institution, at least one way of working and one language, each at its field", () => {
    expect(problems({ country: "JP" })).toEqual({
      institutionAbroad: ["overseas.institutionRequired"],
      workModes: ["overseas.workModesRequired"],
      languages: ["overseas.languagesRequired"],
    });
    const parsed = ExpertProfileSchema.parse({
      ...base,
      country: "JP",
      institutionAbroad: " Đại học Kyoto ",
      workModes: ["remote_advice", "joint_projects"],
      languages: ["vi", "ja"],
    });
    expect([parsed.country, parsed.institutionAbroad, parsed.workModes, parsed.languages]).toEqual([
      "JP",
      "Đại học Kyoto",
      ["remote_advice", "joint_projects"],
      ["vi", "ja"],
    ]);
  });

  test("Vietnam, unknown countries, modes and languages are refused", () => {
    const abroad = { institutionAbroad: "X", workModes: "visits", languages: "en" };
    expect(problems({ ...abroad, country: "VN" }).country).toEqual(["form.choose"]);
    expect(problems({ ...abroad, country: "jp" }).country).toEqual(["form.choose"]);
    expect(problems({ ...abroad, country: "XYZ" }).country).toBeDefined();
    expect(problems({ ...abroad, country: "FR", workModes: "teleport" }).workModes).toBeDefined();
    expect(problems({ ...abroad, country: "FR", languages: "xx" }).languages).toBeDefined();
    expect(problems({ ...abroad, country: "FR", institutionAbroad: "x".repeat(201) }).institutionAbroad).toBeDefined();
  });
});
