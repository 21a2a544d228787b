import { describe, expect, test } from "vitest";
import { directorySearch, MAX_PAGE, parseDirectoryQuery } from "./directory-query";

const parse = (search: string) => parseDirectoryQuery(new URLSearchParams(search));

describe("parseDirectoryQuery", () => {
  test("reads every parameter", () => {
    const { query, problems } = parse(
      "q=+vat+lieu+&kind=lab&kind=institute&area=materials-nanotechnology&field=nanomaterials&district=cau-giay&verified=1&sort=name&page=3",
    );
    expect(problems).toEqual([]);
    expect(query).toEqual({
      q: "vat lieu",
      kinds: ["lab", "institute"],
      areas: ["materials-nanotechnology"],
      fields: ["nanomaterials"],
      districts: ["cau-giay"],
      verifiedOnly: true,
      sort: "name",
      page: 3,
    });
  });

  test("defaults when empty", () => {
    expect(parse("").query).toEqual({
      q: "",
      kinds: [],
      areas: [],
      fields: [],
      districts: [],
      verifiedOnly: false,
      sort: "relevance",
      page: 1,
    });
  });

  test("reports unknown and malformed values instead of passing them on", () => {
    const { query, problems } = parse(
      'kind=spaceship&district=paris&field=x"%20OR%20status%3D"draft&sort=random&verified=maybe',
    );
    expect(problems.map((problem) => problem.key)).toEqual([
      "error.kind.unknown",
      "error.field.unknown",
      "error.district.unknown",
      "error.verified.invalid",
      "error.sort.unknown",
    ]);
    expect(query.kinds).toEqual([]);
    expect(query.fields).toEqual([]);
    expect(query.districts).toEqual([]);
  });

  test("rejects over-long queries and bad page numbers", () => {
    expect(parse(`q=${"a".repeat(201)}`).problems[0]?.key).toBe("error.q.tooLong");
    for (const page of ["0", "-1", "1.5", "abc", "99999999999"]) {
      expect(parse(`page=${page}`).problems[0]?.key).toBe("error.page.invalid");
    }
    expect(parse(`page=${MAX_PAGE + 1}`).problems[0]?.key).toBe("error.page.tooLarge");
  });

  test("limits how many values one filter takes", () => {
    const many = Array.from({ length: 25 }, (_, i) => `field=f${i}`).join("&");
    expect(parse(many).problems[0]?.key).toBe("error.tooManyValues");
  });
});

describe("directorySearch", () => {
  test("round-trips through the parser and leaves defaults out", () => {
    const search = directorySearch({ q: "AI", kinds: ["lab"], verifiedOnly: true, sort: "relevance", page: 1 });
    expect(search).toBe("?q=AI&kind=lab&verified=1");
    expect(parse(search.slice(1)).query.kinds).toEqual(["lab"]);
    expect(directorySearch({})).toBe("");
  });
});

describe("the concept chip's removal", () => {
  test("concepts=off round-trips; on keeps the reading; any other value is reported", () => {
    const search = directorySearch({ q: "nước thải", concepts: false });
    expect(parse(search.slice(1)).query.concepts).toBe(false);
    expect(parse("q=x&concepts=on").query.concepts).toBeUndefined();
    const bad = parse("q=x&concepts=maybe");
    expect(bad.query.concepts).toBeUndefined();
    expect(bad.problems).toEqual([{ key: "error.concepts.unknown", params: { value: "maybe" } }]);
    expect(directorySearch({ q: "x", concepts: true })).toBe("?q=x");
  });
});
