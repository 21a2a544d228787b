import { beforeAll, describe, expect, test } from "vitest";
import { enqueueSearchSync } from "#search/outbox";
import { searchExperts, searchOpenRequests, type ListingQuery } from "~/models/search-gateway.server";
import { refreshExpertSearchText } from "~/models/expert.server";
import { refreshRequestSearchText } from "~/models/request.server";
import { prisma } from "~/db/client.server";
import { makeUser, word } from "../factories";
import { drainOutbox, seedAndIndex } from "./helpers";

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
