import { fullAddress } from "~/domain/address";
import { eventTimeRange } from "~/domain/event-time";
import { eventIcsUrl, eventUrl, registrationUrl } from "~/domain/event-urls";
import type { RegistrationStatus } from "~/domain/event-values";
import { isLanguage } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { prisma } from "~/db/client.server";
import { eventBaseSelect } from "./event-select.server";
import { notify } from "./notification.server";
import { write, writeOnce, type Effects, type Tx } from "./write.server";

/**
 * Registration for events (docs/decisions/077). A signed-in member registers for a published
 * event that has not ended; past the event's capacity the registration waits (oldest first by
 * createdAt); a cancelled seat goes to the oldest waiting one, who is told at once. The seat
 * count and the insert run in one write() (BEGIN IMMEDIATE: no other writer runs between
 * them), so concurrent registrations never exceed the capacity. One row per event and member:
 * registering again after cancelling reuses it, at the back of the queue.
 */

export type RegistrationProblem = "unpublished" | "cancelled" | "past" | "notRegistered";

/** A refusal the page shows as a message (400). */
export class RegistrationError extends Error {
  constructor(readonly problem: RegistrationProblem) {
    super(`registration: ${problem}`);
  }
}

const notFound = () => new Response("Not found", { status: 404 });

/** The statuses whose event has a registration page: the others are not known to outsiders. */
const SHOWN_STATUSES = ["published", "cancelled"];

export const eventSelect = {
  ...eventBaseSelect,
  capacity: true,
  format: true,
  venue: true,
  ward: true,
  onlineUrl: true,
} as const;

type EventRow = {
  slug: string;
  titleVi: string | null;
  titleEn: string | null;
  startsAt: Date;
  endsAt: Date;
  status: string;
};

export const eventTitle = (event: Pick<EventRow, "titleVi" | "titleEn">, lang: "vi" | "en") =>
  (lang === "en" ? event.titleEn || event.titleVi : event.titleVi || event.titleEn) ?? "";

export { eventIcsUrl, eventUrl, registrationUrl };

/** Where an in-person event takes place: venue and ward; an online one: its link. */
export function eventPlace(
  event: { format: string; venue: string | null; ward: string | null; onlineUrl: string | null },
  lang: "vi" | "en",
) {
  const address = event.format === "online" ? null : fullAddress(event.venue, event.ward, lang);
  return { address, onlineUrl: event.format === "in_person" ? null : event.onlineUrl };
}

/** Why an event takes no registration at `now`, or null when it does. */
export function closedReason(event: Pick<EventRow, "status" | "endsAt">, now = new Date()) {
  if (event.status === "cancelled") return "cancelled" as const;
  if (event.status !== "published") return "unpublished" as const;
  if (event.endsAt.getTime() <= now.getTime()) return "past" as const;
  return null;
}

/** A published or cancelled event by its slug, shaped for the registration page; null otherwise. */
export async function findRegistrationEvent(slug: string) {
  const event = await prisma.event.findUnique({ where: { slug }, select: eventSelect });
  return event && SHOWN_STATUSES.includes(event.status) ? event : null;
}

/** Waitlisted rows in their order: the oldest (re-)registration first. */
const WAITLIST_ORDER = [{ createdAt: "asc" as const }, { id: "asc" as const }];

type Db = Tx | typeof prisma;

/** The place in the queue of a waitlisted registration: 1 for the next one to get a seat. */
async function waitlistPosition(registration: { id: string; eventId: string; createdAt: Date }, db: Db) {
  const ahead = await db.eventRegistration.count({
    where: {
      eventId: registration.eventId,
      status: "waitlisted",
      OR: [
        { createdAt: { lt: registration.createdAt } },
        { createdAt: registration.createdAt, id: { lt: registration.id } },
      ],
    },
  });
  return ahead + 1;
}

/** Seats left (null: no limit), how many wait, and the member's own registration. */
export async function registrationSummary(event: { id: string; capacity: number | null }, userId: string | null) {
  const [registered, waitlisted, mine] = await Promise.all([
    prisma.eventRegistration.count({ where: { eventId: event.id, status: "registered" } }),
    prisma.eventRegistration.count({ where: { eventId: event.id, status: "waitlisted" } }),
    userId
      ? prisma.eventRegistration.findUnique({
          where: { eventId_userId: { eventId: event.id, userId } },
          select: { id: true, eventId: true, status: true, listed: true, interests: true, createdAt: true },
        })
      : null,
  ]);
  return {
    seatsLeft: event.capacity === null ? null : Math.max(0, event.capacity - registered),
    waitlisted,
    mine: mine
      ? {
          status: mine.status as RegistrationStatus,
          listed: mine.listed,
          interests: mine.interests,
          position: mine.status === "waitlisted" ? await waitlistPosition(mine, prisma) : null,
        }
      : null,
  };
}

