import { beforeAll, describe, expect, test } from "vitest";
import { addDays, hanoiToday, HOLDING_STATUSES, MAX_BOOKING_DAYS } from "~/domain/booking";
import {
  BookingError,
  instrumentCalendar,
  isOverlapRefusal,
  requestBooking,
  takeBookingStep,
  type BookingInput,
  type BookingStep,
} from "~/models/booking.server";
import { prisma } from "~/db/client.server";
import { hex, makeOffer, makeOrganization, makeUser } from "../factories";

/**
 * Equipment bookings against a real database (docs/decisions/063): each step, who may
 * take it and from which status, the date rules, and that two bookings of one
 * instrument never hold overlapping dates, however requests race.
 */
const today = hanoiToday();
const day = (offset: number) => addDays(today, offset);
const key = () => `booking-form-key-${hex()}${hex()}`;

let requester: { id: string; name: string; email: string };
let other: { id: string };
let manager: { id: string; email: string };
let organizationId: string;

beforeAll(async () => {
  requester = await makeUser({ label: "startup", password: null });
  other = await makeUser({ label: "other-startup", password: null });
  manager = await makeUser({ label: "lab-manager", password: null });
  const organization = await makeOrganization({ label: "booking-lab" });
  organizationId = organization.id;
  await prisma.organizationManager.create({ data: { userId: manager.id, organizationId } });
});

const instrument = () => makeOffer({ type: "equipment", nameVi: `Máy XRD ${hex()}`, organizationId });
const input = (start: string, end: string): BookingInput => ({
  start,
  end,
  purpose: "Đo phổ nhiễu xạ cho mẫu gốm",
  samples: "12 mẫu bột",
  message: "Xin chào phòng thí nghiệm",
});

/** The booking's conversation id, from the page its request leads to. */
async function book(offerId: string, start: string, end: string, userId = requester.id) {
  const url = await requestBooking(userId, offerId, input(start, end), key());
  return url.replace("/messages/", "");
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (error instanceof BookingError) return error.problem;
  if (error instanceof Response) return error.status;
  throw error ?? new Error("not refused");
}

const statusOf = async (conversationId: string) =>
  (await prisma.booking.findUniqueOrThrow({ where: { conversationId } })).status;

/** Every pair of bookings of one instrument that hold overlapping dates: must stay empty. */
async function overlaps() {
  const holding = HOLDING_STATUSES.map((status) => `'${status}'`).join(",");
  return prisma.$queryRawUnsafe<unknown[]>(
    `SELECT a.id FROM "Booking" a JOIN "Booking" b ON a.offerId = b.offerId AND a.id < b.id
     WHERE a.status IN (${holding}) AND b.status IN (${holding})
       AND a.startDate <= b.endDate AND b.startDate <= a.endDate`,
  );
}

