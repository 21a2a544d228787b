import { conversationUrl } from "~/domain/conversation";
import { findSlot, MAX_OPEN_REQUESTS, meetingSlots, type Slot } from "~/domain/meeting";
import type { MeetingOutcome, MeetingStatus } from "~/domain/meeting-values";
import type { MessageKey } from "~/i18n/messages";
import { prisma } from "~/db/client.server";
import { recordEvent, startConversation } from "./conversation.server";
import { eventBaseSelect } from "./event-select.server";
import { notify } from "./notification.server";
import { write, writeOnce, type Tx } from "./write.server";

/**
 * Matchmaking meetings at events (docs/decisions/073). Registered participants who opt in
 * are listed to the others; a meeting request is a conversation of kind "meeting" (starter:
 * the requester, owner: the invitee) with an EventMeeting row; each step is recorded in the
 * thread and told to the other side. No person's accepted meetings overlap: checked inside
 * the write's transaction (BEGIN IMMEDIATE: no other writer between the check and the write).
 */

export type MeetingProblem =
  | "slotInvalid"
  | "slotPast"
  | "clash"
  | "self"
  | "notRegistered"
  | "notListed"
  | "tooMany"
  | "alreadyAsked"
  | "closed"
  | "wrongStatus"
  | "started"
  | "notEnded";

/** A refusal the page shows as a message (4xx); `field` is the form field it is about. */
export class MeetingError extends Error {
  constructor(
    readonly problem: MeetingProblem,
    readonly field: "slot" | "outcome" | null = null,
  ) {
    super(`meeting: ${problem}`);
  }
}

const notFound = () => new Response("Not found", { status: 404 });
const forbidden = () => new Response("You are not allowed to do this.", { status: 403 });

type Db = Tx | typeof prisma;

const eventSelect = {
  ...eventBaseSelect,
  meetingsOpen: true,
  meetingMinutes: true,
} as const;

export type MeetingEvent = {
  id: string;
  slug: string;
  titleVi: string | null;
  titleEn: string | null;
  startsAt: Date;
  endsAt: Date;
  status: string;
  meetingsOpen: boolean;
  meetingMinutes: number;
};

const eventTitle = (event: { titleVi: string | null; titleEn: string | null }) => event.titleVi || event.titleEn || "";

/** A published event by its slug (a draft, pending or unknown one: null, shown as 404). */
export function publishedEvent(slug: string, db: Db = prisma): Promise<MeetingEvent | null> {
  return db.event.findFirst({ where: { slug, status: "published" }, select: eventSelect });
}

/** This person's registration at the event, when it holds a seat ("registered"). */
function seatOf(eventId: string, userId: string, db: Db) {
  return db.eventRegistration.findFirst({
    where: { eventId, userId, status: "registered" },
    select: { id: true, listed: true, interests: true },
  });
}

/**
 * Refuses a span in which either person already has an accepted meeting (at this or any
 * event); `except` is the meeting being accepted.
 */
async function assertFree(people: string[], slot: Slot, except: string | null, tx: Tx) {
  const clash = await tx.eventMeeting.findFirst({
    where: {
      status: "accepted",
      OR: [{ requesterId: { in: people } }, { inviteeId: { in: people } }],
      startsAt: { lt: slot.end },
      endsAt: { gt: slot.start },
      ...(except ? { id: { not: except } } : {}),
    },
    select: { id: true },
  });
  if (clash) throw new MeetingError("clash", "slot");
}

/**
 * Who is coming, as a registered participant sees it: the others who opted in, with their
 * public profile or listing and what they want to meet about (never an e-mail). For anyone
 * else only why they cannot see it.
 */