/** Tells a member about their registration: the line, the event's page, its calendar file. */
async function tellMember(
  userId: string,
  key: Extract<MessageKey, `registration.notify.${string}`>,
  event: EventRow,
  tx: Tx,
  effects: Effects,
) {
  const { locale } = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } });
  const lang = isLanguage(locale) ? locale : "vi";
  await notify(
    {
      userId,
      type: "event",
      key,
      params: { title: eventTitle(event, lang), time: eventTimeRange(lang, event.startsAt, event.endsAt) },
      url: eventUrl(event.slug),
      mail: {
        action: "mail.action.event",
        links: [{ label: "registration.mail.calendar", path: eventIcsUrl(event.slug) }],
      },
    },
    tx,
    effects,
  );
}

/**
 * Gives free seats to the waitlist, oldest first, and tells each promoted member. Called after
 * a cancellation; the events' edit form may call it when an event's capacity grows.
 */
export async function fillSeats(
  event: EventRow & { id: string; capacity: number | null },
  tx: Tx,
  effects: Effects,
  now = new Date(),
) {
  if (closedReason(event, now)) return 0;
  const registered = await tx.eventRegistration.count({ where: { eventId: event.id, status: "registered" } });
  const free = event.capacity === null ? Number.MAX_SAFE_INTEGER : event.capacity - registered;
  if (free <= 0) return 0;
  const next = await tx.eventRegistration.findMany({
    where: { eventId: event.id, status: "waitlisted" },
    orderBy: WAITLIST_ORDER,
    take: Math.min(free, 1_000),
    select: { id: true, userId: true },
  });
  for (const registration of next) {
    await tx.eventRegistration.update({
      where: { id: registration.id },
      data: { status: "registered", promotedAt: now },
    });
    await tellMember(registration.userId, "registration.notify.promoted", event, tx, effects);
  }
  return next.length;
}

export type RegistrationChoice = { listed: boolean; interests: string | null };

const choiceData = (choice: RegistrationChoice) => ({
  listed: choice.listed,
  // What they want to meet about only means something when others see them.
  interests: choice.listed ? choice.interests : null,
});

async function openEvent(slug: string, tx: Tx) {
  const event = await tx.event.findUnique({ where: { slug }, select: eventSelect });
  if (!event || !SHOWN_STATUSES.includes(event.status)) throw notFound();
  return event;
}

/** The page a form leads back to, saying what happened. */
const doneUrl = (slug: string, done: string) => `${registrationUrl(slug)}?done=${done}`;

/**
 * Registers the member, or puts them on the waitlist when the event is full; told either way.
 * Already registered or waiting: only their choice changes. Once per form key.
 */
export async function registerForEvent(
  userId: string,
  slug: string,
  choice: RegistrationChoice,
  formKey: string,
  now = new Date(),
): Promise<string> {
  return writeOnce(userId, formKey, async (tx, effects) => {
    const event = await openEvent(slug, tx);
    const closed = closedReason(event, now);
    if (closed) throw new RegistrationError(closed);
    const existing = await tx.eventRegistration.findUnique({
      where: { eventId_userId: { eventId: event.id, userId } },
      select: { id: true, status: true },
    });
    if (existing && existing.status !== "cancelled") {
      await tx.eventRegistration.update({ where: { id: existing.id }, data: choiceData(choice) });
      return doneUrl(slug, existing.status);
    }
    // Free seats go to those already waiting before anyone new.
    await fillSeats(event, tx, effects, now);
    const [registered, waiting] = await Promise.all([
      tx.eventRegistration.count({ where: { eventId: event.id, status: "registered" } }),
      tx.eventRegistration.count({ where: { eventId: event.id, status: "waitlisted" } }),
    ]);
    const full = event.capacity !== null && (registered >= event.capacity || waiting > 0);
    const status: RegistrationStatus = full ? "waitlisted" : "registered";
    const data = {
      status,
      ...choiceData(choice),
      // At the back of the queue, like anyone registering now.
      createdAt: now,
      cancelledAt: null,
      promotedAt: null,
      reminderSentAt: null,
    };
    if (existing) await tx.eventRegistration.update({ where: { id: existing.id }, data });
    else await tx.eventRegistration.create({ data: { eventId: event.id, userId, ...data } });
    await tellMember(
      userId,
      full ? "registration.notify.waitlisted" : "registration.notify.registered",
      event,
      tx,
      effects,
    );
    return doneUrl(slug, status);
  });
}

