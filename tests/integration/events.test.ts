import { beforeAll, describe, expect, test } from "vitest";
import { searchClient, indexUid } from "#search/client";
import { requireSearchConfig } from "#search/config";
import { EVENTS_INDEX } from "#search/indexes";
import { prepareSearch } from "#search/prepare";
import { prisma } from "~/db/client.server";
import {
  cancelEvent,
  createEvent,
  editEvent,
  eventColumns,
  eventForPage,
  EventNotAllowedError,
  mayOrganize,
  organizationUpcomingEvents,
  type Actor,
  type EventData,
} from "~/models/event.server";
import { pendingEvents, reviewEvent } from "~/models/event-review.server";
import { registerForEvent } from "~/models/event-registration.server";
import {
  organizerLabels,
  organizerLabelsStatement,
  publicEventCards,
  searchEvents,
  type EventQuery,
} from "~/models/event-search.server";
import { seedDirectory } from "~/models/seed.server";
import { updateOrganization } from "~/models/organization.server";
import { NO_EVENT_FILTERS } from "~/utils/event-query";
import { EventSchema } from "~/validation/event";
import { hex, makeOrganization, makeUser } from "../factories";
import { drainOutbox, withEngineDown } from "./helpers";

/**
 * Events against a real database and engine (docs/decisions/072): who may publish for
 * which listing, review with notification and audit, the index fed through the outbox,
 * the database fallback, upcoming and past.
 */
let official: Actor;
let fieldId: string;

beforeAll(async () => {
  await seedDirectory();
  await prepareSearch(prisma);
  official = await makeUser({ role: "curator" });
  fieldId = (await prisma.field.findUniqueOrThrow({ where: { slug: "analytical-chemistry" } })).id;
}, 120_000);

function data(form: Record<string, unknown>): EventData {
  const parsed = EventSchema.parse({
    kind: "demo_day",
    format: "in_person",
    venue: "Hòa Lạc Hi-Tech Park, tòa nhà A",
    district: "thach-that",
    startsAt: "2031-05-20T09:00",
    endsAt: "2031-05-20T17:00",
    fieldSlugs: "analytical-chemistry",
    meetingsOpen: "on",
    ...form,
  });
  const { fieldSlugs: _fields, organizerName: _name, ...input } = parsed;
  return { ...eventColumns(input), fieldIds: [fieldId] };
}

async function managerOf(kind: string) {
  const organization = await makeOrganization({ label: `events-${kind}`, kind });
  const manager = await makeUser({ label: `${kind}-manager` });
  await prisma.organizationManager.create({ data: { userId: manager.id, organizationId: organization.id } });
  return { organization, manager };
}

const query = (over: Partial<EventQuery> = {}): EventQuery => ({
  q: "",
  when: "upcoming",
  ...NO_EVENT_FILTERS,
  page: 1,
  perPage: 20,
  ...over,
});

function eventsIndex() {
  return searchClient().index(indexUid(EVENTS_INDEX.base, requireSearchConfig()));
}

describe("who may publish events", () => {
  test("managers of incubators, universities and institutes for their own listing; officials for any", async () => {
    const incubator = await managerOf("incubator");
    const university = await managerOf("university");
    const institute = await managerOf("institute");
    const lab = await managerOf("lab");
    const company = await managerOf("company");
    expect(await mayOrganize(incubator.manager, incubator.organization.id)).toBe(true);
    expect(await mayOrganize(university.manager, university.organization.id)).toBe(true);
    expect(await mayOrganize(institute.manager, institute.organization.id)).toBe(true);
    // Not for another's listing, not for a lab or a company, not in the city's name.
    expect(await mayOrganize(incubator.manager, university.organization.id)).toBe(false);
    expect(await mayOrganize(lab.manager, lab.organization.id)).toBe(false);
    expect(await mayOrganize(company.manager, company.organization.id)).toBe(false);
    expect(await mayOrganize(incubator.manager, null)).toBe(false);
    expect(await mayOrganize(official, lab.organization.id)).toBe(true);
    expect(await mayOrganize(official, null)).toBe(true);
    const member = await makeUser();
    await expect(
      createEvent(
        member,
        { organizationId: incubator.organization.id },
        data({ titleVi: "Không được" }),
        hex().repeat(4),
      ),
    ).rejects.toBeInstanceOf(EventNotAllowedError);
    await expect(
      createEvent(
        lab.manager,
        { organizationId: lab.organization.id },
        data({ titleVi: "Phòng lab" }),
        hex().repeat(4),
      ),
    ).rejects.toBeInstanceOf(EventNotAllowedError);
    expect(await prisma.event.count({ where: { titleVi: { in: ["Không được", "Phòng lab"] } } })).toBe(0);
  });
});

