import { beforeAll, describe, expect, test } from "vitest";
import { searchOpenRequests, type ListingQuery } from "~/models/search-gateway.server";
import { createRequestInTransaction } from "~/models/request.server";
import { requestsByRequester } from "~/models/statistics.server";
import { write } from "~/models/write.server";
import { prisma } from "~/db/client.server";
import { RequestSchema } from "~/validation/request";
import { makeUser, word } from "../factories";
import { drainOutbox, seedAndIndex, withEngineDown } from "./helpers";

/**
 * Public agencies post requests too: the form's rules for them, the "Bên đặt hàng" facet in
 * the engine and in the database fallback (the same answer), and their own figures.
 */
const token = word();
const ids = { agency: "", business: "" };

const form = (changes: Record<string, unknown>) => ({
  title: `Giao thông thông minh ${token}`,
  problem: "Ùn tắc tại các nút giao trung tâm cần được giảm bằng điều khiển đèn thích ứng.",
  desiredOutcome: "Một hệ thống thử nghiệm tại ba nút giao.",
  fieldSlugs: ["environmental-engineering"],
  trl: "5",
  budget: "to_discuss",
  deadline: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
  visibility: "public",
  companyName: "Sở Giao thông Vận tải Hà Nội",
  sector: "transport_logistics",
  ...changes,
});

async function posted(changes: Record<string, unknown>) {
  const author = await makeUser({ label: "requester", password: null });
  const input = RequestSchema.parse(form(changes));
  const request = await write((tx, effects) => createRequestInTransaction(author.id, input, tx, effects));
  // Approved: open and published, as an official's review leaves it.
  await prisma.techRequest.update({ where: { id: request.id }, data: { status: "open", publishedAt: new Date() } });
  await write((_tx, effects) => effects.reindex("request", [request.id]));
  return request.id;
}

beforeAll(async () => {
  await seedAndIndex();
  ids.agency = await posted({ requesterType: "agency", companySize: "medium" });
  ids.business = await posted({ requesterType: "business", companySize: "small", companyName: "Công ty Đèn" });
  await drainOutbox();
}, 120_000);

describe("the request form", () => {
  test("an agency gives no company size (what came is dropped); a business must; an unknown type is refused", () => {
    expect(RequestSchema.parse(form({ requesterType: "agency" }))).toMatchObject({
      requesterType: "agency",
      companySize: "",
    });
    const business = RequestSchema.safeParse(form({ requesterType: "business" }));
    expect(business.success).toBe(false);
    expect(business.error?.flatten().fieldErrors).toHaveProperty("companySize");
    const unknown = RequestSchema.safeParse(form({ requesterType: "ministry", companySize: "small" }));
    expect(unknown.error?.flatten().fieldErrors).toHaveProperty("requesterType");
    // Sent without the choice (an older form): a business, as before.
    expect(RequestSchema.parse(form({ companySize: "small" })).requesterType).toBe("business");
  });

  test("an agency's request is stored as one, without a size", async () => {
    const row = await prisma.techRequest.findUniqueOrThrow({ where: { id: ids.agency } });
    expect(row).toMatchObject({ requesterType: "agency", companySize: "" });
  });
});

describe("the requester facet", () => {
  const query: ListingQuery = { q: token, areas: [], fields: [], extra: [], page: 1, perPage: 20 };

  test("the engine filters and counts by requester; the database fallback filters the same way", async () => {
    const all = await searchOpenRequests(query);
    expect(all.mode).toBe("engine");
    expect(new Set(all.hits.map((hit) => hit.id))).toEqual(new Set([ids.agency, ids.business]));
    expect(all.facets.requesterType).toEqual({ agency: 1, business: 1 });
    for (const [requester, expected] of [
      [["agency"], [ids.agency]],
      [["business"], [ids.business]],
      [
        ["agency", "business"],
        [ids.agency, ids.business],
      ],
    ] as const) {
      const engine = await searchOpenRequests({ ...query, requester: [...requester] });
      const database = await withEngineDown(() => searchOpenRequests({ ...query, requester: [...requester] }));
      expect(database.mode).toBe("database");
      expect(new Set(engine.hits.map((hit) => hit.id))).toEqual(new Set(expected));
      expect(new Set(database.hits.map((hit) => hit.id))).toEqual(new Set(expected));
    }
  });
});

describe("the figures", () => {
  test("approved requests posted, open and matched, by requester", async () => {
    const before = await requestsByRequester();
    const agency = before.find((row) => row.requesterType === "agency")!;
    expect(before.map((row) => row.requesterType)).toEqual(["business", "agency"]);
    expect(agency.posted).toBeGreaterThanOrEqual(1);
    // Expired still counts as posted, no longer as open.
    await prisma.techRequest.update({ where: { id: ids.agency }, data: { status: "expired" } });
    const after = (await requestsByRequester()).find((row) => row.requesterType === "agency")!;
    expect(after).toEqual({ ...agency, open: agency.open - 1 });
  });
});