/** Cancels the member's seat or place in the queue; a freed seat goes to the oldest waiting. */
export async function cancelRegistration(
  userId: string,
  slug: string,
  formKey: string,
  now = new Date(),
): Promise<string> {
  return writeOnce(userId, formKey, async (tx, effects) => {
    const event = await openEvent(slug, tx);
    const registration = await tx.eventRegistration.findUnique({
      where: { eventId_userId: { eventId: event.id, userId } },
      select: { id: true, status: true },
    });
    if (!registration || registration.status === "cancelled") throw new RegistrationError("notRegistered");
    const closed = closedReason(event, now);
    if (closed === "past") throw new RegistrationError("past");
    await tx.eventRegistration.update({
      where: { id: registration.id },
      data: { status: "cancelled", cancelledAt: now },
    });
    if (registration.status === "registered") await fillSeats(event, tx, effects, now);
    return doneUrl(slug, "cancelled");
  });
}

/** Changes whether the member is shown to other participants, and what they want to meet about. */
export async function updateRegistration(
  userId: string,
  slug: string,
  choice: RegistrationChoice,
  formKey: string,
): Promise<string> {
  return writeOnce(userId, formKey, async (tx) => {
    const event = await openEvent(slug, tx);
    const updated = await tx.eventRegistration.updateMany({
      where: { eventId: event.id, userId, status: { not: "cancelled" } },
      data: choiceData(choice),
    });
    if (updated.count === 0) throw new RegistrationError("notRegistered");
    return doneUrl(slug, "updated");
  });
}

/** The member's registrations, upcoming (soonest first) and past (latest first), shaped for /me/events. */
export async function myRegistrations(userId: string, lang: "vi" | "en", now = new Date()) {
  const rows = await prisma.eventRegistration.findMany({
    where: { userId, event: { status: { in: SHOWN_STATUSES } } },
    select: {
      id: true,
      eventId: true,
      status: true,
      createdAt: true,
      event: { select: eventSelect },
    },
    orderBy: { event: { startsAt: "asc" } },
    take: 500,
  });
  const shaped = await Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      status: row.status as RegistrationStatus,
      position: row.status === "waitlisted" ? await waitlistPosition(row, prisma) : null,
      event: {
        slug: row.event.slug,
        title: eventTitle(row.event, lang),
        time: eventTimeRange(lang, row.event.startsAt, row.event.endsAt),
        cancelled: row.event.status === "cancelled",
        ...eventPlace(row.event, lang),
      },
      past: row.event.endsAt.getTime() <= now.getTime(),
    })),
  );
  return {
    upcoming: shaped.filter((row) => !row.past),
    // Past cancellations say nothing worth keeping.
    past: shaped.filter((row) => row.past && row.status !== "cancelled").reverse(),
  };
}

const HOUR_MS = 60 * 60 * 1000;
/** Events starting this far ahead get their reminder: "the day before", whatever the hour the task runs. */
export const REMINDER_WINDOW = { fromMs: 24 * HOUR_MS, toMs: 36 * HOUR_MS };

/**
 * The day-before reminder (periodic task "event-reminders"): each registered member of a
 * published event starting 24–36 hours from now is told once. Each reminder claims its row
 * (reminderSentAt, compare-and-set) in the write that notifies, so two runs never both send.
 */
export async function sendEventReminders(now = new Date()) {
  const due = await prisma.eventRegistration.findMany({
    where: {
      status: "registered",
      reminderSentAt: null,
      event: {
        status: "published",
        startsAt: {
          gte: new Date(now.getTime() + REMINDER_WINDOW.fromMs),
          lte: new Date(now.getTime() + REMINDER_WINDOW.toMs),
        },
      },
    },
    select: { id: true, userId: true, updatedAt: true, event: { select: eventSelect } },
    take: 2_000,
  });
  let sent = 0;
  for (const registration of due) {
    sent += await write(async (tx, effects) => {
      const claimed = await tx.eventRegistration.updateMany({
        where: { id: registration.id, status: "registered", reminderSentAt: null },
        // A reminder is not the member's edit: Prisma would stamp updatedAt.
        data: { reminderSentAt: now, updatedAt: registration.updatedAt },
      });
      if (claimed.count === 0) return 0;
      await tellMember(registration.userId, "registration.notify.reminder", registration.event, tx, effects);
      return 1;
    });
  }
  return sent;
}
