import { describe, expect, test } from "vitest";
import { canonicalQuery, savedSearchUrl, suggestedLabel } from "./saved-search";

describe("a saved search's query is its list's URL as the list writes it", () => {
  test("without the page, bad values or defaults, in the list's order", () => {
    expect(canonicalQuery("directory", "page=4&kind=lab&q=+vật+liệu+&sort=relevance&kind=spaceship")).toBe(
      "q=v%E1%BA%ADt+li%E1%BB%87u&kind=lab",
    );
    expect(canonicalQuery("experts", "offer=consulting&q=nano&page=2")).toBe("q=nano&offer=consulting");
    expect(canonicalQuery("requests", "requester=agency&sector=electronics&q=cảm biến")).toBe(
      "q=c%E1%BA%A3m+bi%E1%BA%BFn&sector=electronics&requester=agency",
    );
    expect(canonicalQuery("offers", "trl=4&type=equipment&sort=newest&page=9")).toBe(
      "type=equipment&trl=4&sort=newest",
    );
    expect(canonicalQuery("offers", "")).toBe("");
  });

  test("two spellings of one search are one saved search", () => {
    expect(canonicalQuery("experts", "q=nano&offer=consulting")).toBe(
      canonicalQuery("experts", "offer=consulting&q=nano&page=3"),
    );
  });

  test("opens at the list; the name starts from the words, else the filters", () => {
    expect(savedSearchUrl("offers", "q=x")).toBe("/offers?q=x");
    expect(savedSearchUrl("directory", "")).toBe("/directory");
    expect(suggestedLabel("q=c%E1%BA%A3m+bi%E1%BA%BFn&kind=lab")).toBe("cảm biến");
    expect(suggestedLabel("kind=lab&district=cau-giay&page=2")).toBe("lab, cau-giay");
    expect(suggestedLabel("")).toBe("");
  });
});
