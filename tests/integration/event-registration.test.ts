import { beforeAll, describe, expect, test } from "vitest";
import { hanoiInstant } from "~/domain/event-time";
import {
  cancelRegistration,
  registerForEvent,
  RegistrationError,
  registrationSummary,
  sendEventReminders,
  updateRegistration,
  type RegistrationChoice,
} from "~/models/event-registration.server";
import { prisma } from "~/db/client.server";
import { hex, makeEvent, makeRegistration, makeUser } from "../factories";

/**
 * Event registration against a real database (docs/decisions/077): seats and the waitlist,
 * promotion on cancel, re-registering, races that must never exceed the capacity, the
 * day-before reminder sent once, the events that refuse registration, and the member's
 * channel for "event" notifications.
 */
const key = () => `registration-key-${hex()}${hex()}`;
const choice: RegistrationChoice = { listed: false, interests: null };
const HOUR = 3_600_000;

type User = { id: string; email: string };
const users = async (count: number): Promise<User[]> =>
  Promise.all(Array.from({ length: count }, (_, index) => makeUser({ label: `participant${index}`, password: null })));

const register = (user: User, slug: string, options = choice) => registerForEvent(user.id, slug, options, key());
const statusOf = async (eventId: string, userId: string) =>
  (await prisma.eventRegistration.findUniqueOrThrow({ where: { eventId_userId: { eventId, userId } } })).status;

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (error instanceof RegistrationError) return error.problem;
  if (error instanceof Response) return error.status;
  throw error ?? new Error("not refused");
}

const mailsTo = (email: string) => prisma.mailMessage.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
const notesOf = (userId: string) =>
  prisma.notification.findMany({ where: { userId, type: "event" }, orderBy: { createdAt: "asc" } });

describe("registering", () => {
  test("confirms with a notification and a mail carrying the Hanoi time, the event's page and its .ics", async () => {
    const [member] = await users(1);
    const event = await makeEvent({
      titleVi: "Chợ công nghệ Hà Nội",
      startsAt: hanoiInstant("2027-03-13", "08:30")!,
      endsAt: hanoiInstant("2027-03-13", "11:30")!,
    });
    const url = await register(member!, event.slug, { listed: true, interests: "Cảm biến IoT" });
    expect(url).toBe(`/events/${event.slug}/registration?done=registered`);
    const row = await prisma.eventRegistration.findUniqueOrThrow({
      where: { eventId_userId: { eventId: event.id, userId: member!.id } },
    });
    expect(row).toMatchObject({ status: "registered", listed: true, interests: "Cảm biến IoT" });
    const [note] = await notesOf(member!.id);
    expect(note!.url).toBe(`/events/${event.slug}`);
    const [mail] = await mailsTo(member!.email);
    expect(mail!.text).toContain("Thứ Bảy, 13/03/2027, 08:30–11:30 (giờ Hà Nội)");
    expect(mail!.text).toContain("Chợ công nghệ Hà Nội");
    expect(mail!.text).toContain(`/events/${event.slug}.ics`);
    expect(mail!.html).toContain(`/events/${event.slug}"`);
  });

  test("interests are dropped when the member is not shown to others", async () => {
    const [member] = await users(1);
    const event = await makeEvent();
    await register(member!, event.slug, { listed: false, interests: "Không hiện" });
    const row = await prisma.eventRegistration.findFirstOrThrow({ where: { eventId: event.id } });
    expect(row.interests).toBeNull();
    await updateRegistration(member!.id, event.slug, { listed: true, interests: "Vật liệu mới" }, key());
    expect(await prisma.eventRegistration.findFirstOrThrow({ where: { eventId: event.id } })).toMatchObject({
      listed: true,
      interests: "Vật liệu mới",
    });
  });

  test("a resent form (the same key) registers and notifies once", async () => {
    const [member] = await users(1);
    const event = await makeEvent();
    const formKey = key();
    const [first, second] = await Promise.all([
      registerForEvent(member!.id, event.slug, choice, formKey),
      registerForEvent(member!.id, event.slug, choice, formKey),
    ]);
    expect(second).toBe(first);
    expect(await notesOf(member!.id)).toHaveLength(1);
  });

  test("pending, rejected and unknown events are not found; cancelled and past ones refuse", async () => {
    const [member] = await users(1);
    const pending = await makeEvent({ status: "pending" });
    const rejected = await makeEvent({ status: "rejected" });
    const cancelled = await makeEvent({ status: "cancelled" });
    const past = await makeEvent({ startsAt: new Date(Date.now() - 5 * HOUR), endsAt: new Date(Date.now() - HOUR) });
    expect(await refusal(register(member!, pending.slug))).toBe(404);
    expect(await refusal(register(member!, rejected.slug))).toBe(404);
    expect(await refusal(register(member!, `no-such-event-${hex()}`))).toBe(404);
    expect(await refusal(register(member!, cancelled.slug))).toBe("cancelled");
    expect(await refusal(register(member!, past.slug))).toBe("past");
    expect(
      await prisma.eventRegistration.count({
        where: { eventId: { in: [pending.id, rejected.id, cancelled.id, past.id] } },
      }),
    ).toBe(0);
    expect(await notesOf(member!.id)).toHaveLength(0);
  });

  test("an event under way still takes registrations until it ends", async () => {
    const [member] = await users(1);
    const ongoing = await makeEvent({ startsAt: new Date(Date.now() - HOUR), endsAt: new Date(Date.now() + HOUR) });
    await register(member!, ongoing.slug);
    expect(await statusOf(ongoing.id, member!.id)).toBe("registered");
  });
});

