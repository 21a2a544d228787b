import { describe, expect, test } from "vitest";
import type { VisibleRequest } from "~/models/request.server";
import {
  eventDetail,
  eventSummary,
  expertSummary,
  organizationDetail,
  requestDetail,
  requestSummary,
  webLink,
} from "./serializers";

const ORIGIN = "https://portal.example";

const request = {
  id: "req1",
  title: "Cold storage for vegetables",
  problem: "Keep produce fresh longer.",
  desiredOutcome: "A tested process.",
  visibility: "anonymous",
  companyName: "Secret Foods JSC",
  organization: { slug: "secret-foods", nameVi: "Secret Foods", nameEn: null },
  sector: "agriculture_food",
  companySize: "small",
  district: "dong-anh",
  trl: 5,
  budget: "to_discuss",
  deadline: new Date("2030-01-01T00:00:00Z"),
  publishedAt: new Date("2029-01-01T00:00:00Z"),
  fields: [{ id: "f1", slug: "food-preservation", nameVi: "Bảo quản", nameEn: "Preservation" }],
  // What visibleRequest also returns, which the API must not pass on:
  reviewNote: "internal",
  isAuthor: false,
  isOfficial: false,
} as unknown as VisibleRequest;

describe("requests", () => {
  const listing = { slug: "secret-foods", nameVi: "Secret Foods", nameEn: null, acronym: "SF" };

  test("an anonymous request shows sector, size and district, never the company", () => {
    const summary = requestSummary(request, ["food-preservation"], ORIGIN);
    const detail = requestDetail(request, listing, ORIGIN);
    for (const shown of [summary, detail]) {
      expect(shown).toMatchObject({ sector: "agriculture_food", companySize: "small", companyName: null });
      expect(shown.district).toEqual({ slug: "dong-anh", nameVi: "Đông Anh", nameEn: "Dong Anh" });
      expect(JSON.stringify(shown)).not.toMatch(/Secret Foods|secret-foods|internal|isAuthor|authorId/);
    }
    expect(detail.organization).toBeNull();
  });

  test("a public request names its company, and its listing only while published", () => {
    const open = { ...request, visibility: "public" } as VisibleRequest;
    expect(requestSummary(open, [], ORIGIN).companyName).toBe("Secret Foods JSC");
    expect(requestDetail(open, listing, ORIGIN).organization).toEqual(listing);
    expect(requestDetail(open, null, ORIGIN).organization).toBeNull();
    expect(requestDetail(open, listing, ORIGIN)).toMatchObject({
      url: `${ORIGIN}/api/v1/requests/req1`,
      webUrl: `${ORIGIN}/requests/req1`,
    });
  });
});

describe("organizations and experts", () => {
  const organization = {
    id: "o1",
    slug: "lab",
    kind: "lab",
    nameVi: "Phòng",
    nameEn: "Lab",
    acronym: null,
    summaryVi: null,
    summaryEn: null,
    district: "nowhere",
    address: null,
    website: "https://lab.example/Đại học",
    foundedYear: null,
    verified: false,
    verifiedAt: new Date(),
    sourceUrl: "javascript:alert(1)",
    updatedAt: new Date(0),
    status: "published",
    searchText: "secret",
    parent: { slug: "draft-parent", kind: "university", nameVi: "Nháp", nameEn: null, acronym: null, status: "draft" },
    children: [],
    fields: [],
  } as unknown as Parameters<typeof organizationDetail>[0];

  test("a draft parent is not named, an unknown district is null, links are proper http(s) URIs", () => {
    const detail = organizationDetail(organization, [], ORIGIN);
    expect(detail).toMatchObject({ parent: null, district: null, verifiedAt: null, sourceUrl: null });
    expect(detail.website).toBe("https://lab.example/%C4%90%E1%BA%A1i%20h%E1%BB%8Dc");
    expect(Object.keys(detail)).not.toContain("searchText");
  });

  test("an expert's affiliation is named only while it is published", () => {
    const card = {
      id: "e1",
      slug: "expert",
      title: "ts",
      fullName: "Nguyễn A",
      position: null,
      keywords: "a\n b \n",
      offers: "consulting",
      bioVi: null,
      bioEn: null,
      fields: [],
      affiliation: { slug: "hidden", nameVi: "Ẩn", nameEn: null, acronym: null, status: "archived" },
    } as unknown as Parameters<typeof expertSummary>[0];
    expect(expertSummary(card, [], ORIGIN)).toMatchObject({
      affiliation: null,
      keywords: ["a", "b"],
      offers: ["consulting"],
    });
  });

  test("webLink", () => {
    expect(webLink(null)).toBeNull();
    expect(webLink("not a url")).toBeNull();
    expect(webLink("mailto:a@b.vn")).toBeNull();
    expect(webLink("http://x.vn")).toBe("http://x.vn/");
  });
});

