import { beforeAll, describe, expect, test } from "vitest";
import { enqueueSearchSync } from "#search/outbox";
import {
  expertFallbackStatements,
  requestFallbackStatements,
  searchExperts,
  searchOpenRequests,
  type ListingQuery,
} from "~/models/search-gateway.server";
import { refreshExpertSearchText } from "~/models/expert.server";
import { refreshRequestSearchText } from "~/models/request.server";
import { prisma, readRows } from "~/db/client.server";
import { makeUser, word } from "../factories";
import { drainOutbox, seedAndIndex, withEngineDown } from "./helpers";

/**
 * Experts and requests read a query through the same concept layer as the
 * directory (docs/decisions/044, 048): listings in the fields its words speak
 * of come first, the same matches reordered; `concepts: false` searches the words alone.
 */
const token = word();
const ids = { expertOff: "", expertIn: "", requestOff: "", requestIn: "" };
const base: ListingQuery = { q: `${token} nuoc thai`, areas: [], fields: [], extra: [], page: 1, perPage: 20 };

const publishedIn = (fieldId: string) => ({ publishedAt: new Date(), fields: { create: [{ fieldId }] } });
const fieldId = async (slug: string) => (await prisma.field.findUniqueOrThrow({ where: { slug } })).id;

async function indexed(kind: "expert" | "request", id: string) {
  await enqueueSearchSync(prisma, kind, [id]);
  return id;
}

async function expert(keywords: string, field: string) {
  const user = await makeUser({ label: "concepts", accountType: "researcher" });
  const created = await prisma.expertProfile.create({
    data: {
      userId: user.id,
      slug: `concepts-${word()}`,
      fullName: `Chuyên gia ${token}`,
      keywords,
      status: "published",
      ...publishedIn(await fieldId(field)),
    },
  });
  await refreshExpertSearchText(created.id, prisma);
  return indexed("expert", created.id);
}

async function request(title: string, field: string) {
  const author = await makeUser({ label: "concepts-author" });
  const created = await prisma.techRequest.create({
    data: {
      authorId: author.id,
      companyName: "Công ty Thử",
      sector: "agriculture_food",
      companySize: "small",
      title,
      problem: "Cần một giải pháp phù hợp.",
      desiredOutcome: "Quy trình được thử nghiệm.",
      trl: 4,
      budget: "to_discuss",
      deadline: new Date(Date.now() + 30 * 86_400_000),
      visibility: "public",
      status: "open",
      ...publishedIn(await fieldId(field)),
    },
  });
  await refreshRequestSearchText(created.id, prisma);
  return indexed("request", created.id);
}

beforeAll(async () => {
  await seedAndIndex();
  // One names the words outright, in the wrong field; the other is in the field the words speak of.
  ids.expertOff = await expert("nước thải, xử lý nước thải", "food-technology");
  ids.expertIn = await expert("công nghệ sạch", "environmental-engineering");
  ids.requestOff = await request(`Xử lý nước thải ${token}`, "food-technology");
  ids.requestIn = await request(`Đặt hàng công nghệ ${token}`, "environmental-engineering");
  await drainOutbox();
}, 120_000);

describe.each([
  ["experts", searchExperts, () => [ids.expertIn, ids.expertOff]],
  ["requests", searchOpenRequests, () => [ids.requestIn, ids.requestOff]],
] as const)("the %s search", (_name, search, expected) => {
  test("reads the words as fields and puts their listings first; concepts: false does not", async () => {
    const [inField, named] = expected();
    const read = await search(base);
    expect(read.mode).toBe("engine");
    expect(read.concepts).toContain("environmental-engineering");
    expect(read.hits.map((hit) => hit.id)).toEqual([inField, named]);
    const literal = await search({ ...base, concepts: false });
    expect(literal.concepts).toEqual([]);
    // The same matches: the words' own ranking puts the listing that names them first.
    expect(literal.total).toBe(read.total);
    expect(literal.hits.map((hit) => hit.id)).toEqual([named, inField]);
  });

  test("a second page continues the boosted order", async () => {
    const [inField, named] = expected();
    const first = await search({ ...base, perPage: 1 });
    const second = await search({ ...base, perPage: 1, page: 2 });
    expect([...first.hits, ...second.hits].map((hit) => hit.id)).toEqual([inField, named]);
  });
});

describe.each([
  ["experts", searchExperts, expertFallbackStatements, () => [ids.expertIn, ids.expertOff]],
  ["requests", searchOpenRequests, requestFallbackStatements, () => [ids.requestIn, ids.requestOff]],
] as const)("the %s search with the engine down", (_name, search, statements, expected) => {
  test("finds the same matches by their words, areas and fields, newest first", async () => {
    const [inField, named] = expected();
    const query = { ...base, concepts: false };
    await withEngineDown(async () => {
      const all = await search(query);
      expect(all.mode).toBe("database");
      expect(all.hits.map((hit) => hit.id)).toEqual([inField, named]);
      expect(all.total).toBe(2);
      const area = await search({ ...query, areas: ["environment"] });
      expect(area.hits.map((hit) => hit.id)).toEqual([inField]);
      const field = await search({ ...query, fields: ["food-technology"] });
      expect(field.hits.map((hit) => hit.id)).toEqual([named]);
      expect((await search({ ...query, q: `${token} khong co tu nay` })).total).toBe(0);
    });
  });

  test("reads on the read workers, counting up to 1,000 as the directory's fallback", async () => {
    // Through Prisma on the app's thread, a search of 50,000 profiles held every other request
    // for 200–400 ms while the engine was down.
    const [inField] = expected();
    const { count, page } = statements({ ...base, fields: ["environmental-engineering"] });
    expect(count.sql).toContain("LIMIT ?");
    expect(await readRows<{ n: number }>(count, prisma)).toEqual([{ n: 1 }]);
    expect((await readRows<{ id: string }>(page, prisma)).map((row) => row.id)).toEqual([inField]);
    // Without words, a page is read newest first off an index, not sorted (300 ms at 50,000 profiles).
    const newest = statements({ ...base, q: "" }).page;
    const plan = (
      await prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${newest.sql}`, ...newest.values)
    ).map((row) => row.detail);
    expect(
      plan.filter((detail) => /TEMP B-TREE|^SCAN/.test(detail)),
      plan.join("\n"),
    ).toEqual([]);
    // The experts' words through their FTS5 index (a scan of 50,000 profiles' text took 100 ms).
    const words = statements(base).count;
    const wordsPlan = (
      await prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${words.sql}`, ...words.values)
    ).map((row) => row.detail);
    expect(
      wordsPlan.some((detail) => /ExpertSearch VIRTUAL TABLE INDEX/.test(detail)),
      wordsPlan.join("\n"),
    ).toBe(_name === "experts");
  });
});