describe("review, index and search", () => {
  test("a manager's event waits for review, is approved, indexed, found unaccented and leaves the index when cancelled", async () => {
    const { organization, manager } = await managerOf("incubator");
    const key = hex().repeat(4);
    const url = await createEvent(
      manager,
      { organizationId: organization.id },
      data({ titleVi: "Ngày trình diễn khởi nghiệp Hòa Lạc", capacity: "120" }),
      key,
    );
    // A double submit writes once.
    expect(await createEvent(manager, { organizationId: organization.id }, data({ titleVi: "x" }), key)).toBe(url);
    const event = await prisma.event.findFirstOrThrow({ where: { organizationId: organization.id } });
    expect(event.status).toBe("pending");
    expect(event.startsAt.toISOString()).toBe("2031-05-20T02:00:00.000Z");
    expect(event.searchText).toContain("ngay trinh dien khoi nghiep hoa lac");
    expect(url).toBe(`/events/${event.slug}?sent=pending`);
    // Not public while pending: a visitor gets nothing, the manager sees it.
    expect(await eventForPage(event.slug, null)).toBeNull();
    expect((await eventForPage(event.slug, manager))?.canManage).toBe(true);
    expect((await pendingEvents()).map((row) => row.id)).toContain(event.id);
    const toOfficial = await prisma.notification.findFirst({
      where: { userId: official.id, url: `/admin/queue#event-${event.id}` },
    });
    expect(toOfficial).not.toBeNull();

    expect(await reviewEvent(event.id, official.id, { approve: true, note: null })).toBe(true);
    expect(await reviewEvent(event.id, official.id, { approve: true, note: null })).toBe(false);
    const approved = await prisma.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(approved.status).toBe("published");
    expect(approved.publishedAt).not.toBeNull();
    const told = await prisma.notification.findFirstOrThrow({ where: { userId: manager.id, type: "event" } });
    expect(told.url).toBe(`/events/${event.slug}`);
    const mail = await prisma.mailMessage.findFirst({ where: { to: manager.email }, orderBy: { createdAt: "desc" } });
    expect(mail?.text ?? "").toContain(`/events/${event.slug}`);
    expect(await prisma.auditEntry.count({ where: { entityId: event.id, action: "event.approve" } })).toBe(1);

    await drainOutbox();
    const document = await eventsIndex().getDocument(event.id);
    expect(document).not.toHaveProperty("reviewNote");
    const found = await searchEvents(query({ q: "ngay trinh dien hoa lac" }));
    expect(found.mode).toBe("engine");
    expect(found.hits.map((hit) => hit.id)).toContain(event.id);
    const filtered = await searchEvents(
      query({ kinds: ["demo_day"], districts: ["thach-that"], organizers: [organization.slug] }),
    );
    expect(filtered.hits.map((hit) => hit.id)).toEqual([event.id]);
    expect((await searchEvents(query({ kinds: ["workshop"], organizers: [organization.slug] }))).total).toBe(0);
    expect((await organizationUpcomingEvents(organization.id)).map((row) => row.slug)).toEqual([event.slug]);
    // The organizer's new name reaches the event's document.
    const renamed = `Vườn ươm Đổi tên ${hex()}`;
    await updateOrganization(organization.id, { nameVi: renamed }, { origin: "portal" });
    await drainOutbox();
    expect(((await eventsIndex().getDocument(event.id)) as { organizerNames: string[] }).organizerNames).toContain(
      renamed,
    );

    // An edit by the manager sends it back to review and out of the index.
    expect(
      await editEvent(
        manager,
        event.id,
        data({ titleVi: "Ngày trình diễn khởi nghiệp Hòa Lạc 2031", capacity: "120" }),
      ),
    ).toBe("pending");
    await drainOutbox();
    await expect(eventsIndex().getDocument(event.id)).rejects.toThrow();
    await reviewEvent(event.id, official.id, { approve: true, note: null });
    await drainOutbox();
    await expect(eventsIndex().getDocument(event.id)).resolves.toBeTruthy();

    expect(await cancelEvent(manager, event.id)).toBe(true);
    await drainOutbox();
    await expect(eventsIndex().getDocument(event.id)).rejects.toThrow();
    // The cancelled event keeps its page, which says so.
    expect((await eventForPage(event.slug, null))?.event.status).toBe("cancelled");
  });

  test("a rejected event tells its author why, and stays off the public pages and the index", async () => {
    const { organization, manager } = await managerOf("university");
    await createEvent(
      manager,
      { organizationId: organization.id },
      data({ titleEn: "Rejected workshop" }),
      hex().repeat(4),
    );
    const event = await prisma.event.findFirstOrThrow({ where: { organizationId: organization.id } });
    expect(await reviewEvent(event.id, official.id, { approve: false, note: "Thiếu địa điểm cụ thể" })).toBe(true);
    const told = await prisma.notification.findFirstOrThrow({ where: { userId: manager.id, type: "event" } });
    expect(told.url).toBe(`/events/${event.slug}/edit`);
    expect(told.data).toContain("Thiếu địa điểm cụ thể");
    expect(await eventForPage(event.slug, null)).toBeNull();
    // The note reaches its author, never a visitor.
    expect((await eventForPage(event.slug, manager))?.event.refusal).toBe("Thiếu địa điểm cụ thể");
    await drainOutbox();
    await expect(eventsIndex().getDocument(event.id)).rejects.toThrow();
  });

  test("an official's event in the city's name is published at once; past and upcoming are apart, in both modes", async () => {
    const name = `Techfest ${hex()}`;
    await createEvent(
      official,
      { organizerName: "Sở KH&CN Hà Nội" },
      data({ titleVi: name, kind: "technology_market" }),
      hex().repeat(4),
    );
    const past = `Hội thảo cũ ${hex()}`;
    await createEvent(
      official,
      { organizerName: null },
      data({ titleVi: past, kind: "workshop", startsAt: "2025-03-01T08:00", endsAt: "2025-03-01T11:00" }),
      hex().repeat(4),
    );
    const [upcoming, ended] = await Promise.all([
      prisma.event.findFirstOrThrow({ where: { titleVi: name } }),
      prisma.event.findFirstOrThrow({ where: { titleVi: past } }),
    ]);
    expect(upcoming.status).toBe("published");
    expect(upcoming.organizerName).toBe("Sở KH&CN Hà Nội");
    await drainOutbox();
    const words = name.toLowerCase();
    const engineUpcoming = await searchEvents(query({ q: words }));
    expect(engineUpcoming.hits.map((hit) => hit.id)).toEqual([upcoming.id]);
    const pastWords = "hoi thao cu " + past.split(" ").at(-1);
    expect((await searchEvents(query({ q: pastWords }))).total).toBe(0);
    expect((await searchEvents(query({ q: pastWords, when: "past" }))).hits.map((hit) => hit.id)).toEqual([ended.id]);
    // The same answers from the database when the engine is down.
    await withEngineDown(async () => {
      const fallback = await searchEvents(query({ q: words }));
      expect(fallback.mode).toBe("database");
      expect(fallback.hits.map((hit) => hit.id)).toEqual([upcoming.id]);
      expect((await searchEvents(query({ q: pastWords }))).total).toBe(0);
      const old = await searchEvents(query({ q: pastWords, when: "past" }));
      expect(old.hits.map((hit) => hit.id)).toEqual([ended.id]);
      expect((await searchEvents(query({ q: words, kinds: ["workshop"] }))).total).toBe(0);
    });
    // Ordered by start: upcoming soonest first.
    const all = await searchEvents(query({ perPage: 100 }));
    const starts = (
      await prisma.event.findMany({
        where: { id: { in: all.hits.map((hit) => hit.id) } },
        select: { id: true, startsAt: true },
      })
    ).sort((a, b) => all.hits.findIndex((h) => h.id === a.id) - all.hits.findIndex((h) => h.id === b.id));
    expect(starts.map((row) => row.startsAt.getTime())).toEqual(
      [...starts.map((row) => row.startsAt.getTime())].sort((a, b) => a - b),
    );
  });
});