describe("a booking request", () => {
  test("opens a booking conversation with the team, records the request and tells the managers", async () => {
    const offer = await instrument();
    const conversationId = await book(offer.id, day(3), day(4));
    const conversation = await prisma.conversation.findUniqueOrThrow({
      where: { id: conversationId },
      include: { booking: true, messages: { orderBy: { createdAt: "asc" } } },
    });
    expect(conversation).toMatchObject({ kind: "booking", organizationId, starterId: requester.id });
    expect(conversation.booking).toMatchObject({ status: "requested", startDate: day(3), endDate: day(4) });
    expect(conversation.messages.map((message) => message.event)).toEqual(["booking.event.requested", null]);
    const notice = await prisma.notification.findFirstOrThrow({
      where: { userId: manager.id, url: `/messages/${conversationId}` },
    });
    expect(notice.data).toContain("notify.booking.requested");
    expect(await prisma.mailMessage.count({ where: { to: manager.email, text: { contains: conversationId } } })).toBe(
      1,
    );
  });

  test("refuses dates in the past, reversed, too long or too far, with the field they concern", async () => {
    const offer = await instrument();
    const problem = (start: string, end: string) =>
      requestBooking(requester.id, offer.id, input(start, end), key()).then(
        () => null,
        (error: BookingError) => [error.problem, error.field],
      );
    expect(await problem(day(-1), day(2))).toEqual(["past", "start"]);
    expect(await problem(day(5), day(4))).toEqual(["reversed", "end"]);
    expect(await problem(day(5), day(5 + MAX_BOOKING_DAYS))).toEqual(["tooLong", "end"]);
    expect(await problem(day(400), day(401))).toEqual(["tooFar", "start"]);
    expect(await problem("2027-02-31", day(4))).toEqual(["invalid", "start"]);
    // One day, today, is fine; nothing was written by the refusals.
    expect(await prisma.booking.count({ where: { offerId: offer.id } })).toBe(0);
    await book(offer.id, today, today);
  });

  test("refuses an overlap with a held booking, and accepts once it is released", async () => {
    const offer = await instrument();
    const first = await book(offer.id, day(10), day(12));
    expect(await refusal(book(offer.id, day(12), day(14), other.id))).toBe("overlap");
    expect(await refusal(book(offer.id, day(8), day(10), other.id))).toBe("overlap");
    // Touching is not overlapping: the day after is free.
    await book(offer.id, day(13), day(14), other.id);
    await takeBookingStep(first, requester.id, { step: "cancel" });
    await book(offer.id, day(10), day(12), other.id);
    expect(await overlaps()).toEqual([]);
  });

  test("refuses one's own organization's instrument, and offers that are not instruments", async () => {
    const offer = await instrument();
    expect(await refusal(book(offer.id, day(3), day(3), manager.id))).toBe("ownInstrument");
    const service = await makeOffer({ type: "service", organizationId });
    expect(await refusal(book(service.id, day(3), day(3)))).toBe("notBookable");
    const hidden = await makeOffer({ type: "equipment", organizationId, status: "draft" });
    expect(await refusal(book(hidden.id, day(3), day(3)))).toBe(404);
  });

  test("a researcher's own instrument is booked with the researcher", async () => {
    const researcher = await makeUser({ label: "researcher", accountType: "researcher", password: null });
    const profile = await prisma.expertProfile.create({
      data: { userId: researcher.id, slug: `r-${hex()}`, fullName: "Nguyễn Văn Nghiên", status: "published" },
    });
    const offer = await makeOffer({ type: "equipment", ownerExpertId: profile.id });
    const conversationId = await book(offer.id, day(2), day(2));
    const conversation = await prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation.ownerUserId).toBe(researcher.id);
    await takeBookingStep(conversationId, researcher.id, { step: "accept" });
    expect(await statusOf(conversationId)).toBe("accepted");
  });

  test("the same form sent twice makes one booking", async () => {
    const offer = await instrument();
    const formKey = key();
    const [a, b] = await Promise.all([
      requestBooking(requester.id, offer.id, input(day(3), day(3)), formKey),
      requestBooking(requester.id, offer.id, input(day(3), day(3)), formKey),
    ]);
    expect(a).toBe(b);
    expect(await prisma.booking.count({ where: { offerId: offer.id } })).toBe(1);
  });
});

