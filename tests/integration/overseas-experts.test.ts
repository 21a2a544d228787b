import { beforeAll, describe, expect, test } from "vitest";
import { searchExperts, type ListingQuery } from "~/models/search-gateway.server";
import { saveProfile } from "~/models/expert.server";
import { getOverseasSummary } from "~/models/overseas.server";
import { searchListingPage } from "~/models/listing-page.server";
import { listExperts, showExpert } from "~/api/experts.server";
import { prisma } from "~/db/client.server";
import { ExpertProfileSchema } from "~/validation/expert";
import { makeUser, word } from "../factories";
import { drainOutbox, seedAndIndex, withEngineDown } from "./helpers";

/**
 * Overseas experts (docs/decisions/076): the profile saved abroad or at home, the "Nơi làm
 * việc" facet and the country filter in the engine and the database fallback (the same
 * answer), the network's figures, the API's fields, and the reserved slug.
 */
const token = word();
const ids = { japan: "", germany: "", home: "" };
const slugs = { japan: "" };

async function profile(fullName: string, overseas: Record<string, unknown>) {
  const user = await makeUser({ label: "overseas", accountType: "researcher", password: null });
  const input = ExpertProfileSchema.parse({
    intent: "publish",
    title: "ts",
    fullName,
    fieldSlugs: ["solar-energy"],
    keywords: `${token}, pin mặt trời`,
    bioVi: `Nghiên cứu pin mặt trời ${token}.`,
    ...overseas,
  });
  const saved = await saveProfile(user.id, input);
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  return prisma.expertProfile.findUniqueOrThrow({ where: { userId: user.id }, select: { id: true, slug: true } });
}

beforeAll(async () => {
  await seedAndIndex();
  const japan = await profile("Chuyên Gia Nhật", {
    country: "JP",
    institutionAbroad: "Đại học ví dụ, Kyoto",
    workModes: ["remote_advice", "co_supervision"],
    languages: ["vi", "ja"],
  });
  ids.japan = japan.id;
  slugs.japan = japan.slug;
  ids.germany = (
    await profile("Chuyên Gia Đức", {
      country: "DE",
      institutionAbroad: "Viện ví dụ, Berlin",
      workModes: "visits",
      languages: "de",
    })
  ).id;
  // At home: what the section held is not kept.
  ids.home = (await profile("Chuyên Gia Trong Nước", { institutionAbroad: "bỏ qua", workModes: "visits" })).id;
  await drainOutbox();
}, 120_000);

describe("the profile", () => {
  test("abroad keeps the whole section; at home keeps none of it", async () => {
    const japan = await prisma.expertProfile.findUniqueOrThrow({ where: { id: ids.japan } });
    expect(japan).toMatchObject({
      country: "JP",
      institutionAbroad: "Đại học ví dụ, Kyoto",
      workModes: "remote_advice\nco_supervision",
      languages: "vi\nja",
    });
    const home = await prisma.expertProfile.findUniqueOrThrow({ where: { id: ids.home } });
    expect(home).toMatchObject({ country: null, institutionAbroad: null, workModes: "", languages: "" });
  });

  test('no profile takes the slug "overseas" (the network page\'s path)', async () => {
    const user = await makeUser({ label: "overseas", accountType: "researcher", password: null });
    const input = ExpertProfileSchema.parse({
      intent: "save-draft",
      title: "none",
      fullName: "Overseas",
      fieldSlugs: ["solar-energy"],
      bioVi: "x",
    });
    const saved = await saveProfile(user.id, input);
    expect(saved.ok && saved.slug).not.toBe("overseas");
  });
});

describe("the 'Nơi làm việc' facet and the country filter", () => {
  const query: ListingQuery = { q: token, areas: [], fields: [], extra: [], page: 1, perPage: 20 };
  const idsOf = (found: { hits: { id: string }[] }) => new Set(found.hits.map((hit) => hit.id));

  test("the engine counts and filters; the database fallback filters the same way", async () => {
    const all = await searchExperts(query);
    expect(all.mode).toBe("engine");
    expect(idsOf(all)).toEqual(new Set([ids.japan, ids.germany, ids.home]));
    expect(all.facets.overseas).toEqual({ true: 2, false: 1 });
    expect(all.facets.country).toEqual({ JP: 1, DE: 1 });
    for (const [filters, expected] of [
      [{ based: ["abroad"] }, [ids.japan, ids.germany]],
      [{ based: ["domestic"] }, [ids.home]],
      [{ based: ["abroad", "domestic"] }, [ids.japan, ids.germany, ids.home]],
      [{ based: ["abroad"], countries: ["JP"] }, [ids.japan]],
      [{ countries: ["DE", "JP"] }, [ids.japan, ids.germany]],
      [{ based: ["domestic"], countries: ["JP"] }, []],
    ] as const) {
      const search = { ...query, based: [...(filters.based ?? [])], countries: [...(filters.countries ?? [])] };
      const engine = await searchExperts(search);
      const database = await withEngineDown(() => searchExperts(search));
      expect(database.mode).toBe("database");
      expect(idsOf(engine), JSON.stringify(filters)).toEqual(new Set(expected));
      expect(idsOf(database), JSON.stringify(filters)).toEqual(new Set(expected));
    }
  });

  test("the page reads ?based= and ?country= from its URL, names a bad country, and offers the countries once abroad", async () => {
    const url = (search: string) => new URL(`https://portal.example/experts?q=${token}&${search}`);
    const abroad = await searchListingPage("experts", url("based=abroad"), "vi");
    expect(new Set(abroad.ids)).toEqual(new Set([ids.japan, ids.germany]));
    expect(abroad.based.find((option) => option.value === "abroad")).toMatchObject({ selected: true, count: 2 });
    expect(abroad.countries.map((option) => option.label)).toEqual(["Đức", "Nhật Bản"]);
    const home = await searchListingPage("experts", url("based=domestic"), "vi");
    expect(home.countries).toEqual([]);
    const bad = await searchListingPage("experts", url("country=VN"), "vi");
    expect(bad.problems).toEqual([{ key: "error.country.unknown", params: { value: "VN" } }]);
    const fallback = await withEngineDown(() => searchListingPage("experts", url("based=abroad"), "vi"));
    expect(new Set(fallback.ids)).toEqual(new Set([ids.japan, ids.germany]));
    expect(fallback.countries.map((option) => option.value)).toEqual(expect.arrayContaining(["DE", "JP"]));
  });
});

