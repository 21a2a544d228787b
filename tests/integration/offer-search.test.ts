import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/db/client.server";
import { offerFallbackStatements, searchOffers, type OfferQuery } from "~/models/offer-search.server";
import { NO_OFFER_FILTERS } from "~/utils/offer-query";
import { makeOffer, makeOrganization, word } from "../factories";
import { indexingClient, indexUid } from "#search/client";
import { requireSearchConfig } from "#search/config";
import { OFFERS_INDEX } from "#search/indexes";
import { markSearchableDataChanged } from "#search/outbox";
import { drainOutbox, seedAndIndex, withEngineDown } from "./helpers";

/**
 * Offers are found through the gateway (issue 17): every facet filters, in the
 * engine and in the database fallback alike; the concept layer puts offers in
 * the fields the words speak of first, and its chip's `concepts: false` does not.
 */
const token = word();
const other = word();
const ranked = word();
const ids = { service: "", equipment: "", technology: "", named: "", inField: "", byName: "", mentioned: "" };
const base: OfferQuery = {
  q: token,
  ...NO_OFFER_FILTERS,
  sort: "relevance",
  page: 1,
  perPage: 20,
  lang: "vi",
};

beforeAll(async () => {
  await seedAndIndex();
  const lab = await makeOrganization({ kind: "lab", district: "cau-giay" });
  const university = await makeOrganization({ kind: "university", district: "dong-da" });
  ids.service = (
    await makeOffer({
      organizationId: lab.id,
      nameVi: `Phân tích mẫu nước ${token}`,
      priceMode: "quote",
      fieldSlugs: ["food-technology"],
      publishedAt: new Date("2026-01-01"),
    })
  ).id;
  // An instrument stands in its own place, not its owner's.
  ids.equipment = (
    await makeOffer({
      type: "equipment",
      organizationId: university.id,
      nameVi: `Kính hiển vi ${token}`,
      accessMode: "self_use",
      district: "ba-dinh",
      ward: "nghia-do",
      publishedAt: new Date("2026-02-01"),
    })
  ).id;
  ids.technology = (
    await makeOffer({
      type: "technology",
      organizationId: lab.id,
      nameVi: `Bộ lọc gốm ${token}`,
      trl: 6,
      ipStatus: "granted_patent",
      publishedAt: new Date("2026-03-01"),
    })
  ).id;
  await makeOffer({ organizationId: lab.id, nameVi: `Bản nháp ${token}`, status: "draft" });
  await makeOffer({ organizationId: lab.id, nameVi: `Đã ẩn ${token}`, hiddenAt: new Date() });
  // One names the words outright, in another field; the other is in the field they speak of.
  const concepts = other;
  ids.named = (
    await makeOffer({ organizationId: lab.id, nameVi: `Xử lý nước thải ${concepts}`, fieldSlugs: ["food-technology"] })
  ).id;
  ids.inField = (
    await makeOffer({
      organizationId: lab.id,
      nameVi: `Công nghệ sạch ${concepts}`,
      fieldSlugs: ["environmental-engineering"],
    })
  ).id;
  // The words in one offer's names, in a newer one's description only: bm25 puts the names first.
  ids.byName = (
    await makeOffer({
      organizationId: lab.id,
      nameVi: `Đo quang phổ hồng ngoại ${ranked}`,
      nameEn: `Infrared spectroscopy ${ranked}`,
      publishedAt: new Date("2025-01-01"),
    })
  ).id;
  ids.mentioned = (
    await makeOffer({
      organizationId: lab.id,
      nameVi: "Phân tích thành phần vật liệu",
      descriptionVi: `Phân tích mẫu rắn và lỏng theo tiêu chuẩn, kết hợp với phép đo ${ranked} khi cần.`,
      publishedAt: new Date("2026-06-01"),
    })
  ).id;
  await drainOutbox();
}, 120_000);

/** Each facet alone, and what it must find among the three public offers. */
const FILTERS: [string, Partial<OfferQuery>, () => string[]][] = [
  ["type", { types: ["equipment"] }, () => [ids.equipment]],
  ["area", { areas: ["agriculture-forestry-food"] }, () => [ids.service]],
  ["field", { fields: ["food-technology"] }, () => [ids.service]],
  ["price mode", { priceModes: ["quote"] }, () => [ids.service]],
  ["access mode", { accessModes: ["self_use"] }, () => [ids.equipment]],
  ["owner's area", { districts: ["cau-giay"] }, () => [ids.technology, ids.service]],
  ["instrument's own area", { districts: ["ba-dinh"] }, () => [ids.equipment]],
  ["ward", { wards: ["nghia-do"] }, () => [ids.equipment]],
  ["organization kind", { kinds: ["university"] }, () => [ids.equipment]],
  ["TRL", { trls: [5, 6] }, () => [ids.technology]],
  ["IP status", { ipStatuses: ["granted_patent"] }, () => [ids.technology]],
  ["updated since", { updatedSince: new Date(Date.now() + 60_000) }, () => []],
  ["none, newest first", { sort: "newest" }, () => [ids.technology, ids.equipment, ids.service]],
];

