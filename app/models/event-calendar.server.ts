import crypto from "node:crypto";
import ical, { ICalEventStatus, type ICalCalendar } from "ical-generator";
import { appUrl } from "~/config/app-url.server";
import { translator } from "~/i18n/i18n";
import { prisma } from "~/db/client.server";
import { eventPlace, eventSelect, eventTitle, eventUrl } from "./event-registration.server";
import { portalSignature } from "./unsubscribe.server";

/**
 * iCalendar files (docs/decisions/077), written by ical-generator: one event, the public feed of
 * upcoming events, and a member's own calendar (their registered events and accepted meetings).
 * Times are UTC instants (DTSTART…Z), which every calendar shows in its reader's zone; UIDs are
 * stable, so a re-imported or refreshed event updates instead of doubling. The personal feed is
 * read by calendar apps without cookies: its address carries a token naming the member, signed
 * with the portal's own key like the unsubscribe links.
 */
type Lang = "vi" | "en";

const CALENDAR_SELECT = {
  ...eventSelect,
  descriptionVi: true,
  descriptionEn: true,
  organizerName: true,
  updatedAt: true,
  organization: { select: { nameVi: true, nameEn: true } },
} as const;

type CalendarEvent = {
  id: string;
  slug: string;
  titleVi: string | null;
  titleEn: string | null;
  descriptionVi: string | null;
  descriptionEn: string | null;
  startsAt: Date;
  endsAt: Date;
  status: string;
  format: string;
  venue: string | null;
  ward: string | null;
  onlineUrl: string | null;
  organizerName: string | null;
  updatedAt: Date;
  organization: { nameVi: string | null; nameEn: string | null } | null;
};

export const eventUid = (id: string) => `event-${id}@hanoi-innovation`;
const meetingUid = (id: string) => `meeting-${id}@hanoi-innovation`;

/** How long a calendar app may keep a feed before asking again (REFRESH-INTERVAL). */
export const FEED_TTL_SECONDS = 60 * 60;

function newCalendar(lang: Lang, name: string, feed: boolean): ICalCalendar {
  return ical({
    name,
    prodId: { company: "Hanoi Innovation Network", product: "events", language: lang.toUpperCase() },
    ...(feed ? { ttl: FEED_TTL_SECONDS, url: `${appUrl()}/events` } : {}),
  });
}

/** RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves it off. */
const serialize = (calendar: ICalCalendar) => `${calendar.toString()}\r\n`;

