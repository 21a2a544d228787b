import { describe, expect, test } from "vitest";
import { ApiError } from "./errors";
import {
  checkPageInRange,
  expandFields,
  parseEventQuery,
  parseExpertQuery,
  parseNoParameters,
  parseOrganizationQuery,
  parseRequestQuery,
} from "./params";

const organizations = (search: string) => parseOrganizationQuery(new URLSearchParams(search));

/** The error a parse throws, as status and code. */
function refusal(parse: () => unknown) {
  try {
    parse();
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected the parse to refuse");
}

describe("parseOrganizationQuery", () => {
  test("reads every parameter, repeated filters as lists", () => {
    expect(
      organizations(
        "q=+vat++lieu+&kind=lab&kind=institute&field=nanomaterials&district=cau-giay&verified=true&sort=name&lang=en&page=3&perPage=50",
      ),
    ).toEqual({
      q: "vat lieu",
      kinds: ["lab", "institute"],
      fields: ["nanomaterials"],
      districts: ["cau-giay"],
      wards: [],
      verifiedOnly: true,
      sort: "name",
      lang: "en",
      page: 3,
      perPage: 50,
    });
  });

  test("defaults", () => {
    expect(organizations("")).toEqual({
      q: "",
      kinds: [],
      fields: [],
      districts: [],
      wards: [],
      verifiedOnly: false,
      sort: "relevance",
      lang: "vi",
      page: 1,
      perPage: 20,
    });
  });

  test("area (or its older name district) and ward are separate filters", () => {
    expect(organizations("area=cau-giay&district=dong-da&ward=cau-giay")).toMatchObject({
      districts: ["cau-giay", "dong-da"],
      wards: ["cau-giay"],
    });
    expect(organizations("ward=phu-dien")).toMatchObject({ districts: [], wards: ["phu-dien"] });
  });

  test("an empty q is no words; control characters are dropped from q", () => {
    expect(organizations("q=&kind=lab")).toMatchObject({ q: "", kinds: ["lab"] });
    expect(organizations("q=a%00b")).toMatchObject({ q: "a b" });
  });

  test("a filter repeated with the same value counts each time, and is searched once", () => {
    expect(organizations(Array(20).fill("kind=lab").join("&"))).toMatchObject({ kinds: ["lab"] });
    expect(refusal(() => organizations(Array(21).fill("field=ai").join("&")))).toMatchObject({
      code: "invalid_parameter",
    });
  });

  test.each([
    ["kind=spaceship", "invalid_parameter", /Unknown kind "spaceship"/],
    ["district=paris", "invalid_parameter", /Unknown district/],
    ["field=Not%20A%20Slug", "invalid_parameter", /Unknown field/],
    ["verified=maybe", "invalid_parameter", /true or false/],
    ["sort=random", "invalid_parameter", /relevance, name, newest/],
    ["lang=fr", "invalid_parameter", /vi, en/],
    ["page=0", "invalid_parameter", /whole number/],
    ["page=-1", "invalid_parameter", /whole number/],
    ["page=abc", "invalid_parameter", /whole number/],
    ["page=1e3", "invalid_parameter", /whole number/],
    ["perPage=101", "invalid_parameter", /at most 100/],
    ["perPage=0", "invalid_parameter", /whole number/],
    ["page=1&page=2", "invalid_parameter", /only once/],
    ["page=101&perPage=100", "page_out_of_range", /first 10000/],
    ["q=" + "a".repeat(201), "invalid_parameter", /200 characters/],
    ["kinds=lab", "unknown_parameter", /Unknown parameter "kinds"/],
    ["areas=x", "unknown_parameter", /accepts q, kind, field, area, district, ward/],
    // The area is a former district, the ward today's unit: neither stands for the other.
    ["area=phu-dien", "invalid_parameter", /Unknown area "phu-dien"/],
    ["ward=bac-tu-liem", "invalid_parameter", /Unknown ward or commune "bac-tu-liem"/],
    [Array.from({ length: 21 }, (_, i) => `field=f${i}`).join("&"), "invalid_parameter", /at most 20 times/],
    // Bad values are refused, never ignored: empty ones, and spellings the document does not give.
    ["page=", "invalid_parameter", /whole number/],
    ["perPage=", "invalid_parameter", /whole number/],
    ["sort=", "invalid_parameter", /relevance, name, newest/],
    ["lang=", "invalid_parameter", /vi, en/],
    ["verified=", "invalid_parameter", /true or false/],
    ["verified=1", "invalid_parameter", /true or false/],
    ["verified=0", "invalid_parameter", /true or false/],
    ["kind=", "invalid_parameter", /may not be empty/],
    ["kind=lab&kind=", "invalid_parameter", /may not be empty/],
    ["kind=%20lab", "invalid_parameter", /Unknown kind/],
    ["field=", "invalid_parameter", /may not be empty/],
    ["district=", "invalid_parameter", /may not be empty/],
    // maxLength counts the value as sent, in characters.
    ["q=a" + "%20".repeat(200), "invalid_parameter", /200 characters/],
    ["q=" + "%F0%9F%98%80".repeat(150), "ok", /./],
  ])("%s → 400 %s", (search, code, message) => {
    if (code === "ok") return void expect(() => organizations(search)).not.toThrow();
    const error = refusal(() => organizations(search));
    expect(error).toMatchObject({ status: 400, code });
    expect(error.message).toMatch(message);
  });

  test("a value echoed in a message is shortened and loses quotes and control characters", () => {
    const error = refusal(() => organizations(`kind=${encodeURIComponent('x"\n' + "y".repeat(100))}`));
    expect(error.message).toContain(`"x${"y".repeat(39)}…"`);
  });
});

describe("experts and requests", () => {
  test("take their own filters and refuse the others'", () => {
    expect(parseExpertQuery(new URLSearchParams("offer=consulting&field=ai&perPage=5"))).toEqual({
      q: "",
      fields: ["ai"],
      offers: ["consulting"],
      based: [],
      countries: [],
      verifiedOnly: false,
      page: 1,
      perPage: 5,
    });
    expect(parseRequestQuery(new URLSearchParams("sector=ict"))).toMatchObject({ sectors: ["ict"] });
    expect(refusal(() => parseExpertQuery(new URLSearchParams("kind=lab")))).toMatchObject({
      code: "unknown_parameter",
    });
    expect(refusal(() => parseRequestQuery(new URLSearchParams("sector=mining")))).toMatchObject({
      code: "invalid_parameter",
    });
    expect(refusal(() => parseExpertQuery(new URLSearchParams("offer=free-lunch")))).toMatchObject({
      code: "invalid_parameter",
    });
    expect(refusal(() => parseExpertQuery(new URLSearchParams("offer=")))).toMatchObject({ code: "invalid_parameter" });
    expect(refusal(() => parseRequestQuery(new URLSearchParams("sector=&page=2")))).toMatchObject({
      code: "invalid_parameter",
    });
  });

  test("experts whose affiliation is verified: verified=true, as the organizations' verified filter", () => {
    expect(parseExpertQuery(new URLSearchParams("verified=true"))).toMatchObject({ verifiedOnly: true });
    expect(parseExpertQuery(new URLSearchParams("verified=false"))).toMatchObject({ verifiedOnly: false });
    for (const search of ["verified=1", "verified=yes", "verified="])
      expect(
        refusal(() => parseExpertQuery(new URLSearchParams(search))),
        search,
      ).toMatchObject({
        code: "invalid_parameter",
        message: expect.stringContaining("must be true or false"),
      });
  });

  test('experts abroad: based and country, as the experts page\'s "Nơi làm việc" encodes them', () => {
    expect(parseExpertQuery(new URLSearchParams("based=abroad&country=JP&country=FR"))).toMatchObject({
      based: ["abroad"],
      countries: ["JP", "FR"],
    });
    expect(parseExpertQuery(new URLSearchParams("based=domestic"))).toMatchObject({ based: ["domestic"] });
    for (const search of ["country=XX", "country=jp", "country=VN", "country=", "based=mars"])
      expect(
        refusal(() => parseExpertQuery(new URLSearchParams(search))),
        search,
      ).toMatchObject({
        status: 400,
        code: "invalid_parameter",
      });
    expect(refusal(() => parseExpertQuery(new URLSearchParams("country=XX"))).message).toMatch(
      /Unknown country "XX" in "country" \(an ISO 3166-1 alpha-2 code/,
    );
  });

  test("an endpoint without parameters says so", () => {
    expect(refusal(() => parseNoParameters(new URLSearchParams("x=1"))).message).toBe(
      'Unknown parameter "x"; this endpoint takes no parameters.',
    );
  });
});

describe("events", () => {
  const events = (search: string) => parseEventQuery(new URLSearchParams(search));

  test("read the /events page's filters under the API's names, upcoming by default", () => {
    expect(events("")).toEqual({
      q: "",
      when: "upcoming",
      kinds: [],
      formats: [],
      districts: [],
      fields: [],
      organizers: [],
      page: 1,
      perPage: 20,
    });
    expect(
      events(
        "q=ai&when=past&kind=workshop&kind=demo_day&format=online&area=cau-giay&field=ai&organizer=hust&perPage=5",
      ),
    ).toEqual({
      q: "ai",
      when: "past",
      kinds: ["workshop", "demo_day"],
      formats: ["online"],
      districts: ["cau-giay"],
      fields: ["ai"],
      organizers: ["hust"],
      page: 1,
      perPage: 5,
    });
  });

  test.each([
    ["when=tomorrow", "invalid_parameter", /"when" must be one of upcoming, past \(got "tomorrow"\)/],
    ["when=", "invalid_parameter", /"when"/],
    ["kind=party", "invalid_parameter", /Unknown kind "party" in "kind"/],
    ["format=radio", "invalid_parameter", /Unknown format "radio" in "format"/],
    ["area=paris", "invalid_parameter", /Unknown area "paris" in "area"/],
    ["organizer=Not%20A%20Slug", "invalid_parameter", /Unknown organizer/],
    ["kind=", "invalid_parameter", /"kind" may not be empty/],
    ["district=cau-giay", "unknown_parameter", /Unknown parameter "district"/],
    ["offer=consulting", "unknown_parameter", /Unknown parameter "offer"/],
    ["perPage=101", "invalid_parameter", /"perPage" may be at most 100/],
  ])("%s is refused (%s)", (search, code, message) => {
    const refused = refusal(() => events(search));
    expect(refused).toMatchObject({ status: 400, code });
    expect(refused.message).toMatch(message);
  });
});

describe("expandFields", () => {
  const taxonomy = {
    fields: [
      { slug: "ai", areaSlug: "computing" },
      { slug: "networks", areaSlug: "computing" },
      { slug: "soil", areaSlug: "agriculture" },
    ],
    bySlug: new Map([
      ["computing", { areaSlug: null }],
      ["agriculture", { areaSlug: null }],
      ["empty-area", { areaSlug: null }],
      ["ai", { areaSlug: "computing" }],
      ["networks", { areaSlug: "computing" }],
      ["soil", { areaSlug: "agriculture" }],
    ]),
  };

  test("an area stands for its fields; fields stay as they are", () => {
    expect(expandFields(["computing", "soil"], taxonomy).sort()).toEqual(["ai", "computing", "networks", "soil"]);
    expect(expandFields([], taxonomy)).toEqual([]);
  });

  test("an area without fields still filters (never an empty filter)", () => {
    expect(expandFields(["empty-area"], taxonomy)).toEqual(["empty-area"]);
  });

  test("an unknown slug is a 400", () => {
    expect(refusal(() => expandFields(["quantum-baking"], taxonomy))).toMatchObject({
      status: 400,
      code: "invalid_parameter",
    });
  });
});

describe("checkPageInRange", () => {
  test("page 1 of nothing is fine; past the last page is not", () => {
    expect(() => checkPageInRange({ page: 1, perPage: 20 }, 0)).not.toThrow();
    expect(() => checkPageInRange({ page: 3, perPage: 20 }, 41)).not.toThrow();
    expect(refusal(() => checkPageInRange({ page: 4, perPage: 20 }, 41))).toMatchObject({ code: "page_out_of_range" });
    expect(refusal(() => checkPageInRange({ page: 2, perPage: 20 }, 0))).toMatchObject({ code: "page_out_of_range" });
  });
});

describe("every list endpoint refuses a bad value with a message naming it", () => {
  test.each([
    ["organizations", parseOrganizationQuery, "kind=lab&kind=spaceship", /Unknown kind "spaceship" in "kind"/],
    ["organizations", parseOrganizationQuery, "sort=name&sort=name", /"sort" may be given only once/],
    ["experts", parseExpertQuery, "offer=free-lunch", /Unknown offer "free-lunch" in "offer"/],
    ["experts", parseExpertQuery, "q=a&q=b", /"q" may be given only once/],
    ["requests", parseRequestQuery, "sector=mining", /Unknown sector "mining" in "sector"/],
    ["requests", parseRequestQuery, "perPage=500", /"perPage" may be at most 100 \(got 500\)/],
  ])("API %s: %s is refused with a message naming it", (_, parse, search, message) => {
    expect(() => parse(new URLSearchParams(search))).toThrow(message);
  });
});
