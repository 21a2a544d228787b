import { beforeAll, describe, expect, test } from "vitest";
import { sortableName } from "#search/organization-document";
import { evaluateRelevance, formatRelevanceReport, relevanceSearchInput } from "#search/relevance/evaluate";
import { RELEVANCE_QUERIES } from "#search/relevance/queries";
import { searchDirectory } from "~/models/search-gateway.server";
import { prisma } from "~/db/client.server";
import { makeOrganization } from "../factories";
import { drainOutbox, engineIds, seedAndIndex, slugsOf } from "./helpers";

/** Search quality on the real seed data, the way people in Hanoi type. */
const directoryBase = {
  q: "",
  kinds: [] as string[],
  areas: [] as string[],
  fields: [] as string[],
  districts: [] as string[],
  verifiedOnly: false,
  sort: "relevance" as const,
  lang: "vi" as const,
  page: 1,
  perPage: 20,
};
beforeAll(async () => {
  await seedAndIndex();
});

async function top(q: string, count = 3) {
  return slugsOf(await engineIds(q, { limit: count }));
}

async function kindOf(slug: string) {
  return (await prisma.organization.findUniqueOrThrow({ where: { slug } })).kind;
}

describe("Vietnamese with or without marks", () => {
  test.each([
    ["dai hoc bach khoa ha noi", "hust"],
    ["Đại học Bách khoa Hà Nội", "hust"],
    ["vien toan hoc", "vast-institute-of-mathematics"],
    ["Viện Toán học", "vast-institute-of-mathematics"],
    ["vien hoa hoc", "vast-institute-of-chemistry"],
    ["hoc vien ky thuat mat ma", "kma"],
  ])("%s → %s first", async (q, slug) => {
    expect((await top(q, 1))[0]).toBe(slug);
  });

  test("phong thi nghiem vat lieu finds materials labs first", async () => {
    const slugs = await top("phong thi nghiem vat lieu", 3);
    expect(await kindOf(slugs[0]!)).toBe("lab");
    const kinds = await Promise.all(slugs.map(kindOf));
    expect(kinds.filter((kind) => kind === "lab").length).toBeGreaterThanOrEqual(2);
    const fields = await prisma.organizationField.findMany({
      where: { organization: { slug: slugs[0] } },
      select: { field: { select: { nameEn: true, parent: { select: { slug: true } } } } },
    });
    expect(fields.some(({ field }) => field.parent?.slug === "materials-nanotechnology")).toBe(true);
  });
});

describe("English finds Vietnamese", () => {
  test("materials lab finds the same labs", async () => {
    const slugs = await top("materials lab", 5);
    const kinds = await Promise.all(slugs.map(kindOf));
    expect(kinds.filter((kind) => kind === "lab").length).toBeGreaterThanOrEqual(3);
    expect(slugs).toContain("nkl-electronic-materials-devices");
  });

  test("an organization described only in Vietnamese is found by the English name of its field", async () => {
    const field = await prisma.field.findUniqueOrThrow({ where: { slug: "corrosion-protection" } });
    const organization = await makeOrganization({
      kind: "lab",
      nameEn: null,
      nameVi: "Phòng thí nghiệm Ăn mòn Kim loại Nhiệt đới",
      summaryVi: "Nghiên cứu độ bền của kim loại trong khí hậu nóng ẩm.",
      fieldIds: [field.id],
    });
    await drainOutbox();
    expect(await engineIds("corrosion protection", { limit: 5 })).toContain(organization.id);
    expect(await engineIds("an mon kim loai", { limit: 5 })).toContain(organization.id);
  });

  test("a field's aliases and acronyms find the listings of that field", async () => {
    // "TTNT" is in no listing's text, only among the aliases of "Trí tuệ nhân tạo".
    const tagged = await prisma.organization.findMany({
      where: { status: "published", fields: { some: { field: { slug: "artificial-intelligence" } } } },
      select: { slug: true },
    });
    expect(tagged.length).toBeGreaterThan(3);
    for (const q of ["TTNT", "ttnt"]) {
      const found = await top(q, 100);
      for (const { slug } of tagged) expect(found).toContain(slug);
    }
  });

  test("Vietnamese field names find organizations whose listing is in English only", async () => {
    // The seed's English summaries say "artificial intelligence"; the query is Vietnamese.
    const slugs = await top("tri tue nhan tao", 5);
    expect(slugs).toContain("hust-bkai");
  });
});