describe("capacity and the waitlist", () => {
  test("past the capacity members wait in order; a cancelled seat goes to the oldest waiting, who is told", async () => {
    const [a, b, c, d] = await users(4);
    const event = await makeEvent({ capacity: 2, titleVi: "Ngày trình diễn" });
    await register(a!, event.slug);
    await register(b!, event.slug);
    expect(await register(c!, event.slug)).toContain("done=waitlisted");
    await register(d!, event.slug);
    expect(await statusOf(event.id, c!.id)).toBe("waitlisted");
    expect((await registrationSummary(event, c!.id)).mine?.position).toBe(1);
    expect((await registrationSummary(event, d!.id)).mine?.position).toBe(2);
    expect(await registrationSummary(event, null)).toMatchObject({ seatsLeft: 0, waitlisted: 2, mine: null });

    await cancelRegistration(a!.id, event.slug, key());
    expect(await statusOf(event.id, a!.id)).toBe("cancelled");
    const promoted = await prisma.eventRegistration.findUniqueOrThrow({
      where: { eventId_userId: { eventId: event.id, userId: c!.id } },
    });
    expect(promoted.status).toBe("registered");
    expect(promoted.promotedAt).not.toBeNull();
    expect((await registrationSummary(event, d!.id)).mine?.position).toBe(1);
    const notes = await notesOf(c!.id);
    expect(notes.map((note) => JSON.parse(note.data).key)).toEqual([
      "registration.notify.waitlisted",
      "registration.notify.promoted",
    ]);
    const mails = await mailsTo(c!.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toContain("Đã có chỗ cho bạn tại “Ngày trình diễn”");
    expect(mails[1]!.text).toContain(`/events/${event.slug}`);
    // A waiting member who cancels frees no seat: nobody is promoted.
    await cancelRegistration(d!.id, event.slug, key());
    expect(await prisma.eventRegistration.count({ where: { eventId: event.id, status: "registered" } })).toBe(2);
  });

  test("concurrent registrations never exceed the capacity", async () => {
    const members = await users(12);
    const event = await makeEvent({ capacity: 5 });
    await Promise.all(members.map((member) => register(member, event.slug)));
    const counts = await prisma.eventRegistration.groupBy({
      by: ["status"],
      where: { eventId: event.id },
      _count: true,
    });
    expect(Object.fromEntries(counts.map((row) => [row.status, row._count]))).toEqual({
      registered: 5,
      waitlisted: 7,
    });
    // Cancellations racing registrations: still never more than the capacity.
    const registered = await prisma.eventRegistration.findMany({
      where: { eventId: event.id, status: "registered" },
      select: { userId: true },
    });
    const newcomers = await users(4);
    await Promise.all([
      ...registered.slice(0, 3).map((row) => cancelRegistration(row.userId, event.slug, key())),
      ...newcomers.map((member) => register(member, event.slug)),
    ]);
    expect(await prisma.eventRegistration.count({ where: { eventId: event.id, status: "registered" } })).toBe(5);
  });

  test("registering again after cancelling reuses the row and joins the back of the queue", async () => {
    const [a, b, c] = await users(3);
    const event = await makeEvent({ capacity: 1 });
    await register(a!, event.slug);
    await register(b!, event.slug);
    const before = await prisma.eventRegistration.findUniqueOrThrow({
      where: { eventId_userId: { eventId: event.id, userId: a!.id } },
    });
    await cancelRegistration(a!.id, event.slug, key());
    expect(await statusOf(event.id, b!.id)).toBe("registered");
    await register(c!, event.slug);
    await register(a!, event.slug);
    const after = await prisma.eventRegistration.findUniqueOrThrow({
      where: { eventId_userId: { eventId: event.id, userId: a!.id } },
    });
    expect(after.id).toBe(before.id);
    expect(after.status).toBe("waitlisted");
    expect(after.cancelledAt).toBeNull();
    expect((await registrationSummary(event, a!.id)).mine?.position).toBe(2);
    expect(await prisma.eventRegistration.count({ where: { eventId: event.id } })).toBe(3);
  });

  test("cancelling twice, or without a registration, is refused without a change", async () => {
    const [a] = await users(1);
    const event = await makeEvent({ capacity: 3 });
    expect(await refusal(cancelRegistration(a!.id, event.slug, key()))).toBe("notRegistered");
    await register(a!, event.slug);
    await cancelRegistration(a!.id, event.slug, key());
    expect(await refusal(cancelRegistration(a!.id, event.slug, key()))).toBe("notRegistered");
    expect(await refusal(updateRegistration(a!.id, event.slug, choice, key()))).toBe("notRegistered");
  });
});

describe("the day-before reminder", () => {
  test("goes once to registered members of events starting in 24–36 hours", async () => {
    const [registered, waiting, cancelled, later] = await users(4);
    const now = new Date();
    const tomorrow = await makeEvent({ startsAt: new Date(now.getTime() + 30 * HOUR), capacity: 1 });
    const inTwoDays = await makeEvent({ startsAt: new Date(now.getTime() + 48 * HOUR) });
    await makeRegistration(tomorrow.id, registered!.id);
    await makeRegistration(tomorrow.id, waiting!.id, { status: "waitlisted" });
    await makeRegistration(tomorrow.id, cancelled!.id, { status: "cancelled" });
    await makeRegistration(inTwoDays.id, later!.id);
    const before = await prisma.eventRegistration.findFirstOrThrow({ where: { userId: registered!.id } });

    // Two runs at once (two processes): one reminder.
    await Promise.all([sendEventReminders(now), sendEventReminders(now)]);
    await sendEventReminders(new Date(now.getTime() + 15 * 60_000));
    const reminders = (userId: string) =>
      prisma.notification.count({ where: { userId, data: { contains: "registration.notify.reminder" } } });
    expect(await reminders(registered!.id)).toBe(1);
    expect(await reminders(waiting!.id)).toBe(0);
    expect(await reminders(cancelled!.id)).toBe(0);
    expect(await reminders(later!.id)).toBe(0);
    const [mail] = await mailsTo(registered!.email);
    expect(mail!.subject).toContain("Nhắc lịch");
    const reminded = await prisma.eventRegistration.findFirstOrThrow({ where: { userId: registered!.id } });
    expect(reminded.reminderSentAt).not.toBeNull();
    // A reminder is not the member's edit: the registration's last change stays theirs.
    expect(reminded.updatedAt).toEqual(before.updatedAt);
    // A day later, the other event's turn.
    await sendEventReminders(new Date(now.getTime() + 20 * HOUR));
    expect(await reminders(later!.id)).toBe(1);
  });

  test("a cancelled event reminds nobody", async () => {
    const [member] = await users(1);
    const event = await makeEvent({ startsAt: new Date(Date.now() + 30 * HOUR), status: "cancelled" });
    await makeRegistration(event.id, member!.id);
    await sendEventReminders();
    expect(await notesOf(member!.id)).toHaveLength(0);
  });
});

describe("notification channels", () => {
  let event: { slug: string };
  beforeAll(async () => {
    event = await makeEvent();
  });

  test("in_app: a notification and no mail; off: neither; email (default): both", async () => {
    const [inApp, off, email] = await users(3);
    await prisma.notificationPreference.create({ data: { userId: inApp!.id, type: "event", channel: "in_app" } });
    await prisma.notificationPreference.create({ data: { userId: off!.id, type: "event", channel: "off" } });
    for (const member of [inApp!, off!, email!]) await register(member, event.slug);
    expect([(await notesOf(inApp!.id)).length, (await mailsTo(inApp!.email)).length]).toEqual([1, 0]);
    expect([(await notesOf(off!.id)).length, (await mailsTo(off!.email)).length]).toEqual([0, 0]);
    expect([(await notesOf(email!.id)).length, (await mailsTo(email!.email)).length]).toEqual([1, 1]);
    // The registration itself holds whatever the channel.
    expect(await prisma.eventRegistration.count({ where: { userId: off!.id, status: "registered" } })).toBe(1);
  });
});
