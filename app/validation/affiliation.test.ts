import { describe, expect, test } from "vitest";
import { EmailDomainsSchema } from "./affiliation";

/** The domains a listing's managers may list, whose addresses verify an affiliation there. */
const accepts = (domains: string) => EmailDomainsSchema.safeParse({ domains }).success;

describe("a listing's e-mail domains", () => {
  test("its own domains and sub-domains pass, one per line, '@' and case forgiven", () => {
    expect(accepts("hust.edu.vn\n@SOICT.hust.edu.vn\nvnu.edu.vn")).toBe(true);
  });

  test("a public suffix is refused: it would verify every address under it", () => {
    for (const suffix of ["edu.vn", "ac.uk", "com.vn", "gov.vn", "github.io"])
      expect(accepts(suffix), suffix).toBe(false);
  });

  test("mail services anyone signs up to are refused", () => {
    for (const webmail of ["gmail.com", "aol.com", "qq.com", "hotmail.co.uk", "gmx.de"])
      expect(accepts(webmail), webmail).toBe(false);
  });
});
