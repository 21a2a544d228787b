import ICAL from "ical.js";
import { afterAll, describe, expect, test } from "vitest";
import { hanoiInstant } from "~/domain/event-time";
import {
  calendarFeedUrl,
  calendarToken,
  eventUid,
  personalCalendar,
  personalFeed,
  publicEventFeed,
  readCalendarToken,
  resetCalendarFeed,
  singleEventCalendar,
} from "~/models/event-calendar.server";
import { prisma } from "~/db/client.server";
import { hex, makeEvent, makeRegistration, makeUser } from "../factories";

/**
 * The iCalendar files (docs/decisions/077), written by ical-generator and read back here by a
 * different parser (ical.js): the times are the Hanoi wall-clock times entered whatever the
 * process's time zone, Vietnamese text survives line folding, UIDs are stable, cancelled events
 * say so, and the personal feed opens only with a token the portal signed.
 */
const originalTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalTz;
});

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => ({ vevent, event: new ICAL.Event(vevent) }));
}

/** RFC 5545 §3.1: lines end in CRLF and are at most 75 octets; a continuation starts with a space. */
function expectValidFolding(text: string) {
  expect(text.endsWith("\r\n")).toBe(true);
  const lines = text.slice(0, -2).split("\r\n");
  for (const line of lines) {
    expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
    expect(line).not.toContain("\n");
  }
}

const LONG_VI =
  "Hội thảo khoa học về chuyển giao công nghệ xử lý nước thải cho các làng nghề ven đô, " +
  "với phần trình diễn thiết bị đo chất lượng nước và phiên gặp gỡ doanh nghiệp – viện nghiên cứu.";

