import {
  calendarMonth,
  dateRangeProblem,
  HOLDING_STATUSES,
  monthBounds,
  type BookingDeclineReason,
  type BookingOffer,
  type BookingStatus,
  type DateProblem,
} from "~/domain/booking";
import { conversationUrl } from "~/domain/conversation";
import { isPublicOffer } from "~/domain/offer-values";
import type { MessageKey } from "~/i18n/messages";
import { prisma } from "~/db/client.server";
import { newFormToken } from "~/auth/form-token.server";
import { otherSide, recordEvent, sideOf, startConversation } from "./conversation.server";
import { notify } from "./notification.server";
import { offerOwnerUserIds, type Actor } from "./offer.server";
import { write, writeOnce, type Effects, type Tx } from "./write.server";

/**
 * Booking requests for equipment (docs/decisions/063). A booking is a conversation of
 * kind "booking" with a Booking row; each step is recorded in the thread and told to the
 * other side. Overlaps are checked inside the write's transaction (BEGIN IMMEDIATE:
 * no other writer runs between the check and the write), and the migration's triggers
 * refuse them from any writer as well.
 */

export type BookingProblem = DateProblem | "overlap" | "ownInstrument" | "notBookable" | "wrongStatus";

/** A refusal the page shows as a message (4xx); `field` is the form field it is about. */
export class BookingError extends Error {
  constructor(
    readonly problem: BookingProblem,
    readonly field: "start" | "end" | null = null,
  ) {
    super(`booking: ${problem}`);
  }
}

const notFound = () => new Response("Not found", { status: 404 });
const forbidden = () => new Response("You are not allowed to do this.", { status: 403 });

const offerSelect = {
  id: true,
  type: true,
  status: true,
  hiddenAt: true,
  nameVi: true,
  nameEn: true,
  organizationId: true,
  ownerExpertId: true,
  organization: { select: { status: true } },
  ownerExpert: { select: { userId: true } },
} as const;

const offerName = (offer: { nameVi: string | null; nameEn: string | null }) => offer.nameVi || offer.nameEn || "";

/** Refuses dates another booking of the instrument holds (`except`: the booking being changed). */
async function assertFree(offerId: string, start: string, end: string, except: string | null, tx: Tx) {
  const clash = await tx.booking.findFirst({
    where: {
      offerId,
      status: { in: [...HOLDING_STATUSES] },
      startDate: { lte: end },
      endDate: { gte: start },
      ...(except ? { id: { not: except } } : {}),
    },
    select: { id: true },
  });
  if (clash) throw new BookingError("overlap", "start");
}

function assertDates(start: string, end: string) {
  const found = dateRangeProblem(start, end);
  if (found) throw new BookingError(found.problem, found.field);
}

/**
 * The migration's triggers refuse an overlap with RAISE(ABORT, 'booking_overlap'); Prisma
 * reports it as a foreign key error (P2003) and keeps SQLite's own words in its meta.
 */
export function isOverlapRefusal(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const meta = (error as { meta?: unknown }).meta;
  return error.message.includes("booking_overlap") || JSON.stringify(meta ?? null).includes('"booking_overlap"');
}

/** The triggers' refusal, should a writer get past the check: the same message. */
function asOverlap(error: unknown): never {
  if (isOverlapRefusal(error)) throw new BookingError("overlap", "start");
  throw error;
}

/** Whether this person is on the instrument's owner side (who may not book it, and who sees requests). */
export async function ownsInstrument(
  userId: string,
  offer: { organizationId: string | null; ownerExpertId: string | null },
  db: Tx | typeof prisma = prisma,
) {
  return (await offerOwnerUserIds(offer, db)).includes(userId);
}

export type BookingInput = { start: string; end: string; purpose: string; samples: string; message: string | null };

/**
 * A booking request for a public instrument: its conversation with the owner side, the
 * booking holding its dates, the step in the thread and the owners told. Once per form
 * key; returns the conversation's page.
 */
