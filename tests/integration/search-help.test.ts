import { beforeAll, describe, expect, test } from "vitest";
import { nameWords, noResultsHelp, searchSuggestions } from "~/models/search-help.server";
import { makeOffer, makeOrganization, word } from "../factories";
import { drainOutbox, orderAgainstTimer, seedAndIndex, withEngineDown } from "./helpers";

/**
 * "Did you mean" draws on a bounded vocabulary: the most frequent words of
 * published names, counted by one aggregated query (docs/decisions/048).
 */
const letters = () => Array.from({ length: 4 }, () => "bcdfghjklmnpqrstvxz"[Math.floor(Math.random() * 19)]).join("");

beforeAll(async () => {
  await seedAndIndex();
}, 120_000);

describe("did you mean", () => {
  test("a misspelt word of the seed's names is corrected", async () => {
    const help = await noResultsHelp("tap doan phenikka", "vi", null);
    expect(help.didYouMean).toBe("tap doan phenikaa");
  });

  test("between two words as close, the one more names use", async () => {
    const stem = letters();
    // The rare word first: a word list in reading order would offer it.
    await makeOrganization({ nameVi: `Phòng thí nghiệm ${stem}b`, nameEn: null });
    for (let i = 0; i < 3; i++) await makeOrganization({ nameVi: `Viện ${stem}c số ${i}`, nameEn: null });
    const help = await noResultsHelp(`${stem}a`, "vi", null);
    expect(help.didYouMean).toBe(`${stem}c`);
  });

  test("a name with a control character or quotes leaves the others' words usable", async () => {
    const stem = letters();
    await makeOrganization({ nameVi: `Viện "${stem}e" \\ \u0001 thử`, nameEn: null });
    await makeOrganization({ nameVi: `Trung tâm ${stem}e`, nameEn: `Centre ${stem}e` });
    expect((await noResultsHelp(`${stem}a`, "vi", null)).didYouMean).toBe(`${stem}e`);
    expect((await noResultsHelp("tap doan phenikka", "vi", null)).didYouMean).toBe("tap doan phenikaa");
  });
});

test("the names' words are counted off the app's thread: a timer set after the call fires before they come", async () => {
  // A second at 100,000 listings, on the first search without results after each change of the data.
  const { order, result } = await orderAgainstTimer(() => nameWords(100));
  expect(order).toEqual(["timer", "work"]);
  expect(result.length).toBeGreaterThan(0);
});

describe("the type-ahead on /offers", () => {
  test("suggests public offers by their names, from the engine and from the database alike", async () => {
    const token = word();
    const lab = await makeOrganization({ kind: "lab" });
    const offer = await makeOffer({
      type: "equipment",
      organizationId: lab.id,
      nameVi: `Máy nhiễu xạ tia X ${token}`,
      nameEn: `X-ray diffractometer ${token}`,
    });
    await makeOffer({ organizationId: lab.id, nameVi: `Bản nháp ${token}`, status: "draft" });
    await drainOutbox();
    const expected = { id: offer.id, name: `Máy nhiễu xạ tia X ${token}`, type: "equipment" };
    // As typed so far: the last word is the start of a longer one. The draft is never suggested.
    const typed = `nhieu xa ${token.slice(0, -1)}`;
    const engine = (await searchSuggestions(typed, "vi", "offers")).offers ?? [];
    expect(engine[0]).toEqual(expected);
    const database = (await withEngineDown(() => searchSuggestions(typed, "vi", "offers"))).offers ?? [];
    expect(database).toEqual([expected]);
    expect([...engine, ...database].some((found) => found.name.startsWith("Bản nháp"))).toBe(false);
    expect((await searchSuggestions(token, "en", "offers")).offers?.[0]?.name).toBe(`X-ray diffractometer ${token}`);
    // The other lists' boxes are not sent offers.
    expect((await searchSuggestions(token, "vi")).offers).toBeUndefined();
  });
});
