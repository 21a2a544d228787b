import { describe, expect, test } from "vitest";
import { offersPageQuerySchema, readPageQuery } from "./list-queries";
import { offersSearch } from "./offer-query";

const read = (search: string) => readPageQuery(offersPageQuerySchema, new URLSearchParams(search));

describe("the /offers URL", () => {
  test("reads every facet, and writes back the same short URL", () => {
    const url =
      "q=kinh+hien+vi&type=equipment&area=agriculture-forestry-food&field=food-technology&price=quote" +
      "&access=self_use&district=cau-giay&ward=nghia-do&kind=lab&trl=3&trl=9&ip=open&sort=name&page=2&concepts=off";
    const { query, problems } = read(url);
    expect(problems).toEqual([]);
    expect(query).toMatchObject({ types: ["equipment"], trls: [3, 9], kinds: ["lab"], concepts: false });
    expect(offersSearch(query)).toBe(`/offers?${url}`);
  });

  test("a bad value is named, never dropped silently; the rest still applies", () => {
    const { query, problems } = read("type=spaceship&trl=10&trl=4&ip=secret&price=cheap&access=anyone&ward=paris");
    expect(problems.map((problem) => problem.key)).toEqual([
      "error.offerType.unknown",
      "error.priceMode.unknown",
      "error.accessMode.unknown",
      "error.ward.unknown",
      "error.trl.unknown",
      "error.ipStatus.unknown",
    ]);
    expect(query.trls).toEqual([4]);
    expect(offersSearch(query)).toBe("/offers?trl=4");
  });
});
