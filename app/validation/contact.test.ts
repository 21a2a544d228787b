import { describe, expect, test } from "vitest";
import { OrganizationEditSchema } from "./organization";

const base = { nameVi: "Trường thử", fieldSlugs: "artificial-intelligence" };
const parse = (extra: Record<string, string>) => OrganizationEditSchema.safeParse({ ...base, ...extra });
const messages = (extra: Record<string, string>) => {
  const result = parse(extra);
  return result.success ? {} : result.error.flatten().fieldErrors;
};

describe("listing contacts", () => {
  test("accepts published phone formats, old area codes included, and joins several with semicolons", () => {
    for (const phone of ["024 3869 4242", "+84 24 38682321", "(+84-24) 3838 9633", "0438.544.244", "069 515226"]) {
      expect(parse({ phone }).success, phone).toBe(true);
    }
    const result = parse({ phone: "0242.2452.662 - (024) 2218 5607" });
    expect(result.success && result.data.phone).toBe("0242.2452.662; (024) 2218 5607");
  });

  test("refuses what is not a phone number, with the field's message", () => {
    for (const phone of ["gọi cho chúng tôi", "12345", "024 3869 4242 ext 5", "1;2;3;4", "+84 +24 38682321"]) {
      expect(messages({ phone }).phone, phone).toEqual([expect.stringContaining("form.phone")]);
    }
  });

  test("takes up to three mailboxes and refuses a malformed one", () => {
    const result = parse({ email: "HC@epu.edu.vn, info@epu.edu.vn" });
    expect(result.success && result.data.email).toBe("hc@epu.edu.vn; info@epu.edu.vn");
    for (const email of ["lienhe@", "a@b.vn; không phải thư", "a@b.vn;b@b.vn;c@b.vn;d@b.vn"]) {
      expect(messages({ email }).email, email).toEqual([expect.stringContaining("form.emails")]);
    }
  });

  test("a ward is one of the 126 units since July 2025, never a former district's slug alone", () => {
    expect(parse({ ward: "cau-giay", district: "cau-giay" }).success).toBe(true);
    expect(parse({ ward: "phu-dien" }).success).toBe(true);
    // Bắc Từ Liêm was a district and is no ward or commune today.
    expect(messages({ ward: "quan-1" }).ward).toEqual([expect.stringContaining("form.choose")]);
    expect(messages({ ward: "bac-tu-liem" }).ward).toEqual([expect.stringContaining("form.choose")]);
  });
});
