import { beforeAll, describe, expect, test } from "vitest";
import { noResultsHelp } from "~/models/search-help.server";
import { makeOrganization } from "../factories";
import { seedAndIndex } from "./helpers";

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
