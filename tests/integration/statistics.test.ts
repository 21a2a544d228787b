import { beforeAll, describe, expect, test } from "vitest";
import { publicCharts } from "~/components/charts/ecosystem-charts";
import { chartCsv, chartJson } from "~/components/charts/export";
import { createOrganization } from "~/models/organization.server";
import {
  collaborationsByKind,
  curationQueue,
  curatorWorkload,
  expertsByField,
  getPublicStatistics,
  lastMonths,
  organizationCounts,
  organizationsByField,
  requestsByMonth,
  structureByKind,
  topOrganizations,
  totals,
} from "~/models/statistics.server";
import { createPrismaClient, prisma } from "~/db/client.server";
import { parseCsv } from "~/utils/csv";
import { orderAgainstTimer } from "./helpers";

/**
 * The ecosystem figures against a small, known world: exact counts, the
 * median, the share, months in Hanoi time, and that only published listings
 * and profiles and approved requests count.
 */
const NOW = new Date("2026-06-15T05:00:00Z");
const at = (iso: string) => new Date(iso);
const hoursAfter = (date: Date, hours: number) => new Date(date.getTime() + hours * 3_600_000);

const ids: Record<string, string> = {};
let counter = 0;

async function field(slug: string, parentId: string | null) {
  const created = await prisma.field.create({
    data: { slug, nameVi: `Lĩnh vực ${slug}`, nameEn: `Field ${slug}`, parentId, position: counter++ },
  });
  ids[slug] = created.id;
}

async function organization(
  key: string,
  data: { kind: string; status?: string; district?: string | null; parent?: string; fields?: string[] },
) {
  const created = await prisma.organization.create({
    data: {
      slug: `stat-${key}`,
      kind: data.kind,
      nameVi: `Tổ chức ${key}`,
      sortNameVi: key,
      status: data.status ?? "published",
      district: data.district ?? null,
      parentId: data.parent ? ids[data.parent] : null,
      fields: { create: (data.fields ?? []).map((slug) => ({ fieldId: ids[slug]! })) },
    },
  });
  ids[key] = created.id;
}

async function user(key: string, role = "member", accountType = "business") {
  const created = await prisma.user.create({
    data: { email: `${key}@example.vn`, name: `Người ${key}`, passwordHash: "x", role, accountType },
  });
  ids[key] = created.id;
}

async function expert(key: string, data: { status?: string; affiliation?: string; fields: string[] }) {
  await user(`${key}-user`, "member", "researcher");
  const created = await prisma.expertProfile.create({
    data: {
      userId: ids[`${key}-user`]!,
      slug: `expert-${key}`,
      fullName: `Chuyên gia ${key}`,
      status: data.status ?? "published",
      affiliationId: data.affiliation ? ids[data.affiliation] : null,
      fields: { create: data.fields.map((slug) => ({ fieldId: ids[slug]! })) },
    },
  });
  ids[key] = created.id;
}

async function request(
  key: string,
  data: {
    status: string;
    organization?: string;
    visibility?: "public" | "anonymous";
    publishedAt?: Date;
    createdAt?: Date;
    reviewer?: string;
    reviewHours?: number;
  },
) {
  await user(`${key}-author`);
  const createdAt = data.createdAt ?? data.publishedAt ?? NOW;
  const created = await prisma.techRequest.create({
    data: {
      authorId: ids[`${key}-author`]!,
      organizationId: data.organization ? ids[data.organization] : null,
      companyName: `Công ty ${key}`,
      sector: "ict",
      companySize: "small",
      title: `Đặt hàng ${key}`,
      problem: "Vấn đề",
      desiredOutcome: "Kết quả",
      trl: 4,
      budget: "to_discuss",
      deadline: at("2027-01-01T00:00:00Z"),
      visibility: data.visibility ?? "public",
      status: data.status,
      publishedAt: data.publishedAt ?? null,
      reviewedById: data.reviewer ? ids[data.reviewer] : null,
      reviewedAt: data.reviewer ? hoursAfter(createdAt, data.reviewHours ?? 1) : null,
      createdAt,
    },
  });
  ids[key] = created.id;
  return created;
}

