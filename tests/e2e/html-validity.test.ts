import { beforeAll, describe, expect, test } from "vitest";
import { portalDb, signInAs } from "./fixtures";
import { htmlProblems } from "./html-validate";
import { httpClient } from "./http-client";
import {
  hanoiMorning,
  makeBooking,
  makeEvent,
  makeMeeting,
  makeOffer,
  makeOrganization,
  makeRegistration,
  makeUser,
} from "../factories";
import { makeExpert, makeFoodCompany, makeMatch, makeRequest, makeResearcher, makeResponse, manage } from "./world";

/**
 * Every page's HTML, as each kind of reader receives it, checked by html-validate
 * (tests/e2e/html-validate.ts says which spelling rules React cannot follow).
 */
type Reader = { name: string; cookie: () => Promise<string | undefined>; pages: () => string[] };
const world = {} as {
  owner: { id: string };
  admin: { id: string };
  newcomer: { id: string };
  managed: { slug: string };
  other: { slug: string };
  expertSlug: string;
  requestId: string;
  pendingId: string;
  matchId: string;
  matchOwner: { id: string };
  offerId: string;
  bookingId: string;
};

beforeAll(async () => {
  const curator = await makeUser({ label: "html-curator", role: "curator" });
  world.admin = await makeUser({ label: "html-admin", role: "admin" });
  world.owner = await makeUser({ label: "html-owner" });
  world.managed = await makeFoodCompany("html-managed");
  world.other = await makeFoodCompany("html-other");
  await manage(world.owner.id, (world.managed as unknown as { id: string }).id);
  const responder = await makeResearcher("html-responder");
  world.expertSlug = responder.expert.slug;
  world.newcomer = await makeUser({ label: "html-newcomer", accountType: "researcher" });
  await makeExpert(world.newcomer.id, "draft");
  const request = await makeRequest(world.owner.id, {
    reviewerId: curator.id,
    organizationId: (world.managed as unknown as { id: string }).id,
  });
  world.requestId = request.id;
  await makeResponse(request.id, responder);
  world.pendingId = (await makeRequest(world.owner.id, { reviewerId: curator.id, status: "pending" })).id;
  const match = await makeMatch(curator.id);
  world.matchId = match.match.id;
  world.matchOwner = match.owner;
  const managedId = (world.managed as unknown as { id: string }).id;
  const instrument = await makeOffer({ organizationId: managedId, type: "equipment", category: "diffraction" });
  world.offerId = instrument.id;
  // A booking request by the researcher, for the booking panel and the team's calendar.
  const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  world.bookingId = (await makeBooking(instrument, world.newcomer.id, { start: soon, end: soon })).conversation.id;
  // One waiting for review, for the queue.
  await makeOffer({ organizationId: managedId, status: "pending", descriptionVi: "Đo mẫu bột." });
});