describe("how Vietnamese is written", () => {
  test("the i/y spellings find the same listings", async () => {
    const official = await engineIds("kỹ thuật", { limit: 50 });
    const school = await engineIds("kĩ thuật", { limit: 50 });
    // The synonym matches the phrase; the official spelling also matches its words apart.
    expect(school.length).toBeGreaterThan(official.length * 0.75);
    for (const id of school) expect(official).toContain(id);
    expect(await top("vien vat li", 3)).toContain("vast-institute-of-physics");
  });

  test("a district's name finds the listings in it", async () => {
    const inCauGiay = await prisma.organization.count({ where: { district: "cau-giay", status: "published" } });
    const result = await searchDirectory({ ...directoryBase, q: "cầu giấy", perPage: 100 });
    expect(result.total).toBeGreaterThanOrEqual(inCauGiay);
  });

  test("every word must match, so counts mean what they say", async () => {
    const biotech = await searchDirectory({ ...directoryBase, q: "công nghệ sinh học" });
    expect(biotech.partial).toBe(false);
    expect(biotech.total).toBeLessThan(40);
    // Nothing matches every word: the rarer words decide, and the page is told.
    const partial = await searchDirectory({ ...directoryBase, q: "vật liệu blockchain" });
    expect(partial.partial).toBe(true);
    expect(partial.total).toBeGreaterThan(0);
  });
});

describe("acronyms", () => {
  test.each([
    ["HUST", "hust"],
    ["VAST", "vast"],
    ["VNU", "vnu"],
    ["USTH", "usth"],
    ["ĐHQGHN", "vnu"],
    ["dhqghn", "vnu"],
    // Abbreviations from the Vietnamese name's initials, and their prefixes
    ["DHQG", "vnu"],
    ["ĐHQG", "vnu"],
    ["BKHN", "hust"],
  ])("%s → %s first", async (q, slug) => {
    expect((await top(q, 1))[0]).toBe(slug);
  });

  test("an acronym also finds the units of its organization", async () => {
    const slugs = await top("HUST", 8);
    expect(slugs).toEqual(expect.arrayContaining(["hust", "hust-bkai"]));
  });
});

describe("typos", () => {
  test.each([
    ["bach khao", "hust"],
    ["vietel", "viettel"],
    ["Viện Toán hcọ", "vast-institute-of-mathematics"],
  ])("%s → %s first", async (q, slug) => {
    expect((await top(q, 1))[0]).toBe(slug);
  });

  test("one typo in an English field still finds the field", async () => {
    const withField = await prisma.organization.findMany({
      where: { fields: { some: { field: { slug: "nanotechnology" } } } },
      select: { slug: true },
    });
    expect(withField.length).toBeGreaterThan(0);
    const found = await top("nanotechnolgy", 20);
    for (const { slug } of withField) expect(found).toContain(slug);
  });
});

describe("directory search", () => {
  const base = {
    q: "",
    kinds: [] as string[],
    areas: [] as string[],
    fields: [] as string[],
    districts: [] as string[],
    verifiedOnly: false,
    sort: "relevance" as const,
    lang: "vi" as const,
    page: 1,
    perPage: 20,
  };

  test("facets count the other values of a facet in use (disjunctive)", async () => {
    const all = await searchDirectory(base);
    const labs = await searchDirectory({ ...base, kinds: ["lab"] });
    expect(labs.mode).toBe("engine");
    expect(labs.total).toBe(all.facets.kind.lab);
    expect(labs.results.every(({ organization }) => organization.kind === "lab")).toBe(true);
    // The kind facet still shows every kind…
    expect(labs.facets.kind).toEqual(all.facets.kind);
    // …while the other facets count labs only.
    const labDistricts = Object.values(labs.facets.district).reduce((a, b) => a + b, 0);
    expect(labDistricts).toBeLessThanOrEqual(labs.total);
  });

  test("filters combine: kind, area, district, verified", async () => {
    const result = await searchDirectory({
      ...base,
      kinds: ["institute", "lab"],
      areas: ["materials-nanotechnology"],
      districts: ["cau-giay"],
      verifiedOnly: true,
    });
    expect(result.total).toBeGreaterThan(0);
    for (const { organization } of result.results) {
      expect(["institute", "lab"]).toContain(organization.kind);
      expect(organization.district).toBe("cau-giay");
      expect(organization.verified).toBe(true);
    }
  });

  test("sorts by name in the page's language and pages through", async () => {
    const page1 = await searchDirectory({ ...base, sort: "name", perPage: 10 });
    const page2 = await searchDirectory({ ...base, sort: "name", perPage: 10, page: 2 });
    const names = [...page1.results, ...page2.results].map(
      ({ organization }) => organization.nameVi ?? organization.nameEn!,
    );
    // Folded, without the legal form ("Công ty Cổ phần FPT" files under F).
    const keys = names.map(sortableName);
    expect(keys).toEqual([...keys].sort());
    expect(keys.some((key, i) => names[i]!.startsWith("Công ty") && !key.startsWith("cong ty"))).toBe(true);
    expect(new Set(names).size).toBe(20);
  });

  test("highlights the matched words", async () => {
    const result = await searchDirectory({ ...base, q: "vien toan" });
    // "Toán" is marked, alone or within a phrase the engine matched ("Toán học").
    expect(result.results[0]?.highlights.nameVi).toMatch(/^\uE000Viện\uE001 \uE000Toán[^\uE001]*\uE001/);
    // A summary's excerpt is marked by the app, around its first matched word.
    const withSummary = result.results.find(({ highlights }) => highlights.summaryVi);
    expect(withSummary?.highlights.summaryVi).toMatch(/\uE000(Viện|Toán|viện|toán)\uE001/);
  });
});

