import { describe, expect, test } from "vitest";
import { readImportedEntries } from "./publication-import";

/** The preview's entries come back as hidden JSON fields: each is checked again as if typed. */
const entry = (url: string | null) =>
  JSON.stringify({ title: "Cảm biến khí", authors: null, venue: null, year: 2021, doi: null, url });

describe("an imported entry's address", () => {
  test("an http(s) address with a host passes", () => {
    expect(readImportedEntries([entry("https://doi.org/10.1000/xyz")])?.[0]?.url).toBe("https://doi.org/10.1000/xyz");
    expect(readImportedEntries([entry(null)])).toHaveLength(1);
  });

  test("anything else refuses the import", () => {
    for (const url of ["javascript:alert(1)", "https://", "http://localhost/x", "https://exa mple.com", "ftp://a.b/c"])
      expect(readImportedEntries([entry(url)]), url).toBeNull();
  });
});