describe("one event's file", () => {
  test.each(["UTC", "Asia/Ho_Chi_Minh", "America/Los_Angeles", "Pacific/Kiritimati"])(
    "08:30–11:30 Hanoi is 01:30Z–04:30Z, with the text intact, under TZ=%s",
    async (zone) => {
      process.env.TZ = zone;
      const event = await makeEvent({
        titleVi: "Chợ công nghệ: thiết bị đo lường, cảm biến & tự động hóa",
        titleEn: "Technology market: instruments",
        descriptionVi: LONG_VI,
        startsAt: hanoiInstant("2026-12-12", "08:30")!,
        endsAt: hanoiInstant("2026-12-12", "11:30")!,
        venue: "Cung Văn hóa Hữu nghị, 91 Trần Hưng Đạo",
        ward: "cua-nam",
      });
      const file = (await singleEventCalendar(event.slug, "vi"))!;
      expect(file.filename).toBe(`${event.slug}.ics`);
      expectValidFolding(file.body);
      expect(file.body).toContain("DTSTART:20261212T013000Z");
      const [parsed] = parse(file.body);
      const { event: read, vevent } = parsed!;
      expect(read.uid).toBe(eventUid(event.id));
      expect(read.startDate.toJSDate().toISOString()).toBe("2026-12-12T01:30:00.000Z");
      expect(read.endDate.toJSDate().toISOString()).toBe("2026-12-12T04:30:00.000Z");
      expect(read.summary).toBe("Chợ công nghệ: thiết bị đo lường, cảm biến & tự động hóa");
      expect(read.description).toContain(LONG_VI);
      expect(read.description).toContain("Đơn vị tổ chức: Sở Khoa học và Công nghệ Hà Nội");
      expect(read.location).toBe("Cung Văn hóa Hữu nghị, 91 Trần Hưng Đạo, Phường Cửa Nam, Hà Nội");
      expect(String(vevent.getFirstPropertyValue("url"))).toMatch(new RegExp(`/events/${event.slug}$`));
      expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    },
  );

  test("the summary follows the reader's language, with the Vietnamese title when there is no English one", async () => {
    const both = await makeEvent({ titleVi: "Ngày hội khởi nghiệp", titleEn: "Startup day" });
    const viOnly = await makeEvent({ titleVi: "Khóa đào tạo sở hữu trí tuệ", titleEn: null });
    expect(parse((await singleEventCalendar(both.slug, "en"))!.body)[0]!.event.summary).toBe("Startup day");
    expect(parse((await singleEventCalendar(both.slug, "vi"))!.body)[0]!.event.summary).toBe("Ngày hội khởi nghiệp");
    expect(parse((await singleEventCalendar(viOnly.slug, "en"))!.body)[0]!.event.summary).toBe(
      "Khóa đào tạo sở hữu trí tuệ",
    );
  });

  test("an online event's location is its link; a cancelled event says CANCELLED; pending ones have no file", async () => {
    const online = await makeEvent({ format: "online", venue: null, onlineUrl: "https://meet.example.vn/hoi-thao" });
    expect(parse((await singleEventCalendar(online.slug, "vi"))!.body)[0]!.event.location).toBe(
      "https://meet.example.vn/hoi-thao",
    );
    const cancelled = await makeEvent({ status: "cancelled" });
    const [read] = parse((await singleEventCalendar(cancelled.slug, "vi"))!.body);
    expect(read!.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    for (const status of ["pending", "rejected", "draft"]) {
      const hidden = await makeEvent({ status });
      expect(await singleEventCalendar(hidden.slug, "vi")).toBeNull();
    }
  });
});

describe("the public feed", () => {
  test("holds upcoming published events of the next 12 months only, and no registrant's address", async () => {
    const member = await makeUser({ label: "feed-reader", password: null });
    const soon = await makeEvent({ titleVi: `Sắp tới ${hex()}` });
    await makeRegistration(soon.id, member.id);
    const pending = await makeEvent({ status: "pending" });
    const past = await makeEvent({
      startsAt: new Date(Date.now() - 86_400_000),
      endsAt: new Date(Date.now() - 3_600_000),
    });
    const farAway = await makeEvent({ startsAt: new Date(Date.now() + 400 * 86_400_000) });
    const body = await publicEventFeed("vi");
    expectValidFolding(body);
    const uids = parse(body).map(({ event }) => event.uid);
    expect(uids).toContain(eventUid(soon.id));
    for (const hidden of [pending, past, farAway]) expect(uids).not.toContain(eventUid(hidden.id));
    expect(body).not.toContain(member.email);
  });
});

describe("the personal feed", () => {
  test("holds the member's seats and accepted meetings, opens with the signed token, 404s when tampered", async () => {
    const member = await makeUser({ label: "calendar-owner", password: null });
    const other = await makeUser({ label: "meeting-partner", name: "Nguyễn Thị Hà", password: null });
    const seat = await makeEvent({ titleVi: "Sự kiện có chỗ" });
    const waiting = await makeEvent({ titleVi: "Sự kiện đang chờ" });
    await makeRegistration(seat.id, member.id);
    await makeRegistration(waiting.id, member.id, { status: "waitlisted" });
    const conversation = await prisma.conversation.create({
      data: { kind: "meeting", subject: "Gặp gỡ", starterId: other.id },
    });
    const meeting = await prisma.eventMeeting.create({
      data: {
        eventId: seat.id,
        conversationId: conversation.id,
        requesterId: other.id,
        inviteeId: member.id,
        startsAt: hanoiInstant("2026-12-20", "09:00")!,
        endsAt: hanoiInstant("2026-12-20", "09:30")!,
        status: "accepted",
        requesterNote: "GHI-CHU-RIENG-planted",
      },
    });

    const body = await personalCalendar(member.id, "vi");
    expectValidFolding(body);
    const events = parse(body);
    const uids = events.map(({ event }) => event.uid);
    expect(uids).toContain(eventUid(seat.id));
    expect(uids).not.toContain(eventUid(waiting.id));
    const met = events.find(({ event }) => event.uid === `meeting-${meeting.id}@hanoi-innovation`)!;
    expect(met.event.summary).toBe("Gặp gỡ: Nguyễn Thị Hà · Sự kiện có chỗ");
    expect(met.event.startDate.toJSDate().toISOString()).toBe("2026-12-20T02:00:00.000Z");
    expect(body).not.toContain("GHI-CHU-RIENG-planted");
    expect(body).not.toContain(other.email);

    const token = await calendarToken(member.id, 0);
    expect(await readCalendarToken(token)).toBe(member.id);
    expect(await personalFeed(token)).toContain(eventUid(seat.id));
    const [userId, signature] = token.split(".") as [string, string];
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    for (const bad of [`${userId}.${flipped}`, `${other.id}.${signature}`, userId, `${token}x`, "", "a.b.c"]) {
      expect(await personalFeed(bad)).toBeNull();
    }
  });

  test("a reset gives the feed a new address and the old one opens nothing", async () => {
    const member = await makeUser({ label: "feed-reset", password: null });
    const first = await calendarFeedUrl(member.id);
    // Addresses from before resets existed (version 0) are the ones already subscribed to.
    expect(first).toContain(`/calendar/${await calendarToken(member.id, 0)}.ics`);
    const tokenOf = (url: string) => /\/calendar\/(.+)\.ics$/.exec(url)![1]!;
    expect(await readCalendarToken(tokenOf(first))).toBe(member.id);

    await resetCalendarFeed(member.id);
    const second = await calendarFeedUrl(member.id);
    expect(second).not.toBe(first);
    expect(await readCalendarToken(tokenOf(first))).toBeNull();
    expect(await personalFeed(tokenOf(first))).toBeNull();
    expect(await readCalendarToken(tokenOf(second))).toBe(member.id);

    // Each reset ends the address before it, never one of another member.
    await resetCalendarFeed(member.id);
    expect(await readCalendarToken(tokenOf(second))).toBeNull();
    expect(await readCalendarToken(tokenOf(await calendarFeedUrl(member.id)))).toBe(member.id);
  });
});
