import { beforeAll, describe, expect, test } from "vitest";
import { publicCharts } from "~/components/charts/ecosystem-charts";
import { chartCsv } from "~/components/charts/export";
import { indicatorCharts } from "~/components/charts/indicator-charts";
import { loadIndicators, programmeCounts, type IndicatorFilters } from "~/models/indicators.server";
import { loadPublicStatistics } from "~/models/statistics.server";
import { prisma } from "~/db/client.server";
import { parseCsv } from "~/utils/csv";
import { orderAgainstTimer } from "./helpers";
import {
  makeAgreement,
  makeConversation,
  makeEvent,
  makeMeeting,
  makeMessage,
  makeOffer,
  makeOrganization,
  makeUser,
} from "../factories";

/**
 * The officials' indicators against a small, known world (docs/decisions/075): exact
 * counts, only confirmed agreements, quarters in Hanoi time, the area and field
 * filters, and downloads equal to what the page shows.
 */
const NOW = new Date("2026-10-15T05:00:00Z");
const at = (iso: string) => new Date(iso);
const RANGE: IndicatorFilters = { from: "2026-Q2", to: "2026-Q3", district: null, field: null };

const fieldIds: Record<string, string> = {};

beforeAll(async () => {
  const g1 = await prisma.field.create({ data: { slug: "ind-g1", nameVi: "Nhóm 1", nameEn: "Group 1", position: 1 } });
  const g1a = await prisma.field.create({
    data: { slug: "ind-g1a", nameVi: "Nhóm 1a", nameEn: "Group 1a", parentId: g1.id, position: 2 },
  });
  const g2 = await prisma.field.create({ data: { slug: "ind-g2", nameVi: "Nhóm 2", nameEn: "Group 2", position: 3 } });
  Object.assign(fieldIds, { g1: g1.id, g1a: g1a.id, g2: g2.id });

  const lab = await makeOrganization({ label: "ind-lab", district: "cau-giay", fieldIds: [g1a.id] });
  await makeOrganization({ label: "ind-s1", kind: "startup", district: "ba-dinh", fieldIds: [g2.id] });
  await makeOrganization({ label: "ind-s2", kind: "startup", district: "cau-giay", fieldIds: [g1a.id] });
  await makeOrganization({ label: "ind-s3", kind: "startup", district: "cau-giay", status: "pending" });
  await makeOrganization({ label: "ind-inc", kind: "incubator", district: "ba-dinh" });

  const business = await makeUser({ label: "ind-business", password: null });
  const manager = await makeUser({ label: "ind-manager", password: null });
  const researcher = await makeUser({ label: "ind-researcher", accountType: "researcher", password: null });
  await prisma.organizationManager.create({ data: { userId: manager.id, organizationId: lab.id } });

  // An answered inquiry (Q2) and an unanswered one: one counts.
  const answered = await makeConversation({
    kind: "inquiry",
    starterId: business.id,
    owner: { organizationId: lab.id },
    createdAt: at("2026-05-10T03:00:00Z"),
  });
  await makeMessage(answered.id, manager.id, "Chào anh, phòng thí nghiệm có thể làm.");
  await makeConversation({
    kind: "inquiry",
    starterId: business.id,
    owner: { organizationId: lab.id },
    createdAt: at("2026-05-11T03:00:00Z"),
  });
  // Agreements in it: two confirmed (Q2, Q3), and pending, disputed, withdrawn ones that never count.
  const recordedById = business.id;
  await makeAgreement(answered.id, {
    type: "research_contract",
    signedOn: "2026-05-20",
    recordedById,
    valueRange: "2b_10b",
  });
  await makeAgreement(answered.id, { type: "licence", signedOn: "2026-08-01", recordedById });
  await makeAgreement(answered.id, { type: "consulting", signedOn: "2026-05-21", status: "pending", recordedById });
  await makeAgreement(answered.id, { type: "consulting", signedOn: "2026-05-22", status: "disputed", recordedById });
  await makeAgreement(answered.id, { type: "licence", signedOn: "2026-05-23", status: "withdrawn", recordedById });
  // 30 June 20:00 UTC is 1 July in Hanoi: Q3.
  await makeAgreement(answered.id, { type: "consulting", signedOn: "2026-07-01", status: "pending", recordedById });

  // An event held in Ba Đình (Q2) with two accepted meetings, one declined, one still requested.
  const held = await makeEvent({ district: "ba-dinh", startsAt: at("2026-04-15T02:00:00Z"), fieldIds: [g2.id] });
  const meeting = await makeMeeting(held, business.id, researcher.id, { outcome: "agreement", note: "ghi chú riêng" });
  await makeMeeting(held, researcher.id, business.id, { startsAt: at("2026-04-15T03:00:00Z") });
  await makeMeeting(held, business.id, manager.id, { status: "declined" });
  await makeMeeting(held, manager.id, researcher.id, { status: "requested" });
  await makeAgreement(meeting.conversation.id, { type: "joint_grant", signedOn: "2026-04-20", recordedById });
  // A future event, a cancelled one and one that ended on 30 June at 23:00 Hanoi time (Q2, not Q3).
  await makeEvent({ district: "ba-dinh", startsAt: at("2026-11-01T02:00:00Z") });
  await makeEvent({ district: "ba-dinh", startsAt: at("2026-05-01T02:00:00Z"), status: "cancelled" });
  await makeEvent({
    district: "dong-da",
    startsAt: at("2026-06-30T10:00:00Z"),
    endsAt: at("2026-06-30T16:00:00Z"),
  });

  // Offers: one with a granted patent, one without.
  await makeOffer({ type: "technology", organizationId: lab.id, ipStatus: "granted_patent", fieldIds: [g1a.id] });
  await makeOffer({ type: "technology", organizationId: lab.id, ipStatus: null });
  // A published expert at the lab, and a draft one.
  await prisma.expertProfile.create({
    data: {
      slug: `ind-expert-${Date.now()}`,
      fullName: "Nguyễn Văn Chuyên",
      status: "published",
      affiliationId: lab.id,
      userId: researcher.id,
      fields: { create: [{ fieldId: g1.id }] },
    },
  });
});