describe("what the list shows", () => {
  test("cards come in the ranking's order with dates, a public organizer only, and nothing unpublished", async () => {
    const shown = await makeOrganization({ label: "events-cards-shown", kind: "institute" });
    const hidden = await makeOrganization({ label: "events-cards-hidden", kind: "institute" });
    const make = async (organizer: { organizationId: string } | { organizerName: string }, title: string) => {
      await createEvent(official, organizer, data({ titleVi: title }), hex().repeat(4));
      return prisma.event.findFirstOrThrow({ where: { titleVi: title } });
    };
    const first = await make({ organizationId: shown.id }, `Thẻ một ${hex()}`);
    const second = await make({ organizationId: hidden.id }, `Thẻ hai ${hex()}`);
    const third = await make({ organizerName: "Sở KH&CN Hà Nội" }, `Thẻ ba ${hex()}`);
    await prisma.organization.update({ where: { id: hidden.id }, data: { status: "draft" } });
    const cancelled = await make({ organizerName: "Sở KH&CN Hà Nội" }, `Thẻ hủy ${hex()}`);
    await cancelEvent(official, cancelled.id);

    const cards = await publicEventCards([third.id, cancelled.id, first.id, second.id]);
    expect(cards.map((card) => card.id)).toEqual([third.id, first.id, second.id]);
    expect(cards[0]!.startsAt).toEqual(third.startsAt);
    expect(cards[0]!.endsAt).toEqual(third.endsAt);
    expect(cards[0]).toMatchObject({ organizerName: "Sở KH&CN Hà Nội", organization: null, titleVi: third.titleVi });
    expect(cards[1]!.organization).toEqual({
      slug: shown.slug,
      nameVi: shown.nameVi,
      nameEn: shown.nameEn,
      acronym: shown.acronym,
    });
    // A listing taken down is no longer named on its events' cards.
    expect(cards[2]!.organization).toBeNull();
  });

  test("the organizer facet's names come by id and by slug, each through an index", async () => {
    const one = await makeOrganization({ label: "events-labels-one" });
    const two = await makeOrganization({ label: "events-labels-two" });
    const draft = await makeOrganization({ label: "events-labels-draft", status: "draft" });
    const labels = await organizerLabels([one.id, draft.id], [one.slug, two.slug, draft.slug]);
    expect(labels.map((row) => row.slug).sort()).toEqual([one.slug, two.slug].sort());
    expect(await organizerLabels([], [])).toEqual([]);
    // An OR of the two lists read every listing (100 ms at 100,000 of them).
    const statement = organizerLabelsStatement([one.id], [two.slug])!;
    const plan = (
      await prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${statement.sql}`, ...statement.values)
    ).map((row) => row.detail);
    expect(
      plan.filter((detail) => /^SCAN Organization/.test(detail)),
      plan.join("\n"),
    ).toEqual([]);
    expect(plan.filter((detail) => /^SEARCH Organization USING INDEX/.test(detail))).toHaveLength(2);
  });
});

describe("capacity changed by an edit", () => {
  test("an official's edit that adds seats gives them to the waitlist at once, oldest first, and tells them", async () => {
    const url = await createEvent(
      official,
      { organizerName: "Sở Khoa học và Công nghệ Hà Nội" },
      data({ titleVi: "Chợ công nghệ mùa thu", capacity: "1" }),
      hex(),
    );
    const slug = /^\/events\/([^?]+)/.exec(url)![1]!;
    const [first, second, third] = [await makeUser(), await makeUser(), await makeUser()];
    for (const member of [first, second, third])
      await registerForEvent(member.id, slug, { listed: false, interests: null }, hex());
    const statuses = async () =>
      Object.fromEntries(
        (await prisma.eventRegistration.findMany({ where: { event: { slug } } })).map((row) => [
          row.userId,
          row.status,
        ]),
      );
    expect(await statuses()).toEqual({ [first.id]: "registered", [second.id]: "waitlisted", [third.id]: "waitlisted" });

    const event = await prisma.event.findUniqueOrThrow({ where: { slug } });
    expect(await editEvent(official, event.id, data({ titleVi: "Chợ công nghệ mùa thu", capacity: "2" }))).toBe(
      "saved",
    );
    expect(await statuses()).toEqual({ [first.id]: "registered", [second.id]: "registered", [third.id]: "waitlisted" });
    expect(await prisma.notification.count({ where: { userId: second.id, type: "event" } })).toBe(2);
  });
});