describe("the relevance set (search/relevance/, npm run eval:search)", () => {
  test("at least 95% of the queries find an expected listing in the top five, 90% of the problems", async () => {
    const report = await evaluateRelevance(RELEVANCE_QUERIES, async (q) =>
      (await searchDirectory(relevanceSearchInput(q))).results.map(({ organization }) => organization.slug),
    );
    const summary = formatRelevanceReport(report, { misses: true });
    expect(RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(150);
    expect(report.byCategory.problem!.count).toBeGreaterThanOrEqual(60);
    expect(report.overall.top5, summary).toBeGreaterThanOrEqual(0.95);
    expect(report.byCategory.problem!.top5, summary).toBeGreaterThanOrEqual(0.9);
  });
});

describe("the concept layer", () => {
  test("a problem's words are read as fields, whose listings come first; the chip's removal drops that", async () => {
    const read = await searchDirectory({ ...directoryBase, q: "chip", perPage: 5 });
    expect(read.concepts).toContain("integrated-circuits");
    const inChips = await prisma.organization.findMany({
      where: { fields: { some: { field: { slug: { in: read.concepts } } } } },
      select: { slug: true },
    });
    const chipSlugs = new Set(inChips.map(({ slug }) => slug));
    for (const { organization } of read.results) expect(chipSlugs).toContain(organization.slug);
    // The same matches, reordered: the count is the words' own.
    const literal = await searchDirectory({ ...directoryBase, q: "chip", perPage: 5, concepts: false });
    expect(literal.concepts).toEqual([]);
    expect(literal.total).toBe(read.total);
  });

  test("a name is not read as a field", async () => {
    expect((await searchDirectory({ ...directoryBase, q: "Viện Vật lý" })).concepts).toEqual([]);
    expect((await top("Viện Vật lý", 1))[0]).toBe("vast-institute-of-physics");
  });

  test("xử lý nước thải finds environmental engineering, not language processing", async () => {
    for (const q of ["xu ly nuoc thai", "xử lý nước thải", "wastewater treatment"]) {
      const result = await searchDirectory({ ...directoryBase, q, perPage: 3 });
      expect(result.partial).toBeFalsy();
      expect(result.concepts).toContain("environmental-engineering");
      expect(result.results.map(({ organization }) => organization.slug)).not.toContain("vbee");
    }
  });

  test.each([
    // Question phrasing: the filler words would leave nothing matching every word.
    ["where can I find angel investors", "venture-capital", "bk-fund hanoi-venture-capital-fund vinuni-elab"],
    // Matches by typo elsewhere ("gỉ"), none in the fields: searched again by the concept's words.
    ["thép bị gỉ ngoài trời", "corrosion-protection", "vast-itt vrtc"],
    // Typed with marks: an e-wallet, not microelectronics ("vi điện tử" folds alike).
    ["nhận thanh toán bằng ví điện tử", "digital-payments", "vnpay vnlife"],
  ])("%s reaches %s", async (q, field, expected) => {
    const result = await searchDirectory({ ...directoryBase, q, perPage: 5 });
    expect(result.concepts).toContain(field);
    const slugs = result.results.map(({ organization }) => organization.slug);
    expect(slugs.filter((slug) => expected.split(" ").includes(slug)).length, slugs.join(", ")).toBeGreaterThan(0);
  });
});