export async function peopleAtEvent(event: MeetingEvent, viewerId: string | null) {
  // An event without meetings shows nobody: people opted in to be asked for meetings.
  if (!event.meetingsOpen) return { access: "closed" as const };
  if (!viewerId) return { access: "signIn" as const };
  const mine = await seatOf(event.id, viewerId, prisma);
  if (!mine) return { access: "notRegistered" as const };
  const rows = await prisma.eventRegistration.findMany({
    where: { eventId: event.id, status: "registered", listed: true, userId: { not: viewerId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      interests: true,
      user: {
        select: {
          name: true,
          expertProfile: { select: { slug: true, fullName: true, status: true, hiddenAt: true } },
          managedOrganizations: {
            where: { organization: { status: "published" } },
            take: 1,
            select: { organization: { select: { slug: true, nameVi: true, nameEn: true } } },
          },
        },
      },
    },
  });
  const now = new Date();
  return {
    access: "registered" as const,
    own: { listed: mine.listed, interests: mine.interests ?? "" },
    slots: meetingSlots(event).filter((slot) => slot.start > now),
    people: rows.map(({ id, interests, user }) => {
      const profile = user.expertProfile;
      const organization = user.managedOrganizations[0]?.organization ?? null;
      return {
        id,
        name: user.name,
        interests,
        expert:
          profile && profile.status === "published" && !profile.hiddenAt
            ? { slug: profile.slug, fullName: profile.fullName }
            : null,
        organization,
      };
    }),
  };
}

/** A registered participant shows or hides themselves on the event's list, and says what they want to meet about. */
export async function setListing(
  eventId: string,
  userId: string,
  input: { listed: boolean; interests: string | null },
) {
  await write(async (tx) => {
    const seat = await seatOf(eventId, userId, tx);
    if (!seat) throw new MeetingError("notRegistered");
    await tx.eventRegistration.update({
      where: { id: seat.id },
      data: { listed: input.listed, interests: input.interests },
    });
  });
}

export type MeetingRequestInput = { registrationId: string; slot: string; message: string };

/**
 * A meeting request to a listed participant: its conversation (starter: the requester,
 * owner: the invitee) with the message, the EventMeeting "requested", the step in the
 * thread and the invitee told, in one write, once per form key. Returns the thread's page.
 */
export async function requestMeeting(
  userId: string,
  slug: string,
  input: MeetingRequestInput,
  formKey: string,
  now = new Date(),
): Promise<string> {
  return writeOnce(userId, formKey, async (tx, effects) => {
    const event = await publishedEvent(slug, tx);
    if (!event) throw notFound();
    if (!event.meetingsOpen || event.endsAt <= now) throw new MeetingError("closed");
    if (!(await seatOf(event.id, userId, tx))) throw new MeetingError("notRegistered");
    const invitee = await tx.eventRegistration.findFirst({
      where: { id: input.registrationId, eventId: event.id },
      select: { userId: true, status: true, listed: true },
    });
    if (!invitee || invitee.status !== "registered" || !invitee.listed) throw new MeetingError("notListed");
    if (invitee.userId === userId) throw new MeetingError("self");
    const slot = findSlot(event, input.slot);
    if (!slot) throw new MeetingError("slotInvalid", "slot");
    if (slot.start <= now) throw new MeetingError("slotPast", "slot");
    const open = await tx.eventMeeting.count({
      where: { eventId: event.id, requesterId: userId, status: "requested" },
    });
    if (open >= MAX_OPEN_REQUESTS) throw new MeetingError("tooMany");
    const asked = await tx.eventMeeting.findFirst({
      where: {
        eventId: event.id,
        status: { in: ["requested", "accepted"] },
        OR: [
          { requesterId: userId, inviteeId: invitee.userId },
          { requesterId: invitee.userId, inviteeId: userId },
        ],
      },
      select: { id: true },
    });
    if (asked) throw new MeetingError("alreadyAsked");
    await assertFree([userId, invitee.userId], slot, null, tx);
    const title = eventTitle(event);
    const conversationId = await startConversation(
      { kind: "meeting", subject: title, starterId: userId, owner: { userId: invitee.userId } },
      tx,
      effects,
    );
    await tx.eventMeeting.create({
      data: {
        eventId: event.id,
        conversationId,
        requesterId: userId,
        inviteeId: invitee.userId,
        startsAt: slot.start,
        endsAt: slot.end,
      },
    });
    const when = { start: slot.start.toISOString(), end: slot.end.toISOString() };
    // The request's slot first, then what the requester wrote, in the thread.
    await recordEvent(conversationId, userId, "meeting.event.requested", when, tx);
    const message = await tx.message.create({ data: { conversationId, senderId: userId, body: input.message } });
    await tx.conversation.update({ where: { id: conversationId }, data: { lastMessageAt: message.createdAt } });
    await tx.conversationRead.update({
      where: { conversationId_userId: { conversationId, userId } },
      data: { lastReadAt: message.createdAt },
    });
    const requester = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
    await notify(
      {
        userId: invitee.userId,
        type: "meeting",
        key: "notify.meeting.requested",
        params: { name: requester.name, title, ...when },
        url: conversationUrl(conversationId),
        mail: { quote: { by: requester.name, text: input.message }, action: "mail.action.reply" },
      },
      tx,
      effects,
    );
    return conversationUrl(conversationId);
  });
}

export type MeetingStep = "accept" | "decline" | "withdraw" | "cancel";

/** Who takes each step, from which statuses, and where it leads. */
const STEPS: Record<
  MeetingStep,
  { sides: readonly ("requester" | "invitee")[]; from: readonly MeetingStatus[]; to: MeetingStatus; event: MessageKey }
> = {
  accept: { sides: ["invitee"], from: ["requested"], to: "accepted", event: "meeting.event.accepted" },
  decline: { sides: ["invitee"], from: ["requested"], to: "declined", event: "meeting.event.declined" },
  withdraw: { sides: ["requester"], from: ["requested"], to: "cancelled", event: "meeting.event.withdrawn" },
  cancel: { sides: ["requester", "invitee"], from: ["accepted"], to: "cancelled", event: "meeting.event.cancelled" },
};

/** The steps this side may take now (none once the meeting has started). */
export function meetingStepsFor(side: "requester" | "invitee", status: string, startsAt: Date, now = new Date()) {
  if (startsAt <= now) return [];
  return (Object.keys(STEPS) as MeetingStep[]).filter(
    (step) => STEPS[step].sides.includes(side) && STEPS[step].from.includes(status as MeetingStatus),
  );
}

const sideIn = (meeting: { requesterId: string; inviteeId: string }, userId: string) =>
  meeting.requesterId === userId ? "requester" : meeting.inviteeId === userId ? "invitee" : null;

/**
 * One step of a meeting by one of its two people: only the right side (403; 404 for
 * anyone else), from the right status (409), before it starts; accepting re-checks that
 * neither person has another accepted meeting then, inside the transaction.
 */
export async function takeMeetingStep(conversationId: string, userId: string, step: MeetingStep, now = new Date()) {
  return write(async (tx, effects) => {
    const meeting = await tx.eventMeeting.findUnique({
      where: { conversationId },
      include: { event: { select: { titleVi: true, titleEn: true } } },
    });
    if (!meeting) throw notFound();
    const side = sideIn(meeting, userId);
    if (!side) throw notFound();
    const rule = STEPS[step];
    if (!rule.sides.includes(side)) throw forbidden();
    if (!rule.from.includes(meeting.status as MeetingStatus)) throw new MeetingError("wrongStatus");
    if (meeting.startsAt <= now) throw new MeetingError("started");
    const slot = { start: meeting.startsAt, end: meeting.endsAt };
    if (step === "accept") await assertFree([meeting.requesterId, meeting.inviteeId], slot, meeting.id, tx);
    // Only from the status read above: a step that raced this one finds nothing to change.
    const changed = await tx.eventMeeting.updateMany({
      where: { id: meeting.id, status: meeting.status },
      data: { status: rule.to },
    });
    if (changed.count !== 1) throw new MeetingError("wrongStatus");
    const when = { start: meeting.startsAt.toISOString(), end: meeting.endsAt.toISOString() };
    await recordEvent(conversationId, userId, rule.event, when, tx);
    const other = side === "requester" ? meeting.inviteeId : meeting.requesterId;
    const actor = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
    await notify(
      {
        userId: other,
        type: "meeting",
        key: `notify.${rule.event}` as MessageKey,
        params: { ...when, name: actor.name, title: eventTitle(meeting.event) },
        url: conversationUrl(conversationId),
        mail: { action: "mail.action.conversation" },
      },
      tx,
      effects,
    );
  });
}

/**
 * One side's outcome of an accepted meeting, and its private note, once the event has
 * ended: only that side writes (and later reads) its own pair; it may change it.
 */
export async function recordOutcome(
  conversationId: string,
  userId: string,
  input: { outcome: MeetingOutcome; note: string | null },
  now = new Date(),
) {
  await write(async (tx) => {
    const meeting = await tx.eventMeeting.findUnique({
      where: { conversationId },
      select: { id: true, requesterId: true, inviteeId: true, status: true, event: { select: { endsAt: true } } },
    });
    if (!meeting) throw notFound();
    const side = sideIn(meeting, userId);
    if (!side) throw notFound();
    if (meeting.status !== "accepted") throw new MeetingError("wrongStatus", "outcome");
    if (meeting.event.endsAt > now) throw new MeetingError("notEnded", "outcome");
    await tx.eventMeeting.update({
      where: { id: meeting.id },
      data:
        side === "requester"
          ? { requesterOutcome: input.outcome, requesterNote: input.note }
          : { inviteeOutcome: input.outcome, inviteeNote: input.note },
    });
  });
}

/**
 * A meeting conversation's meeting, as one of its two people sees it: the slot, the
 * status, the steps open to them, and their own outcome and note (never the other's).
 */
export async function meetingForConversation(conversationId: string, userId: string, now = new Date()) {
  const meeting = await prisma.eventMeeting.findUnique({
    where: { conversationId },
    select: {
      requesterId: true,
      inviteeId: true,
      status: true,
      startsAt: true,
      endsAt: true,
      requesterOutcome: true,
      inviteeOutcome: true,
      requesterNote: true,
      inviteeNote: true,
      event: { select: { slug: true, titleVi: true, titleEn: true, endsAt: true } },
    },
  });
  if (!meeting) return null;
  const side = sideIn(meeting, userId);
  if (!side) return null;
  const mine = side === "requester";
  return {
    status: meeting.status as MeetingStatus,
    side,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    event: { slug: meeting.event.slug, titleVi: meeting.event.titleVi, titleEn: meeting.event.titleEn },
    steps: meetingStepsFor(side, meeting.status, meeting.startsAt, now),
    // The outcome form opens once the event is over, for an accepted meeting.
    outcomeOpen: meeting.status === "accepted" && meeting.event.endsAt <= now,
    outcome: (mine ? meeting.requesterOutcome : meeting.inviteeOutcome) as MeetingOutcome | null,
    note: mine ? meeting.requesterNote : meeting.inviteeNote,
  };
}

/** A member's meetings, by event and time, each with the other person and its thread. */
export async function agendaOf(userId: string, now = new Date()) {
  const rows = await prisma.eventMeeting.findMany({
    where: { OR: [{ requesterId: userId }, { inviteeId: userId }] },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      conversationId: true,
      status: true,
      startsAt: true,
      endsAt: true,
      requesterId: true,
      requesterOutcome: true,
      inviteeOutcome: true,
      requester: { select: { name: true } },
      invitee: { select: { name: true } },
      event: { select: { id: true, slug: true, titleVi: true, titleEn: true, startsAt: true, endsAt: true } },
    },
  });
  const events = new Map<
    string,
    {
      slug: string;
      titleVi: string | null;
      titleEn: string | null;
      startsAt: string;
      meetings: {
        id: string;
        url: string;
        status: MeetingStatus;
        startsAt: string;
        endsAt: string;
        with: string;
        asked: boolean;
        outcomeDue: boolean;
      }[];
    }
  >();
  for (const row of rows) {
    const mine = row.requesterId === userId;
    const group = events.get(row.event.id) ?? {
      slug: row.event.slug,
      titleVi: row.event.titleVi,
      titleEn: row.event.titleEn,
      startsAt: row.event.startsAt.toISOString(),
      meetings: [],
    };
    group.meetings.push({
      id: row.id,
      url: conversationUrl(row.conversationId),
      status: row.status as MeetingStatus,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      with: mine ? row.invitee.name : row.requester.name,
      asked: mine,
      outcomeDue:
        row.status === "accepted" && row.event.endsAt <= now && !(mine ? row.requesterOutcome : row.inviteeOutcome),
    });
    events.set(row.event.id, group);
  }
  return [...events.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
