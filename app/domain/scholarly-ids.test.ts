import { describe, expect, it } from "vitest";
import { doiUrl, normaliseDoi, normaliseOrcid, normaliseTitle } from "./scholarly-ids";

describe("normaliseOrcid", () => {
  it("accepts the iD with or without hyphens or its link, and writes it hyphenated", () => {
    for (const typed of [
      "0000-0002-1825-0097",
      "0000000218250097",
      "https://orcid.org/0000-0002-1825-0097",
      " orcid.org/0000-0002-1825-0097 ",
    ]) {
      expect(normaliseOrcid(typed)).toBe("0000-0002-1825-0097");
    }
  });

  it("accepts X as the check digit", () => {
    expect(normaliseOrcid("0000-0002-9079-593x")).toBe("0000-0002-9079-593X");
  });

  it("refuses a wrong check digit, a wrong length and other sites", () => {
    expect(normaliseOrcid("0000-0002-1825-0098")).toBeNull();
    expect(normaliseOrcid("0000-0002-1825-009")).toBeNull();
    expect(normaliseOrcid("https://example.org/0000-0002-1825-0097")).toBeNull();
    expect(normaliseOrcid("0000-0002-1825-009Y")).toBeNull();
  });
});

describe("normaliseDoi", () => {
  it("drops the resolver and doi: prefixes and lower-cases", () => {
    expect(normaliseDoi("https://doi.org/10.1016/J.Energy.2020.118")).toBe("10.1016/j.energy.2020.118");
    expect(normaliseDoi("http://dx.doi.org/10.1000/ABC")).toBe("10.1000/abc");
    expect(normaliseDoi("doi: 10.1000/abc")).toBe("10.1000/abc");
    expect(normaliseDoi("10.1000%2Fabc")).toBe("10.1000/abc");
  });

  it("is null for what is no DOI", () => {
    expect(normaliseDoi("")).toBeNull();
    expect(normaliseDoi("not a doi")).toBeNull();
    expect(normaliseDoi(undefined)).toBeNull();
  });

  it("links to the resolver", () => {
    expect(doiUrl("10.1000/abc")).toBe("https://doi.org/10.1000/abc");
  });
});

describe("normaliseTitle", () => {
  it("strips accents, đ, punctuation and case, and collapses spaces", () => {
    expect(normaliseTitle("Nghiên cứu:  Đột biến gen — lúa (Oryza sativa)!")).toBe(
      "nghien cuu dot bien gen lua oryza sativa",
    );
    expect(normaliseTitle("NGHIÊN CỨU ĐỘT BIẾN GEN")).toBe(normaliseTitle("nghien cuu dot-bien gen"));
  });
});