const as = (user: () => { id: string }) => () => signInAs(user().id);
const READERS: Reader[] = [
  {
    name: "a visitor",
    cookie: async () => undefined,
    pages: () => [
      "/",
      "/?lang=en",
      "/directory",
      "/directory?q=vat+lieu&kind=lab",
      "/directory?q=khong+co+gi+ca+xyzw",
      "/experts",
      // The overseas network and the experts list's "Nơi làm việc" facet (docs/decisions/076)
      "/experts/overseas",
      "/experts?based=abroad",
      "/requests",
      "/offers",
      "/offers?q=kinh+hien+vi&type=equipment",
      "/ecosystem",
      "/login",
      "/signup",
      "/forgot-password",
      "/reset-password?token=abc",
      "/confirm",
      "/terms",
      "/privacy",
      "/no/such/page",
      `/organizations/${world.managed.slug}`,
      "/organizations/hust",
      `/experts/${world.expertSlug}`,
      `/requests/${world.requestId}`,
      `/offers/${world.offerId}`,
    ],
  },
  {
    name: "a business member who manages a listing",
    cookie: as(() => world.owner),
    pages: () => [
      "/account",
      "/me/requests",
      "/requests/new",
      `/requests/${world.requestId}`,
      `/organizations/${world.managed.slug}/edit`,
      `/organizations/${world.other.slug}/claim`,
      "/organizations/new",
      "/notifications",
      "/me/notifications",
      "/matches",
      "/messages",
      `/organizations/${world.managed.slug}`,
      `/offers/${world.offerId}`,
      `/offers/${world.offerId}/edit`,
      `/messages/${world.bookingId}`,
      `/offers/${world.offerId}/photos`,
      ...["service", "equipment", "technology"].map((type) => `/offers/new?type=${type}&org=${world.managed.slug}`),
    ],
  },
  {
    name: "a researcher",
    cookie: as(() => world.newcomer),
    pages: () => [
      "/me/profile",
      "/me/profile/publications",
      "/me/affiliation",
      "/me/responses",
      "/me/requests-for-you",
      `/requests/${world.requestId}`,
      `/offers/${world.offerId}`,
      `/messages/${world.bookingId}`,
    ],
  },
  {
    name: "a matched business",
    cookie: as(() => world.matchOwner),
    pages: () => [`/messages/${world.matchId}`, "/messages"],
  },
  {
    name: "an admin",
    cookie: as(() => world.admin),
    pages: () => [
      "/admin",
      "/admin/queue",
      "/admin/affiliations",
      "/admin/requests",
      "/admin/claims",
      "/admin/organizations",
      "/admin/users",
      "/admin/import",
      "/admin/import/offers",
      "/admin/audit",
      `/requests/${world.pendingId}`,
      "/ecosystem",
    ],
  },
  // Agreements and the officials' indicators (docs/decisions/074, 075).
  {
    name: "an official reading the indicators, and a member their agreements",
    cookie: as(() => world.admin),
    pages: () => [
      "/admin/indicators",
      "/admin/indicators?from=2025-Q1&to=2026-Q4&area=ba-dinh&field=no-such-field",
      "/admin/indicators/report?quarter=2026-Q4",
      "/me/agreements",
    ],
  },
];

// Events (docs/decisions/072): the list, an event's page and forms, as its incubator's manager and an admin.
const events = {} as { manager: { id: string }; admin: { id: string }; incubator: { slug: string }; slug: string };
beforeAll(async () => {
  const incubator = await makeOrganization({ label: "html-incubator", kind: "incubator" });
  events.incubator = incubator;
  events.manager = await makeUser({ label: "html-incubator-manager" });
  events.admin = await makeUser({ label: "html-events-admin", role: "admin" });
  await manage(events.manager.id, incubator.id);
  events.slug = `html-demo-day-${Date.now()}`;
  await portalDb().event.create({
    data: {
      slug: events.slug,
      kind: "demo_day",
      titleVi: "Ngày trình diễn khởi nghiệp",
      startsAt: new Date(Date.now() + 7 * 86_400_000),
      endsAt: new Date(Date.now() + 7 * 86_400_000 + 4 * 3_600_000),
      venue: "Hội trường A",
      district: "cau-giay",
      capacity: 50,
      organizationId: incubator.id,
      status: "pending",
    },
  });
});
READERS.push(
  {
    name: "an incubator's manager (events)",
    cookie: as(() => events.manager),
    pages: () => [
      "/events",
      "/events?when=past&kind=workshop",
      `/events/new?org=${events.incubator.slug}`,
      `/events/${events.slug}`,
      `/events/${events.slug}/edit`,
    ],
  },
  {
    name: "an admin (events)",
    cookie: as(() => events.admin),
    pages: () => ["/events/new", "/admin/queue", `/events/${events.slug}`],
  },
);