describe("the steps", () => {
  const owner = () => manager.id;
  const starter = () => requester.id;
  const decline: BookingStep = { step: "decline", reason: "maintenance", note: "Bảo trì định kỳ" };
  const propose = (start: string, end: string): BookingStep => ({ step: "propose", start, end });

  test("the owner accepts: the requester is told in-app and by e-mail", async () => {
    const offer = await instrument();
    const id = await book(offer.id, day(3), day(4));
    await takeBookingStep(id, owner(), { step: "accept" });
    expect(await statusOf(id)).toBe("accepted");
    const notice = await prisma.notification.findFirstOrThrow({
      where: { userId: requester.id, url: `/messages/${id}` },
    });
    expect(notice.data).toContain("notify.booking.event.accepted");
    expect(await prisma.mailMessage.count({ where: { to: requester.email, text: { contains: id } } })).toBe(1);
    const calendar = await instrumentCalendar(offer, day(3).slice(0, 7), null);
    expect(calendar.bookings[0]).toEqual({ start: day(3), end: day(4), status: "accepted", who: null, url: null });
  });

  test("the owner declines with a reason from the list and a note, recorded in the thread", async () => {
    const offer = await instrument();
    const id = await book(offer.id, day(3), day(4));
    await takeBookingStep(id, owner(), decline);
    const booking = await prisma.booking.findUniqueOrThrow({ where: { conversationId: id } });
    expect(booking).toMatchObject({ status: "declined", declineReason: "maintenance", declineNote: "Bảo trì định kỳ" });
    const event = await prisma.message.findFirstOrThrow({
      where: { conversationId: id, event: "booking.event.declined" },
    });
    expect(JSON.parse(event.body)).toMatchObject({ reason: "maintenance", note: "Bảo trì định kỳ" });
    // Declined dates are free again.
    await book(offer.id, day(3), day(4), other.id);
  });

  test("the owner proposes other dates; the requester accepts them or declines them", async () => {
    const offer = await instrument();
    const a = await book(offer.id, day(3), day(4));
    await takeBookingStep(a, owner(), propose(day(6), day(7)));
    // The proposal holds the new dates and frees the old ones.
    expect(await refusal(book(offer.id, day(7), day(8), other.id))).toBe("overlap");
    await book(offer.id, day(3), day(4), other.id);
    await takeBookingStep(a, starter(), { step: "acceptProposal" });
    expect(await prisma.booking.findUniqueOrThrow({ where: { conversationId: a } })).toMatchObject({
      status: "accepted",
      startDate: day(6),
      endDate: day(7),
      requestedStart: day(3),
    });
    const b = await book(offer.id, day(20), day(20));
    await takeBookingStep(b, owner(), propose(day(21), day(21)));
    await takeBookingStep(b, starter(), { step: "declineProposal" });
    expect(await statusOf(b)).toBe("declined");
  });

  test("a proposal that overlaps another booking is refused", async () => {
    const offer = await instrument();
    await book(offer.id, day(10), day(11), other.id);
    const id = await book(offer.id, day(3), day(4));
    expect(await refusal(takeBookingStep(id, owner(), propose(day(11), day(12))))).toBe("overlap");
    expect(await refusal(takeBookingStep(id, owner(), propose(day(-2), day(1))))).toBe("past");
    expect(await statusOf(id)).toBe("requested");
  });

  test("the requester cancels, even once accepted", async () => {
    const offer = await instrument();
    const id = await book(offer.id, day(3), day(4));
    await takeBookingStep(id, owner(), { step: "accept" });
    await takeBookingStep(id, starter(), { step: "cancel" });
    expect(await statusOf(id)).toBe("cancelled");
    const notice = await prisma.notification.findFirstOrThrow({
      where: { userId: manager.id, url: `/messages/${id}`, data: { contains: "cancelled" } },
    });
    expect(notice).toBeTruthy();
  });

  test("only the right side takes each step (403), and nobody outside the conversation (404)", async () => {
    const offer = await instrument();
    const id = await book(offer.id, day(3), day(4));
    for (const step of [{ step: "accept" }, decline, propose(day(5), day(6))] as BookingStep[])
      expect(await refusal(takeBookingStep(id, starter(), step))).toBe(403);
    await takeBookingStep(id, owner(), propose(day(5), day(6)));
    for (const step of [{ step: "acceptProposal" }, { step: "declineProposal" }, { step: "cancel" }] as BookingStep[])
      expect(await refusal(takeBookingStep(id, owner(), step))).toBe(403);
    for (const step of [{ step: "accept" }, { step: "acceptProposal" }, { step: "cancel" }] as BookingStep[])
      expect(await refusal(takeBookingStep(id, other.id, step))).toBe(404);
    expect(await refusal(takeBookingStep("no-such-conversation", owner(), { step: "accept" }))).toBe(404);
    expect(await statusOf(id)).toBe("proposed");
  });

  test("each step only from its statuses", async () => {
    const offer = await instrument();
    const id = await book(offer.id, day(3), day(4));
    expect(await refusal(takeBookingStep(id, starter(), { step: "acceptProposal" }))).toBe("wrongStatus");
    expect(await refusal(takeBookingStep(id, starter(), { step: "declineProposal" }))).toBe("wrongStatus");
    await takeBookingStep(id, owner(), { step: "accept" });
    expect(await refusal(takeBookingStep(id, owner(), { step: "accept" }))).toBe("wrongStatus");
    expect(await refusal(takeBookingStep(id, owner(), decline))).toBe("wrongStatus");
    expect(await refusal(takeBookingStep(id, owner(), propose(day(8), day(8))))).toBe("wrongStatus");
    await takeBookingStep(id, starter(), { step: "cancel" });
    expect(await refusal(takeBookingStep(id, starter(), { step: "cancel" }))).toBe("wrongStatus");
    expect(await refusal(takeBookingStep(id, owner(), { step: "accept" }))).toBe("wrongStatus");
  });
});