export async function requestBooking(
  userId: string,
  offerId: string,
  input: BookingInput,
  formKey: string,
): Promise<string> {
  assertDates(input.start, input.end);
  return writeOnce(userId, formKey, async (tx, effects) => {
    const offer = await tx.offer.findUnique({ where: { id: offerId }, select: offerSelect });
    if (!offer || !isPublicOffer(offer)) throw notFound();
    if (offer.type !== "equipment") throw new BookingError("notBookable");
    if (await ownsInstrument(userId, offer, tx)) throw new BookingError("ownInstrument");
    await assertFree(offer.id, input.start, input.end, null, tx);
    const owner = offer.organizationId
      ? { organizationId: offer.organizationId }
      : offer.ownerExpert
        ? { userId: offer.ownerExpert.userId }
        : null;
    if (!owner) throw new BookingError("notBookable");
    const requester = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
    const title = offerName(offer);
    const conversationId = await startConversation(
      {
        kind: "booking",
        subject: title,
        starterId: userId,
        owner,
        about: { offerId: offer.id },
        notice: {
          key: "notify.booking.requested",
          params: { name: requester.name, title, start: input.start, end: input.end },
        },
      },
      tx,
      effects,
    );
    await tx.booking
      .create({
        data: {
          offerId: offer.id,
          conversationId,
          requesterId: userId,
          startDate: input.start,
          endDate: input.end,
          requestedStart: input.start,
          requestedEnd: input.end,
          purpose: input.purpose,
          samples: input.samples,
        },
      })
      .catch(asOverlap);
    // The request's details first, then what the requester wrote, in the thread.
    await recordEvent(
      conversationId,
      userId,
      "booking.event.requested",
      { start: input.start, end: input.end, purpose: input.purpose, samples: input.samples },
      tx,
    );
    if (input.message) await tx.message.create({ data: { conversationId, senderId: userId, body: input.message } });
    return conversationUrl(conversationId);
  });
}

export type BookingStep =
  | { step: "accept" }
  | { step: "decline"; reason: BookingDeclineReason; note: string | null }
  | { step: "propose"; start: string; end: string }
  | { step: "acceptProposal" }
  | { step: "declineProposal" }
  | { step: "cancel" };

/** Who takes each step, from which statuses, and where it leads. */
const STEPS: Record<
  BookingStep["step"],
  { side: "starter" | "owner"; from: readonly BookingStatus[]; to: BookingStatus; event: MessageKey }
> = {
  accept: { side: "owner", from: ["requested"], to: "accepted", event: "booking.event.accepted" },
  decline: { side: "owner", from: ["requested"], to: "declined", event: "booking.event.declined" },
  propose: { side: "owner", from: ["requested", "proposed"], to: "proposed", event: "booking.event.proposed" },
  acceptProposal: { side: "starter", from: ["proposed"], to: "accepted", event: "booking.event.proposalAccepted" },
  declineProposal: { side: "starter", from: ["proposed"], to: "declined", event: "booking.event.proposalDeclined" },
  cancel: {
    side: "starter",
    from: ["requested", "proposed", "accepted"],
    to: "cancelled",
    event: "booking.event.cancelled",
  },
};

/** The steps this side may take now. */
export function stepsFor(side: "starter" | "owner", status: string): BookingStep["step"][] {
  return (Object.keys(STEPS) as BookingStep["step"][]).filter(
    (step) => STEPS[step].side === side && STEPS[step].from.includes(status as BookingStatus),
  );
}

/**
 * One step of a booking, by a member of its conversation: only the right side (403,
 * 404 for anyone outside it), only from the right status (BookingError "wrongStatus").
 */