// Event registration (docs/decisions/077): its page signed out, registered and waitlisted, and /me/events.
const eventWorld = {} as { slug: string; registered: { id: string }; waiting: { id: string } };
beforeAll(async () => {
  const event = await makeEvent({ label: "html-event", capacity: 1 });
  eventWorld.slug = event.slug;
  eventWorld.registered = await makeUser({ label: "html-registered" });
  eventWorld.waiting = await makeUser({ label: "html-waiting" });
  await makeRegistration(event.id, eventWorld.registered.id, { listed: true });
  await makeRegistration(event.id, eventWorld.waiting.id, { status: "waitlisted" });
});
READERS.push(
  {
    name: "a visitor of an event's registration",
    cookie: async () => undefined,
    pages: () => [`/events/${eventWorld.slug}/registration`],
  },
  {
    name: "a registered member",
    cookie: as(() => eventWorld.registered),
    pages: () => [`/events/${eventWorld.slug}/registration`, "/me/events"],
  },
  {
    name: "a waitlisted member",
    cookie: as(() => eventWorld.waiting),
    pages: () => [`/events/${eventWorld.slug}/registration`, "/me/events"],
  },
);

describe("every page is valid HTML", () => {
  for (const reader of READERS) {
    test(`as ${reader.name}`, async () => {
      const cookie = await reader.cookie();
      const client = httpClient({ cookie });
      const problems: string[] = [];
      for (const page of reader.pages()) {
        const response = await client.get(page);
        expect([200, 404], page).toContain(response.status);
        for (const problem of await htmlProblems(await response.text(), page)) problems.push(`${page}: ${problem}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

test("the checker finds a real problem (it is not switched off)", async () => {
  const problems = await htmlProblems(
    '<!doctype html><html lang="vi"><head><title>x</title></head><body><main><nav></nav><nav></nav><input name="q"></main></body></html>',
    "sample",
  );
  expect(problems.some((problem) => problem.startsWith("unique-landmark"))).toBe(true);
  expect(problems.some((problem) => problem.startsWith("no-implicit-input-type"))).toBe(true);
});

// --- Meetings at events (docs/decisions/073) -------------------------------------------

test("the meeting pages are valid HTML for a visitor, a member not registered and the two participants", async () => {
  const event = await makeEvent({ startsAt: hanoiMorning(), hours: 4 });
  const past = await makeEvent({ startsAt: new Date(Date.now() - 3 * 86_400_000), hours: 4 });
  const [requester, invitee, outsider] = [
    await makeUser({ label: "html-requester" }),
    await makeUser({ label: "html-invitee" }),
    await makeUser({ label: "html-outsider" }),
  ];
  await makeRegistration(event.id, requester.id, { listed: true, interests: "Thiết bị đo" });
  const listed = await makeRegistration(event.id, invitee.id, { listed: true, interests: "Xử lý nước" });
  const waiting = await makeMeeting(event, requester.id, invitee.id, {
    status: "requested",
    message: "Xin gặp để trao đổi.",
  });
  const over = await makeMeeting(past, requester.id, invitee.id, { message: "Xin gặp để trao đổi." });
  const people = `/events/${event.slug}/people`;
  const readers = [
    { cookie: undefined, pages: [people] },
    { cookie: await signInAs(outsider.id), pages: [people, "/me/agenda"] },
    {
      cookie: await signInAs(requester.id),
      pages: [
        people,
        `${people}?with=${listed.id}`,
        `/messages/${waiting.conversation.id}`,
        `/messages/${over.conversation.id}`,
        "/me/agenda",
      ],
    },
    { cookie: await signInAs(invitee.id), pages: [`/messages/${waiting.conversation.id}`, "/me/agenda"] },
  ];
  const problems: string[] = [];
  for (const reader of readers) {
    const client = httpClient({ cookie: reader.cookie });
    for (const page of reader.pages) {
      const response = await client.get(page);
      expect(response.status, page).toBe(200);
      for (const problem of await htmlProblems(await response.text(), page)) problems.push(`${page}: ${problem}`);
    }
  }
  expect(problems).toEqual([]);
});