describe("offer search", () => {
  test("only public offers are found, with counts per facet", async () => {
    const found = await searchOffers({ ...base, sort: "newest" });
    expect(found.mode).toBe("engine");
    expect(found.hits.map((hit) => hit.id)).toEqual([ids.technology, ids.equipment, ids.service]);
    expect(found.facets.type).toEqual({ service: 1, equipment: 1, technology: 1 });
    expect(found.facets.organizationKind).toEqual({ lab: 2, university: 1 });
    expect(found.facets.trl).toEqual({ "6": 1 });
  });

  test.each(FILTERS)(
    "the %s filter finds the same offers in the engine and the database",
    async (_name, filter, expected) => {
      const query = { ...base, sort: "newest" as const, ...filter };
      const engine = await searchOffers(query);
      expect(engine.mode).toBe("engine");
      expect(engine.hits.map((hit) => hit.id)).toEqual(expected());
      const database = await withEngineDown(() => searchOffers(query));
      expect(database.mode).toBe("database");
      expect(database.hits.map((hit) => hit.id)).toEqual(expected());
      expect(database.total).toBe(expected().length);
    },
  );

  test("unaccented words find accented offers in the database too", async () => {
    const found = await withEngineDown(() => searchOffers({ ...base, q: `kinh hien vi ${token}` }));
    expect(found.hits.map((hit) => hit.id)).toEqual([ids.equipment]);
    expect(found.concepts).toEqual([]);
  });

  test("the database ranks by bm25 over the FTS5 index: a name match above a newer description mention", async () => {
    const found = await withEngineDown(() => searchOffers({ ...base, q: ranked }));
    expect(found.mode).toBe("database");
    expect(found.hits.map((hit) => hit.id)).toEqual([ids.byName, ids.mentioned]);
    // A word being typed matches as the start of a longer word, and an inner part of a word does not.
    const typed = await withEngineDown(() => searchOffers({ ...base, q: `quang ${ranked.slice(0, -1)}` }));
    expect(typed.hits.map((hit) => hit.id)).toEqual([ids.byName]);
    const inner = await withEngineDown(() => searchOffers({ ...base, q: ranked.slice(2) }));
    expect(inner.total).toBe(0);
  });

  test("sorted by name in the page's language", async () => {
    const found = await searchOffers({ ...base, sort: "name" });
    // Bộ lọc, Kính, Phân tích: folded names in order.
    expect(found.hits.map((hit) => hit.id)).toEqual([ids.technology, ids.equipment, ids.service]);
  });

  test("the words are read as fields and their offers come first; concepts: false does not", async () => {
    const query = { ...base, q: `${other} nuoc thai` };
    const read = await searchOffers(query);
    expect(read.concepts).toContain("environmental-engineering");
    expect(read.hits.map((hit) => hit.id)).toEqual([ids.inField, ids.named]);
    const literal = await searchOffers({ ...query, concepts: false });
    expect(literal.concepts).toEqual([]);
    expect(literal.hits.map((hit) => hit.id)).toEqual([ids.named, ids.inField]);
  });
});

test("the owner's kind is looked up per offer by the owner's key, not gathered first as every offer of that kind", async () => {
  // At 100,000 listings the set of every offer of the 33,000 universities cost 110 ms to build on each
  // search; each lookup reads the narrow (id, status, kind) index alone, not the wide row (decision 083).
  for (const q of ["", token]) {
    const statements = offerFallbackStatements({ ...base, q, kinds: ["university"] });
    for (const statement of q ? [statements.matches, statements.ranked] : [statements.count, statements.page]) {
      const details = (
        await prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${statement.sql}`, ...statement.values)
      ).map((row) => row.detail);
      expect(
        details.some((detail) => /CORRELATED/.test(detail)),
        details.join("\n"),
      ).toBe(true);
      expect(
        details.some((detail) => /SEARCH g USING COVERING INDEX Organization_id_status_kind_idx \(id=\?/.test(detail)),
        details.join("\n"),
      ).toBe(true);
    }
  }
});

test("a page by name, with or without a type, is read in the order of an index, not sorted", async () => {
  // 20,000 instruments sorted for each page took 21 ms at the bench's 50,000 offers (decision 083).
  for (const lang of ["vi", "en"] as const)
    for (const types of [[], ["equipment"]]) {
      const statement = offerFallbackStatements({ ...base, lang, sort: "name", types }).page;
      const details = (
        await prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${statement.sql}`, ...statement.values)
      ).map((row) => row.detail);
      expect(
        details.filter((detail) => /TEMP B-TREE/.test(detail)),
        details.join("\n"),
      ).toEqual([]);
      const index = `Offer_status_${types.length ? "type_" : ""}hiddenAt_sortName${lang === "vi" ? "Vi" : "En"}_id_idx`;
      expect(
        details.some((detail) => new RegExp(`USING (COVERING )?INDEX ${index} `).test(detail)),
        details.join("\n"),
      ).toBe(true);
    }
});

describe("kept answers", () => {
  test("the same search again is answered as before until the data changes, then afresh", async () => {
    const q = word();
    const offer = await makeOffer({ nameVi: `Đo độ bền ${q}` });
    await drainOutbox();
    const query = { ...base, q };
    const ids = async () => (await searchOffers(query)).hits.map((hit) => hit.id);
    expect(await ids()).toEqual([offer.id]);
    // Removed from the engine behind the portal's back: nothing the data version sees.
    const config = requireSearchConfig();
    await indexingClient(config)
      .index(indexUid(OFFERS_INDEX.base, config))
      .deleteDocuments([offer.id])
      .waitTask({ timeout: 10_000 });
    expect(await ids()).toEqual([offer.id]);
    // Any write moves it, and the next search asks the engine again.
    await markSearchableDataChanged(prisma);
    expect(await ids()).toEqual([]);
  });
});
