import { describe, expect, test } from "vitest";
import { affiliationDomains, emailAtDomains, isAffiliationVerified, websiteDomain } from "./affiliation";

describe("affiliation domains", () => {
  test("the website's host without www, plus the listed domains; public mail services never count", () => {
    expect(websiteDomain("https://www.hust.edu.vn/vi/gioi-thieu")).toBe("hust.edu.vn");
    expect(websiteDomain("vnu.edu.vn")).toBe("vnu.edu.vn");
    expect(websiteDomain(null)).toBeNull();
    expect(websiteDomain("not a url")).toBeNull();
    expect(websiteDomain("https://gmail.com")).toBeNull();
    expect(
      affiliationDomains({ website: "https://www.hust.edu.vn", emailDomains: "SIS.hust.vn\n\ngmail.com\n" }),
    ).toEqual(["hust.edu.vn", "sis.hust.vn"]);
    expect(affiliationDomains({ website: null, emailDomains: "" })).toEqual([]);
  });

  test("an address at the domain or a sub-domain passes; look-alikes do not", () => {
    const domains = ["hust.edu.vn"];
    expect(emailAtDomains("lan@hust.edu.vn", domains)).toBe(true);
    expect(emailAtDomains("lan@soict.hust.edu.vn", domains)).toBe(true);
    expect(emailAtDomains("lan@HUST.EDU.VN", domains)).toBe(true);
    expect(emailAtDomains("lan@hust.edu.vn.evil.com", domains)).toBe(false);
    expect(emailAtDomains("lan@evilhust.edu.vn", domains)).toBe(false);
    expect(emailAtDomains("hust.edu.vn@evil.com", domains)).toBe(false);
    expect(emailAtDomains("lan@hust.edu.vn", [])).toBe(false);
  });

  test("verified only for the affiliation shown now", () => {
    const at = new Date();
    expect(
      isAffiliationVerified({ affiliationId: "a", affiliationVerifiedAt: at, affiliationVerifiedOrgId: "a" }),
    ).toBe(true);
    expect(
      isAffiliationVerified({ affiliationId: "b", affiliationVerifiedAt: at, affiliationVerifiedOrgId: "a" }),
    ).toBe(false);
    expect(
      isAffiliationVerified({ affiliationId: null, affiliationVerifiedAt: at, affiliationVerifiedOrgId: "a" }),
    ).toBe(false);
    expect(
      isAffiliationVerified({ affiliationId: "a", affiliationVerifiedAt: null, affiliationVerifiedOrgId: null }),
    ).toBe(false);
  });
});