describe("a country's name is search text", () => {
  test('"Phần Lan", "phan lan" and "Finland" find the experts based in Finland, in the engine and the database', async () => {
    // Nothing in this profile names Finland but its country's code (nor carries this file's token).
    const finland = await profile("Chuyên Gia Bắc Âu", {
      country: "FI",
      institutionAbroad: "Đại học ví dụ, Helsinki",
      workModes: "remote_advice",
      languages: "en",
      keywords: `${word()}, pin mặt trời`,
      bioVi: "Nghiên cứu pin mặt trời ở Bắc Âu.",
    });
    await drainOutbox();
    const others = [ids.japan, ids.germany, ids.home];
    for (const q of ["Phần Lan", "phan lan", "Finland", "finland"]) {
      const search: ListingQuery = { q, areas: [], fields: [], extra: [], page: 1, perPage: 100 };
      const engine = await searchExperts(search);
      const database = await withEngineDown(() => searchExperts(search));
      expect([engine.mode, database.mode]).toEqual(["engine", "database"]);
      for (const found of [engine, database]) {
        const hits = found.hits.map((hit) => hit.id);
        expect(hits, `${q} (${found.mode})`).toContain(finland.id);
        for (const other of others) expect(hits, `${q} (${found.mode})`).not.toContain(other);
      }
    }
    // And Japan's, in both languages.
    for (const q of ["Nhật Bản", "nhat ban", "Japan"]) {
      const search: ListingQuery = { q, areas: [], fields: [], extra: [], page: 1, perPage: 100 };
      for (const found of [await searchExperts(search), await withEngineDown(() => searchExperts(search))])
        expect(
          found.hits.map((hit) => hit.id),
          `${q} (${found.mode})`,
        ).toContain(ids.japan);
    }
  });
});

describe("the network's figures and the API", () => {
  test("counts by country and by field group, from the database", async () => {
    const summary = await getOverseasSummary();
    expect(summary.total).toBeGreaterThanOrEqual(2);
    expect(summary.byCountry).toEqual(
      expect.arrayContaining([
        { code: "JP", count: expect.any(Number) },
        { code: "DE", count: expect.any(Number) },
      ]),
    );
    expect(summary.byArea.reduce((sum, area) => sum + area.count, 0)).toBeGreaterThanOrEqual(2);
  });

  test("the API's experts carry country, institutionAbroad, workModes and languages", async () => {
    const origin = "https://portal.example";
    const detail = (await showExpert({
      params: { slug: slugs.japan },
      url: new URL(`${origin}/api/v1/experts/${slugs.japan}`),
      origin,
    } as never)) as { data: Record<string, unknown> };
    expect(detail.data).toMatchObject({
      country: "JP",
      institutionAbroad: "Đại học ví dụ, Kyoto",
      workModes: ["remote_advice", "co_supervision"],
      languages: ["vi", "ja"],
    });
    const list = (await listExperts({
      params: {},
      url: new URL(`${origin}/api/v1/experts?q=${token}`),
      origin,
    } as never)) as { data: Record<string, unknown>[] };
    const bySlug = new Map(list.data.map((row) => [row.slug, row]));
    expect(bySlug.get(slugs.japan)).toMatchObject({ country: "JP", workModes: ["remote_advice", "co_supervision"] });
    const home = list.data.find((row) => row.country === null);
    expect(home).toMatchObject({ institutionAbroad: null, workModes: [], languages: [] });
  });

  test("the API's experts filter by based and country, as the page's URL does, in the engine and the database", async () => {
    const origin = "https://portal.example";
    const slugsFor = async (search: string) => {
      const list = (await listExperts({
        params: {},
        url: new URL(`${origin}/api/v1/experts?q=${token}&${search}`),
        origin,
      } as never)) as { data: { slug: string; country: string | null }[]; degraded: boolean };
      return list.data.map((row) => row.country ?? "home").sort();
    };
    for (const [search, expected] of [
      ["based=abroad", ["DE", "JP"]],
      ["based=domestic", ["home"]],
      ["country=JP", ["JP"]],
      ["country=JP&country=DE", ["DE", "JP"]],
      ["based=abroad&country=DE", ["DE"]],
    ] as const) {
      expect(await slugsFor(search), search).toEqual(expected);
      expect(await withEngineDown(() => slugsFor(search)), `${search}, engine down`).toEqual(expected);
    }
    for (const search of ["country=VN", "country=jp", "based=mars"])
      await expect(slugsFor(search), search).rejects.toMatchObject({ status: 400, code: "invalid_parameter" });
  });
});