async function respond(requestKey: string, expertKey: string, createdAt: Date, match?: Date) {
  const response = await prisma.requestResponse.create({
    data: {
      requestId: ids[requestKey]!,
      responderId: ids[`${expertKey}-user`]!,
      expertId: ids[expertKey]!,
      approach: "a",
      experience: "b",
      timeline: "c",
      status: match ? "accepted" : "submitted",
      createdAt,
    },
  });
  if (match)
    await prisma.match.create({ data: { requestId: ids[requestKey]!, responseId: response.id, createdAt: match } });
}

beforeAll(async () => {
  await field("area", null);
  for (const slug of ["f1", "f2", "f3"]) await field(slug, ids.area!);

  await organization("U1", { kind: "university", district: "cau-giay", fields: ["f1", "f2"] });
  await organization("I1", { kind: "institute", district: "cau-giay", fields: ["f1"] });
  await organization("L1", { kind: "lab", district: "dong-da", parent: "U1", fields: ["f1"] });
  await organization("E1", { kind: "enterprise", district: null, fields: ["f2"] });
  await organization("S1", { kind: "startup", district: "ba-dinh", fields: ["f3"] });
  await organization("E2", { kind: "enterprise", district: "ba-dinh" });
  // Never counted: a draft and an archived listing, fields and parent notwithstanding.
  await organization("D1", { kind: "enterprise", status: "draft", district: "cau-giay", fields: ["f1", "f2", "f3"] });
  await organization("A1", { kind: "lab", status: "archived", district: "dong-da", parent: "U1", fields: ["f1"] });

  await expert("X1", { affiliation: "I1", fields: ["f1", "f2"] });
  await expert("X2", { affiliation: "U1", fields: ["f1"] });
  await expert("X3", { fields: ["f3"] });
  await expert("X4", { status: "draft", affiliation: "L1", fields: ["f1"] });

  await user("C1", "curator");
  await user("C2", "admin");
  await user("C3", "curator");

  // Approved requests (open, closed, expired).
  const r1 = await request("R1", {
    status: "open",
    organization: "E1",
    publishedAt: at("2026-06-01T01:00:00Z"),
    reviewer: "C1",
    reviewHours: 2,
  });
  await respond("R1", "X1", hoursAfter(r1.publishedAt!, 10), at("2026-06-05T03:00:00Z"));
  await respond("R1", "X2", hoursAfter(r1.publishedAt!, 30));
  // 18:00 UTC on 31 May is 1 June in Hanoi: a June request. Anonymous: its listing is the officials' to see.
  const r2 = await request("R2", {
    status: "closed",
    organization: "S1",
    visibility: "anonymous",
    publishedAt: at("2026-05-31T18:00:00Z"),
    reviewer: "C1",
    reviewHours: 4,
  });
  await respond("R2", "X3", hoursAfter(r2.publishedAt!, 4), at("2026-06-10T03:00:00Z"));
  const r3 = await request("R3", {
    status: "expired",
    publishedAt: at("2026-04-10T03:00:00Z"),
    reviewer: "C2",
    reviewHours: 6,
  });
  await respond("R3", "X2", hoursAfter(r3.publishedAt!, 50));
  await request("R4", { status: "open", organization: "E2", publishedAt: at("2026-03-01T03:00:00Z") });
  const r7 = await request("R7", { status: "open", publishedAt: at("2026-06-02T03:00:00Z") });
  await respond("R7", "X2", hoursAfter(r7.publishedAt!, 6), at("2026-06-03T03:00:00Z"));
  // Not approved: never counted, whatever they hold.
  await request("R5", { status: "pending", organization: "E1", createdAt: at("2026-06-12T00:00:00Z") });
  await request("R6", {
    status: "rejected",
    organization: "E1",
    createdAt: at("2026-06-01T00:00:00Z"),
    reviewer: "C1",
    reviewHours: 30,
  });

  await prisma.organizationClaim.create({
    data: {
      userId: ids["R4-author"]!,
      organizationId: ids.E2!,
      message: "m",
      status: "approved",
      reviewedById: ids.C2!,
      reviewedAt: NOW,
    },
  });
  await prisma.organizationClaim.create({
    data: { userId: ids["R5-author"]!, organizationId: ids.E1!, message: "m", status: "pending" },
  });
  // The audit log: request and claim reviews are counted from their own columns, not twice.
  await prisma.auditEntry.createMany({
    data: [
      { actorId: ids.C2!, action: "organization.verify", entityType: "organization", entityId: ids.I1!, label: "I1" },
      { actorId: ids.C1!, action: "request.approve", entityType: "request", entityId: ids.R1!, label: "R1" },
      { actorId: ids.C2!, action: "claim.approve", entityType: "claim", entityId: "claim", label: "claim" },
    ],
  });
  await prisma.organizationRevision.create({
    data: { organizationId: ids.E2!, authorId: ids["R4-author"]!, changes: "{}", before: "{}" },
  });
  await prisma.organization.update({ where: { id: ids.E2! }, data: { staleSince: NOW } });
});