describe("the calendar", () => {
  test("shows accepted dates to everyone, and who and what is pending only to the owner side", async () => {
    const offer = await instrument();
    const accepted = await book(offer.id, day(40), day(41));
    await takeBookingStep(accepted, manager.id, { step: "accept" });
    await book(offer.id, day(43), day(43), other.id);
    const month = day(40).slice(0, 7);
    const months = [month, day(43).slice(0, 7)];
    const publicView = (
      await Promise.all(months.map((m) => instrumentCalendar(offer, m, { id: requester.id, role: "member" })))
    ).flatMap((calendar) => calendar.bookings);
    expect(publicView.every((booking) => booking.status === "accepted" && booking.who === null)).toBe(true);
    expect(publicView.some((booking) => booking.start === day(40))).toBe(true);
    const ownerView = (
      await Promise.all(months.map((m) => instrumentCalendar(offer, m, { id: manager.id, role: "member" })))
    ).flatMap((calendar) => calendar.bookings);
    expect(ownerView.map((booking) => booking.status)).toContain("requested");
    expect(ownerView.find((booking) => booking.start === day(40))?.who).toBe(requester.name);
  });
});

describe("no two bookings of one instrument overlap", () => {
  const ROUNDS = 30;

  test(`two concurrent requests for overlapping dates: exactly one wins, ${ROUNDS} times`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const offer = await instrument();
      const results = await Promise.allSettled([
        book(offer.id, day(5), day(7), requester.id),
        book(offer.id, day(6), day(8), other.id),
      ]);
      const won = results.filter((result) => result.status === "fulfilled");
      const lost = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]).toBeInstanceOf(BookingError);
      expect((lost[0] as BookingError).problem).toBe("overlap");
      // The loser left nothing behind: no booking, no conversation.
      expect(await prisma.conversation.count({ where: { offerId: offer.id } })).toBe(1);
    }
    expect(await overlaps()).toEqual([]);
  });

  test(`proposing dates while someone requests them: exactly one holds them, ${ROUNDS} times`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const offer = await instrument();
      const id = await book(offer.id, day(3), day(3));
      const results = await Promise.allSettled([
        takeBookingStep(id, manager.id, { step: "propose", start: day(9), end: day(10) }),
        book(offer.id, day(10), day(11), other.id),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const [lost] = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
      expect((lost as BookingError).problem).toBe("overlap");
    }
    expect(await overlaps()).toEqual([]);
  });

  test(`accepting a proposal while someone requests its dates: the proposal keeps them, ${ROUNDS} times`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const offer = await instrument();
      const id = await book(offer.id, day(3), day(3));
      await takeBookingStep(id, manager.id, { step: "propose", start: day(9), end: day(10) });
      const [accepted, requested] = await Promise.allSettled([
        takeBookingStep(id, requester.id, { step: "acceptProposal" }),
        book(offer.id, day(10), day(11), other.id),
      ]);
      expect(accepted.status).toBe("fulfilled");
      expect(requested.status === "rejected" && (requested.reason as BookingError).problem).toBe("overlap");
      expect(await statusOf(id)).toBe("accepted");
    }
    expect(await overlaps()).toEqual([]);
  });

  test("the database itself refuses an overlapping row, whoever writes it", async () => {
    const offer = await instrument();
    const id = await book(offer.id, day(5), day(7));
    const conversation = await prisma.conversation.create({
      data: { kind: "booking", subject: "x", starterId: other.id, organizationId, offerId: offer.id },
    });
    const row = {
      offerId: offer.id,
      conversationId: conversation.id,
      requesterId: other.id,
      startDate: day(7),
      endDate: day(8),
      requestedStart: day(7),
      requestedEnd: day(8),
      purpose: "x",
      samples: "x",
    };
    const refused = (promise: Promise<unknown>) => promise.then(() => false, isOverlapRefusal);
    expect(await refused(prisma.booking.create({ data: row }))).toBe(true);
    // A released booking's row may overlap; making it hold its dates again may not.
    const released = await prisma.booking.create({ data: { ...row, status: "cancelled" } });
    expect(await refused(prisma.booking.update({ where: { id: released.id }, data: { status: "requested" } }))).toBe(
      true,
    );
    expect(await statusOf(id)).toBe("requested");
  });
});
