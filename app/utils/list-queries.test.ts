import { describe, expect, test } from "vitest";
import { parseDirectoryQuery } from "./directory-query";
import { listingSearch, parseListingParams } from "./listing-query";

const directory = (search: string) => parseDirectoryQuery(new URLSearchParams(search));
const experts = (search: string) => parseListingParams(new URLSearchParams(search), "experts");
const requests = (search: string) => parseListingParams(new URLSearchParams(search), "requests");
const keys = (found: { problems: { key: string }[] }) => found.problems.map((problem) => problem.key);

describe("every list URL reports a bad value instead of dropping it", () => {
  test.each([
    ["directory", directory],
    ["experts", experts],
    ["requests", requests],
  ] as const)("%s: a single parameter given twice is named, not half-read", (_, parse) => {
    // The old parsers read the first and silently ignored the second.
    expect(parse("page=2&page=3").problems).toEqual([{ key: "error.param.repeated", params: { name: "page" } }]);
    expect(parse("page=2&page=3").query.page).toBe(1);
    expect(keys(parse("q=a&q=b"))).toEqual(["error.param.repeated"]);
  });

  test.each([
    ["experts", experts],
    ["requests", requests],
  ] as const)("%s: concepts=off round-trips through the URL; any other value is reported", (list, parse) => {
    const off = parse("q=nuoc+thai&concepts=off").query;
    expect(off.concepts).toBe(false);
    expect(listingSearch(off, list)).toBe("?q=nuoc+thai&concepts=off");
    expect(parse("q=x&concepts=on").query.concepts).toBeUndefined();
    const bad = parse("q=x&concepts=maybe");
    expect(bad.query.concepts).toBeUndefined();
    expect(bad.problems).toEqual([{ key: "error.concepts.unknown", params: { value: "maybe" } }]);
  });

  test("the directory's sort and verified flag given twice", () => {
    expect(keys(directory("sort=name&sort=newest&verified=1&verified=0"))).toEqual([
      "error.param.repeated",
      "error.param.repeated",
    ]);
  });

  test("pages keep showing what the rest asks for", () => {
    const { query, problems } = experts("q=ai&area=it&offer=consulting&offer=free-lunch&page=0");
    expect(problems).toEqual([
      { key: "error.offer.unknown", params: { value: "free-lunch" } },
      { key: "error.page.invalid", params: { value: "0" } },
    ]);
    expect(query).toEqual({
      q: "ai",
      areas: ["it"],
      extra: ["consulting"],
      based: [],
      countries: [],
      verifiedOnly: false,
      page: 1,
    });
    expect(keys(requests("sector=mining"))).toEqual(["error.sector.unknown"]);
    // The experts' "Nơi làm việc" and country (docs/decisions/076): read, or named when unknown.
    expect(experts("based=abroad&country=JP").query).toMatchObject({ based: ["abroad"], countries: ["JP"] });
    expect(keys(experts("based=moon&country=VN"))).toEqual(["error.based.unknown", "error.country.unknown"]);
    // Only those whose affiliation is verified, spelled as the directory's filter; a bad value is named.
    expect(experts("verified=1").query).toMatchObject({ verifiedOnly: true });
    expect(keys(experts("verified=maybe"))).toEqual(["error.verified.invalid"]);
    const long = directory(`q=${"a".repeat(205)}&kind=lab`);
    expect(keys(long)).toEqual(["error.q.tooLong"]);
    expect(long.query).toMatchObject({ q: "a".repeat(200), kinds: ["lab"] });
  });

  test("too many values of one filter is one problem, and the filter is left out", () => {
    const many = experts(Array.from({ length: 21 }, (_, i) => `area=a${i}`).join("&"));
    expect(keys(many)).toEqual(["error.tooManyValues"]);
    expect(many.query.areas).toEqual([]);
  });

  test("pages read blanks and empty values as nothing, as forms send them", () => {
    expect(directory("q=&kind=&page=&sort=&verified=").problems).toEqual([]);
    expect(directory("kind=+lab+").query.kinds).toEqual(["lab"]);
  });
});