describe("public figures", () => {
  test("organizations by kind and district count published listings only", async () => {
    const counts = await organizationCounts();
    expect(counts.total).toBe(6);
    expect(counts.byKind).toEqual([
      { key: "enterprise", count: 2 },
      { key: "institute", count: 1 },
      { key: "lab", count: 1 },
      { key: "startup", count: 1 },
      { key: "university", count: 1 },
    ]);
    // Most first, the listings without a district last.
    expect(counts.byDistrict).toEqual([
      { key: "ba-dinh", count: 2 },
      { key: "cau-giay", count: 2 },
      { key: "dong-da", count: 1 },
      { key: null, count: 1 },
    ]);
  });

  test("fields count published organizations and published experts", async () => {
    expect((await organizationsByField()).map((row) => [row.slug, row.count])).toEqual([
      ["f1", 3],
      ["f2", 2],
      ["f3", 1],
    ]);
    expect((await organizationsByField(2)).map((row) => row.slug)).toEqual(["f1", "f2"]);
    expect((await expertsByField()).map((row) => [row.slug, row.count])).toEqual([
      ["f1", 2],
      ["f2", 1],
      ["f3", 1],
    ]);
  });

  test("totals: approved requests, responses, matches, the share matched and the median wait", async () => {
    // Waits for a first response: R2 4 h, R7 6 h, R1 10 h, R3 50 h; an even count averages the middle two.
    expect(await totals()).toEqual({
      experts: 3,
      requests: 5,
      responded: 4,
      matched: 3,
      matches: 3,
      matchedShare: 0.6,
      medianHoursToFirstResponse: 8,
    });
  });

  test("months are Hanoi months: opened by publication, matched by the first match", async () => {
    const months = await requestsByMonth(12, NOW);
    expect(months.map((month) => month.month)).toEqual(lastMonths(12, NOW));
    expect(months[0]!.month).toBe("2025-07");
    expect(months.at(-1)).toEqual({ month: "2026-06", opened: 3, matched: 3 });
    expect(months.filter((month) => month.opened + month.matched > 0)).toEqual([
      { month: "2026-03", opened: 1, matched: 0 },
      { month: "2026-04", opened: 1, matched: 0 },
      { month: "2026-06", opened: 3, matched: 3 },
    ]);
    // The Hanoi month starts at 17:00 UTC the day before.
    expect(lastMonths(1, at("2026-06-30T17:30:00Z"))).toEqual(["2026-07"]);
  });

  test("links: matches by the two sides' kinds, and units under a parent", async () => {
    // R2's requester is a startup, but its request is anonymous: counted as a business not listed,
    // like R3's, whose author signed up as a business and posted without a listing.
    expect(await collaborationsByKind()).toEqual([
      { from: "business", to: null, count: 1 },
      { from: "business", to: "university", count: 1 },
      { from: "enterprise", to: "institute", count: 1 },
    ]);
    expect(await structureByKind()).toEqual([{ from: "university", to: "lab", count: 1 }]);
  });
});

describe("officials' figures", () => {
  test("the most active organizations", async () => {
    const rows = await topOrganizations();
    expect(rows.map(({ slug, experts, requests, matches }) => [slug, experts, requests, matches])).toEqual([
      ["stat-E1", 0, 1, 1],
      ["stat-S1", 0, 1, 1],
      ["stat-I1", 1, 0, 1],
      ["stat-U1", 1, 0, 1],
      ["stat-E2", 0, 1, 0],
    ]);
  });

  test("reviews per curator, and the queue", async () => {
    const rows = await curatorWorkload();
    expect(
      rows.map(({ name, role, requestsReviewed, claimsReviewed, otherActions }) => [
        name,
        role,
        requestsReviewed,
        claimsReviewed,
        otherActions,
      ]),
    ).toEqual([
      ["Người C1", "curator", 3, 0, 0],
      ["Người C2", "admin", 1, 1, 1],
      ["Người C3", "curator", 0, 0, 0],
    ]);
    // Review times: 2, 4, 6 and 30 hours. The three published profiles wait for a look (post-moderation).
    expect(await curationQueue()).toEqual({
      pendingRequests: 1,
      pendingClaims: 1,
      pendingRevisions: 1,
      pendingProfiles: 3,
      staleListings: 1,
      medianHoursToReview: 5,
    });
  });
});