function addEvent(calendar: ICalCalendar, event: CalendarEvent, lang: Lang) {
  const t = translator(lang);
  const url = `${appUrl()}${eventUrl(event.slug)}`;
  const place = eventPlace(event, lang);
  const organizer =
    (lang === "en"
      ? event.organization?.nameEn || event.organization?.nameVi
      : event.organization?.nameVi || event.organization?.nameEn) || event.organizerName;
  const text = lang === "en" ? event.descriptionEn || event.descriptionVi : event.descriptionVi || event.descriptionEn;
  const description = [
    text?.trim(),
    organizer ? t("calendar.organizer", { name: organizer }) : null,
    place.onlineUrl ? t("calendar.online", { url: place.onlineUrl }) : null,
    t("calendar.details", { url }),
  ].filter(Boolean);
  calendar.createEvent({
    id: eventUid(event.id),
    start: event.startsAt,
    end: event.endsAt,
    stamp: event.updatedAt,
    lastModified: event.updatedAt,
    summary: eventTitle(event, lang),
    description: description.join("\n\n"),
    location: place.address ?? place.onlineUrl,
    url,
    status: event.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

/** One published (or cancelled) event's file; null for any other event. */
export async function singleEventCalendar(slug: string, lang: Lang) {
  const event = await prisma.event.findUnique({ where: { slug }, select: CALENDAR_SELECT });
  if (!event || !["published", "cancelled"].includes(event.status)) return null;
  const calendar = newCalendar(lang, eventTitle(event, lang), false);
  addEvent(calendar, event, lang);
  return { body: serialize(calendar), filename: `${event.slug.replace(/[^a-z0-9-]/gi, "") || "event"}.ics` };
}

export const FEED_MONTHS = 12;
export const FEED_MAX_EVENTS = 500;

/** The public feed: published events not yet ended, starting within the next 12 months, at most 500. */
export async function publicEventFeed(lang: Lang, now = new Date()) {
  const until = new Date(now);
  until.setUTCMonth(until.getUTCMonth() + FEED_MONTHS);
  const events = await prisma.event.findMany({
    where: { status: "published", endsAt: { gt: now }, startsAt: { lte: until } },
    select: CALENDAR_SELECT,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: FEED_MAX_EVENTS,
  });
  const calendar = newCalendar(lang, translator(lang)("calendar.feedName"), true);
  for (const event of events) addEvent(calendar, event, lang);
  return serialize(calendar);
}

/**
 * A member's calendar: the events they hold a seat at (cancelled events stay, marked so,
 * until a calendar app drops them) and their accepted meetings.
 */
export async function personalCalendar(userId: string, lang: Lang) {
  const t = translator(lang);
  const [registrations, meetings] = await Promise.all([
    prisma.eventRegistration.findMany({
      where: { userId, status: "registered", event: { status: { in: ["published", "cancelled"] } } },
      select: { event: { select: CALENDAR_SELECT } },
      orderBy: { event: { startsAt: "desc" } },
      take: FEED_MAX_EVENTS,
    }),
    prisma.eventMeeting.findMany({
      where: { status: "accepted", OR: [{ requesterId: userId }, { inviteeId: userId }] },
      select: {
        id: true,
        startsAt: true,
        endsAt: true,
        updatedAt: true,
        requesterId: true,
        requester: { select: { name: true } },
        invitee: { select: { name: true } },
        event: {
          select: { slug: true, titleVi: true, titleEn: true, format: true, venue: true, ward: true, onlineUrl: true },
        },
      },
      orderBy: { startsAt: "desc" },
      take: FEED_MAX_EVENTS,
    }),
  ]);
  const calendar = newCalendar(lang, t("calendar.personalName"), true);
  for (const { event } of registrations) addEvent(calendar, event, lang);
  for (const meeting of meetings) {
    // Only the other side's name: what each wrote about the meeting stays in its conversation.
    const other = meeting.requesterId === userId ? meeting.invitee.name : meeting.requester.name;
    const place = eventPlace(meeting.event, lang);
    calendar.createEvent({
      id: meetingUid(meeting.id),
      start: meeting.startsAt,
      end: meeting.endsAt,
      stamp: meeting.updatedAt,
      summary: t("calendar.meeting", { name: other, title: eventTitle(meeting.event, lang) }),
      location: place.address ?? place.onlineUrl,
      url: `${appUrl()}${eventUrl(meeting.event.slug)}`,
    });
  }
  return serialize(calendar);
}

const TOKEN_PURPOSE = "calendar-feed:";

/**
 * What a feed's address signs: the member and their feed's version, so that a reset
 * (a new version) ends every older address. Version 0 signs the member alone, as every
 * address did before resets existed, so feeds already subscribed to keep working.
 */
const tokenPayload = (userId: string, version: number) =>
  version === 0 ? `${TOKEN_PURPOSE}${userId}` : `${TOKEN_PURPOSE}${userId}:${version}`;

/** The personal feed's token at a version: "<userId>.<signature>". */
export const calendarToken = (userId: string, version: number) =>
  portalSignature(tokenPayload(userId, version)).then((signature) => `${userId}.${signature}`);

/** The address of the member's personal feed as it stands. */
export async function calendarFeedUrl(userId: string) {
  const { calendarFeedVersion } = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { calendarFeedVersion: true },
  });
  return `${appUrl()}/calendar/${await calendarToken(userId, calendarFeedVersion)}.ics`;
}

/** Gives the member's feed a new address; the old one then opens nothing. */
export async function resetCalendarFeed(userId: string) {
  await prisma.user.update({ where: { id: userId }, data: { calendarFeedVersion: { increment: 1 } } });
}

/** The member a token names, or null when it is malformed, tampered with, reset or names nobody. */
export async function readCalendarToken(token: string): Promise<string | null> {
  if (token.length > 200) return null;
  const match = /^([a-z0-9]{1,40})\.([A-Za-z0-9_-]{1,100})$/.exec(token);
  if (!match) return null;
  const [, userId, signature] = match as unknown as [string, string, string];
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { calendarFeedVersion: true } });
  // Signed for nobody and signed wrongly look alike: the same comparison runs either way.
  const expected = Buffer.from(await portalSignature(tokenPayload(userId, user?.calendarFeedVersion ?? 0)));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  return user ? userId : null;
}

/** The personal feed a token opens, in its member's language; null for a bad token. */
export async function personalFeed(token: string) {
  const userId = await readCalendarToken(token);
  if (!userId) return null;
  const { locale } = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } });
  return personalCalendar(userId, locale === "en" ? "en" : "vi");
}

/** The headers every calendar answer carries; `filename` makes it a download. */
export function calendarHeaders(options: { filename?: string; private?: boolean } = {}) {
  return {
    "Content-Type": "text/calendar; charset=utf-8",
    ...(options.filename ? { "Content-Disposition": `attachment; filename="${options.filename}"` } : {}),
    // Five minutes, like the other public exports; the summary follows the reader's language.
    "Cache-Control": options.private ? "private, max-age=300" : "public, max-age=300",
    ...(options.private ? {} : { Vary: "Accept-Language, Cookie" }),
  };
}