export async function takeBookingStep(conversationId: string, userId: string, action: BookingStep) {
  if (action.step === "propose") assertDates(action.start, action.end);
  return write(async (tx, effects) => {
    const booking = await tx.booking.findUnique({
      where: { conversationId },
      include: { conversation: true, offer: { select: offerSelect } },
    });
    if (!booking) throw notFound();
    const side = await sideOf(booking.conversation, userId, tx);
    if (!side) throw notFound();
    const rule = STEPS[action.step];
    if (side !== rule.side) throw forbidden();
    if (!rule.from.includes(booking.status as BookingStatus)) throw new BookingError("wrongStatus");
    const dates = action.step === "propose" ? { startDate: action.start, endDate: action.end } : {};
    if (action.step === "propose") await assertFree(booking.offerId, action.start, action.end, booking.id, tx);
    await tx.booking
      .update({
        where: { id: booking.id },
        data: {
          status: rule.to,
          ...dates,
          ...(action.step === "decline" ? { declineReason: action.reason, declineNote: action.note } : {}),
        },
      })
      .catch(asOverlap);
    const start = dates.startDate ?? booking.startDate;
    const end = dates.endDate ?? booking.endDate;
    const params: Record<string, string> = { start, end };
    if (action.step === "decline") {
      params.reason = action.reason;
      if (action.note) params.note = action.note;
    }
    await recordEvent(conversationId, userId, rule.event, params, tx);
    await tellOtherSide(booking.conversation, userId, `notify.${rule.event}` as MessageKey, params, tx, effects);
  });
}

async function tellOtherSide(
  conversation: {
    id: string;
    subject: string;
    starterId: string;
    ownerUserId: string | null;
    organizationId: string | null;
  },
  userId: string,
  key: MessageKey,
  params: Record<string, string>,
  tx: Tx,
  effects: Effects,
) {
  const actor = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  const others = await otherSide(conversation, userId, tx);
  for (const other of others) {
    await notify(
      {
        userId: other,
        type: "status",
        key,
        params: { ...params, name: actor.name, title: conversation.subject },
        url: conversationUrl(conversation.id),
        mail: { action: "mail.action.conversation" },
      },
      tx,
      effects,
    );
  }
}

/** A booking conversation's booking, as its members see it, with the steps open to this side. */
export async function bookingForConversation(conversationId: string, side: "starter" | "owner") {
  const booking = await prisma.booking.findUnique({
    where: { conversationId },
    select: {
      status: true,
      startDate: true,
      endDate: true,
      requestedStart: true,
      requestedEnd: true,
      purpose: true,
      samples: true,
      declineReason: true,
      declineNote: true,
      offerId: true,
    },
  });
  if (!booking) return null;
  return { ...booking, steps: stepsFor(side, booking.status) };
}

/**
 * An instrument's calendar for one month: the accepted bookings' dates for everyone;
 * for the owner side also who booked, and the pending requests, with their threads.
 */
export async function instrumentCalendar(
  offer: { id: string; organizationId: string | null; ownerExpertId: string | null },
  month: string,
  viewer: Actor | null,
) {
  const { first, last } = monthBounds(month);
  const owner = viewer ? await ownsInstrument(viewer.id, offer) : false;
  const rows = await prisma.booking.findMany({
    where: {
      offerId: offer.id,
      status: { in: owner ? [...HOLDING_STATUSES] : ["accepted"] },
      startDate: { lte: last },
      endDate: { gte: first },
    },
    orderBy: [{ startDate: "asc" }, { id: "asc" }],
    select: {
      startDate: true,
      endDate: true,
      status: true,
      conversationId: true,
      requester: { select: { name: true } },
    },
  });
  return {
    owner,
    bookings: rows.map((row) =>
      owner
        ? {
            start: row.startDate,
            end: row.endDate,
            status: row.status as BookingStatus,
            who: row.requester.name,
            url: conversationUrl(row.conversationId),
          }
        : { start: row.startDate, end: row.endDate, status: row.status as BookingStatus, who: null, url: null },
    ),
  };
}

/** What an instrument's page shows about booking it: the form (or why not) and the month's calendar. */
export async function bookingOnOfferPage(
  offer: { id: string; organizationId: string | null; ownerExpertId: string | null },
  viewer: Actor | null,
  month: string | null,
) {
  const shown = calendarMonth(month);
  const calendar = await instrumentCalendar(offer, shown, viewer);
  const form: BookingOffer = !viewer
    ? { mode: "signIn", offerId: offer.id }
    : calendar.owner
      ? { mode: "own" }
      : { mode: "form", formToken: newFormToken() };
  return { form, month: shown, calendar: calendar.bookings };
}