describe("charts and downloads", () => {
  test("CSV and JSON carry the chart's rows, in Vietnamese, readable by spreadsheets", async () => {
    const charts = publicCharts(await getPublicStatistics(), "vi");
    const csv = chartCsv(charts.kinds, "vi");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ["Mã", "Loại hình", "Số tổ chức"],
      ["enterprise", "Doanh nghiệp", "2"],
      ["institute", "Viện nghiên cứu", "1"],
      ["lab", "Phòng thí nghiệm", "1"],
      ["startup", "Doanh nghiệp khởi nghiệp", "1"],
      ["university", "Trường đại học", "1"],
    ]);
    // An anonymous requester's kind is in no download either (R2 is a startup's).
    const links = chartCsv(charts.collaborations, "vi");
    expect(links).not.toContain("startup");
    const rows = chartJson(charts.collaborations, "vi", "2026-06-15T05:00:00.000Z").rows;
    expect(rows.map((row) => row.key)).toEqual(["business>none", "business>university", "enterprise>institute"]);
    // The headline under the chart counts exactly its business → research rows, unlisted businesses included.
    expect(charts.collaborations.description).toContain("2 kết nối là giữa doanh nghiệp");
    expect(rows[1]!.label).toBe("Doanh nghiệp chưa có hồ sơ hoặc ẩn danh → Trường đại học");
    const summary = chartJson(charts.summary, "vi", "2026-06-15T05:00:00.000Z");
    expect(summary.rows.find((row) => row.key === "matched-share")).toMatchObject({
      unit: "percent",
      values: { value: 60 },
    });
    expect(summary.rows.find((row) => row.key === "median-hours-to-first-response")).toMatchObject({
      unit: "hours",
      values: { value: 8 },
    });
    const english = publicCharts(await getPublicStatistics(), "en");
    expect(parseCsv(chartCsv(english.districts, "en"))[0]).toEqual(["Code", "Area (former district)", "Organizations"]);
    expect(parseCsv(chartCsv(english.districts, "en")).at(-1)).toEqual(["none", "Area not given", "1"]);
    expect(parseCsv(chartCsv(english.summary, "en")).find((row) => row[0] === "matched-share")).toEqual([
      "matched-share",
      "Share of requests that found a match (%)",
      "60",
    ]);
  });
});

describe("the cache", () => {
  test("a write through the portal or by another connection shows at once", async () => {
    const before = await getPublicStatistics();
    expect(await getPublicStatistics()).toBe(before);

    // This process's write moves the search index generation.
    await createOrganization(
      { slug: "stat-new-lab", kind: "lab", nameEn: "New Lab", status: "published" },
      { origin: "portal" },
    );
    const afterPortalWrite = await getPublicStatistics();
    expect(afterPortalWrite.organizations.total).toBe(before.organizations.total + 1);

    // Another connection's write (a script, a second process) moves the data version too:
    // like every writer of listings, it adds its outbox row in the same transaction.
    const other = createPrismaClient(process.env.DATABASE_URL);
    try {
      await createOrganization(
        { slug: "stat-other", kind: "startup", status: "published" },
        { origin: "portal" },
        other,
      );
    } finally {
      await other.$disconnect();
    }
    expect((await getPublicStatistics()).organizations.total).toBe(before.organizations.total + 2);

    // And the odd median: a fifth wait of 20 h makes it 10 h.
    await respond("R4", "X1", hoursAfter(at("2026-03-01T03:00:00Z"), 20));
    expect((await totals()).medianHoursToFirstResponse).toBe(10);
  });
});

describe("computing the figures", () => {
  test("happens off the app's thread: a timer set after the calls fires before they come", async () => {
    // At 100,000 listings the ecosystem's 20 statements held the one thread for half a second
    // each time its kept figures were renewed.
    const { order } = await orderAgainstTimer(() =>
      Promise.all([
        organizationCounts(),
        organizationsByField(),
        totals(),
        topOrganizations(),
        requestsByMonth(12, NOW),
      ]),
    );
    expect(order).toEqual(["timer", "work"]);
  });
});