describe("events", () => {
  const page = {
    id: "ev1",
    slug: "cho-cong-nghe-2030",
    kind: "technology_market",
    titleVi: "Chợ công nghệ",
    titleEn: "Technology market",
    descriptionVi: "Gặp gỡ",
    descriptionEn: null,
    startsAt: new Date("2030-03-01T01:00:00Z"),
    endsAt: new Date("2030-03-01T04:00:00Z"),
    format: "hybrid",
    venue: "1 Tràng Tiền",
    district: "hoan-kiem",
    ward: null,
    onlineUrl: "https://meet.example/abc",
    organizationId: "org1",
    organizerName: "Written name",
    organization: { slug: "hust", nameVi: "Đại học Bách khoa", nameEn: "HUST", status: "published" },
    capacity: 50,
    seatsLeft: 12,
    meetingsOpen: true,
    meetingMinutes: 30,
    status: "published",
    fields: [{ slug: "ai", nameVi: "Trí tuệ nhân tạo", nameEn: "AI" }],
    // What the page's loader also carries, which the API must not pass on:
    refusal: "internal review note",
  } as unknown as Parameters<typeof eventDetail>[0];

  test("an event's page: times in UTC, organizer, place, seats, link and addresses; nothing internal", () => {
    const detail = eventDetail(page, ORIGIN);
    expect(detail).toMatchObject({
      slug: "cho-cong-nghe-2030",
      status: "published",
      startsAt: "2030-03-01T01:00:00.000Z",
      endsAt: "2030-03-01T04:00:00.000Z",
      area: { slug: "hoan-kiem" },
      organization: { slug: "hust", nameVi: "Đại học Bách khoa", nameEn: "HUST" },
      organizerName: null,
      onlineUrl: "https://meet.example/abc",
      capacity: 50,
      seatsLeft: 12,
      fields: [{ slug: "ai", nameVi: "Trí tuệ nhân tạo", nameEn: "AI" }],
      url: `${ORIGIN}/api/v1/events/cho-cong-nghe-2030`,
      webUrl: `${ORIGIN}/events/cho-cong-nghe-2030`,
      icsUrl: `${ORIGIN}/events/cho-cong-nghe-2030.ics`,
    });
    expect(JSON.stringify(detail)).not.toMatch(/internal|refusal|reviewNote|org1|meetingsOpen/);
  });

  test("a cancelled event says so and no longer gives its online link; the city's own names its organizer", () => {
    const cancelled = eventDetail({ ...page, status: "cancelled", organization: null }, ORIGIN);
    expect(cancelled).toMatchObject({ status: "cancelled", onlineUrl: null, organizerName: "Written name" });
  });

  test("a card: the same basics, its fields as slugs", () => {
    const summary = eventSummary({ ...page, organization: null, organizerName: null } as never, ["ai"], ORIGIN);
    expect(summary).toMatchObject({ organization: null, organizerName: null, fields: ["ai"] });
    expect(summary).not.toHaveProperty("onlineUrl");
    expect(summary).not.toHaveProperty("descriptionVi");
  });
});