describe("the indicators", () => {
  test("count each figure over the range, confirmed agreements only", async () => {
    const data = await loadIndicators(RANGE, NOW);
    expect(data.totals).toEqual({
      matches: 0,
      inquiries: 1,
      agreements: 3,
      transfers: 1,
      events: 2,
      meetings: 2,
      ipOffers: 1,
      startups: 2,
      incubators: 1,
      experts: 1,
    });
    expect(data.byQuarter.agreements).toEqual({ "2026-Q2": 2, "2026-Q3": 1 });
    expect(data.byQuarter.events).toEqual({ "2026-Q2": 2, "2026-Q3": 0 });
    expect(data.agreementTypes.find((row) => row.type === "consulting")?.count).toBe(0);
    expect(data.agreementTypes.find((row) => row.type === "joint_grant")?.count).toBe(1);
    // Two meetings held, two sides each: one side said "agreement", the other three have not said.
    expect(data.meetingOutcomes).toEqual([
      { outcome: "follow_up_request", count: 0 },
      { outcome: "response", count: 0 },
      { outcome: "agreement", count: 1 },
      { outcome: "nothing", count: 0 },
      { outcome: "none", count: 3 },
    ]);
    // The declined and the still-requested meetings, and any other area, count nowhere.
    const elsewhere = await loadIndicators({ ...RANGE, district: "dong-da" }, NOW);
    expect(elsewhere.meetingOutcomes.every((row) => row.count === 0)).toBe(true);
    const otherField = await loadIndicators({ ...RANGE, field: "ind-g1" }, NOW);
    expect(otherField.meetingOutcomes.every((row) => row.count === 0)).toBe(true);
  });

  test("count each side's outcome once, whether both, one or neither answered", async () => {
    // A world of its own: Hoàn Kiếm in 2027, after NOW, so that no other figure here counts it.
    const a = await makeUser({ label: "ind-side-a", password: null });
    const b = await makeUser({ label: "ind-side-b", password: null });
    const event = await makeEvent({ district: "hoan-kiem", startsAt: at("2027-02-10T02:00:00Z") });
    await makeMeeting(event, a.id, b.id, { outcome: "agreement", inviteeOutcome: "agreement" });
    await makeMeeting(event, b.id, a.id, { slot: 1, outcome: "follow_up_request", inviteeOutcome: "nothing" });
    await makeMeeting(event, a.id, b.id, { slot: 2, inviteeOutcome: "response" });
    await makeMeeting(event, b.id, a.id, { slot: 3 });
    await makeMeeting(event, a.id, b.id, { slot: 4 });
    const filters = { from: "2027-Q1", to: "2027-Q1", district: "hoan-kiem", field: null };
    const data = await loadIndicators(filters, at("2027-03-01T00:00:00Z"));
    expect(data.totals.meetings).toBe(5);
    expect(data.meetingOutcomes).toEqual([
      { outcome: "follow_up_request", count: 1 },
      { outcome: "response", count: 1 },
      { outcome: "agreement", count: 2 },
      { outcome: "nothing", count: 1 },
      { outcome: "none", count: 5 },
    ]);
  });

  test("filter by quarter", async () => {
    const data = await loadIndicators({ ...RANGE, from: "2026-Q3" }, NOW);
    expect(data.quarters).toEqual(["2026-Q3"]);
    expect(data.totals).toMatchObject({ agreements: 1, transfers: 1, events: 0, meetings: 0, inquiries: 0 });
    // Stocks are today's whatever the quarter.
    expect(data.totals).toMatchObject({ startups: 2, incubators: 1, ipOffers: 1, experts: 1 });
  });

  test("filter by area: the contacted organization's, the event's venue", async () => {
    const baDinh = await loadIndicators({ ...RANGE, district: "ba-dinh" }, NOW);
    expect(baDinh.totals).toMatchObject({
      agreements: 1,
      events: 1,
      meetings: 2,
      inquiries: 0,
      startups: 1,
      incubators: 1,
      ipOffers: 0,
    });
    const cauGiay = await loadIndicators({ ...RANGE, district: "cau-giay" }, NOW);
    expect(cauGiay.totals).toMatchObject({
      agreements: 2,
      transfers: 1,
      inquiries: 1,
      startups: 1,
      ipOffers: 1,
      experts: 1,
    });
    const all = await loadIndicators(RANGE, NOW);
    expect(all.byArea.agreements).toEqual({ "ba-dinh": 1, "cau-giay": 2 });
  });

  test("filter by field, a group counting its sub-fields", async () => {
    const g1 = await loadIndicators({ ...RANGE, field: "ind-g1" }, NOW);
    expect(g1.totals).toMatchObject({
      agreements: 2,
      inquiries: 1,
      events: 0,
      meetings: 0,
      startups: 1,
      ipOffers: 1,
      experts: 1,
    });
    const g2 = await loadIndicators({ ...RANGE, field: "ind-g2" }, NOW);
    expect(g2.totals).toMatchObject({ agreements: 1, events: 1, meetings: 2, startups: 1, experts: 0 });
    const unknown = await loadIndicators({ ...RANGE, field: "no-such-field" }, NOW);
    expect(unknown.totals.agreements).toBe(0);
    const all = await loadIndicators(RANGE, NOW);
    expect(all.byField.agreements).toEqual({ [fieldIds.g1!]: 2, [fieldIds.g2!]: 1 });
  });

  test("downloads carry the page's figures", async () => {
    const data = await loadIndicators(RANGE, NOW);
    const charts = indicatorCharts(data, "vi");
    const summary = parseCsv(chartCsv(charts.summary, "vi"));
    const byKey = new Map(summary.slice(1).map((row) => [row[0], Number(row[2])]));
    for (const [figure, total] of Object.entries(data.totals)) expect(byKey.get(figure)).toBe(total);
    const areas = parseCsv(chartCsv(charts["links-areas"], "vi"));
    const caugiay = areas.find((row) => row[0] === "cau-giay")!;
    // matches, inquiries, agreements, transfers
    expect(caugiay.slice(2).map(Number)).toEqual([0, 1, 2, 1]);
    // Nothing private: no value range reaches any chart.
    for (const chart of Object.values(charts)) expect(JSON.stringify(chart)).not.toContain("2b_10b");
  });

  test("are computed off the app's thread: a timer set after the call fires before they come", async () => {
    // Their 18 statements took a second of the one thread at the bench's 50,000 meetings,
    // during which no other request was answered.
    const { order, result } = await orderAgainstTimer(() => loadIndicators(RANGE, NOW));
    expect(order).toEqual(["timer", "work"]);
    expect(String(result.totals.meetings)).toMatch(/^\d+$/);
  });
});

describe("the public ecosystem page", () => {
  test("counts events and meetings held and confirmed agreements, nothing else of them", async () => {
    expect(await programmeCounts(NOW)).toEqual({ events: 2, meetings: 2, agreements: 3 });
    const stats = await loadPublicStatistics(NOW);
    const chart = publicCharts(stats, "vi").programme;
    expect(chart.rows.map((row) => [row.key, row.values[0]])).toEqual([
      ["events", 2],
      ["meetings", 2],
      ["agreements", 3],
    ]);
    expect(JSON.stringify(chart)).not.toMatch(/2b_10b|ghi chú riêng|research_contract/);
  });
});
