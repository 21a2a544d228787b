import { beforeAll, describe, expect, test } from "vitest";
import { MAX_OPEN_REQUESTS, meetingSlots } from "~/domain/meeting";
import {
  agendaOf,
  meetingForConversation,
  MeetingError,
  peopleAtEvent,
  publishedEvent,
  recordOutcome,
  requestMeeting,
  setListing,
  takeMeetingStep,
} from "~/models/meeting.server";
import { prisma } from "~/db/client.server";
import { hanoiMorning, hex, makeEvent, makeRegistration, makeUser } from "../factories";

/**
 * Meetings at events against a real database (docs/decisions/073): the request as a
 * conversation, each step and who may take it, the refusals, agendas free of clashes
 * however accepts race, and outcomes with notes only their side reads.
 */
const key = () => `meeting-form-key-${hex()}${hex()}`;
type User = { id: string; name: string; email: string };

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (error instanceof MeetingError) return error.problem;
  if (error instanceof Response) return error.status;
  throw error ?? new Error("not refused");
}

/** An event with `people` registered participants, all listed. */
async function eventWith(count: number, options: Parameters<typeof makeEvent>[0] = {}) {
  const event = await makeEvent({ startsAt: hanoiMorning(), hours: 4, ...options });
  const people: (User & { registrationId: string })[] = [];
  for (let index = 0; index < count; index += 1) {
    const user = await makeUser({ label: `participant${index}`, password: null });
    const registration = await makeRegistration(event.id, user.id, { listed: true, interests: "Xử lý nước" });
    people.push({ ...user, registrationId: registration.id });
  }
  const slots = meetingSlots(event).map((slot) => slot.start.toISOString());
  return { event, people, slots };
}

/** `from` asks `to` for the slot; the conversation's id. */
async function ask(
  slug: string,
  from: { id: string },
  to: { registrationId: string },
  slot: string,
  message = "Chào anh, tôi muốn trao đổi về công nghệ lọc nước.",
) {
  const url = await requestMeeting(from.id, slug, { registrationId: to.registrationId, slot, message }, key());
  return url.replace("/messages/", "");
}

const meetingOf = (conversationId: string) => prisma.eventMeeting.findUniqueOrThrow({ where: { conversationId } });

describe("a meeting request", () => {
  test("opens a meeting conversation with the invitee, records the slot and the message, and tells them", async () => {
    const { event, people, slots } = await eventWith(2);
    const [requester, invitee] = people;
    const id = await ask(event.slug, requester!, invitee!, slots[1]!);
    const conversation = await prisma.conversation.findUniqueOrThrow({
      where: { id },
      include: { messages: { orderBy: { createdAt: "asc" } } },
    });
    expect(conversation).toMatchObject({ kind: "meeting", starterId: requester!.id, ownerUserId: invitee!.id });
    expect(conversation.messages.map((message) => message.event)).toEqual(["meeting.event.requested", null]);
    expect(conversation.messages[1]!.body).toContain("công nghệ lọc nước");
    expect(await meetingOf(id)).toMatchObject({
      eventId: event.id,
      requesterId: requester!.id,
      inviteeId: invitee!.id,
      status: "requested",
      startsAt: new Date(slots[1]!),
    });
    const notice = await prisma.notification.findFirstOrThrow({
      where: { userId: invitee!.id, url: `/messages/${id}` },
    });
    expect(notice.type).toBe("meeting");
    expect(notice.data).toContain("notify.meeting.requested");
    expect(await prisma.mailMessage.count({ where: { to: invitee!.email, text: { contains: id } } })).toBe(1);
  });

  test("is written once per form key", async () => {
    const { event, people, slots } = await eventWith(2);
    const formKey = key();
    const input = { registrationId: people[1]!.registrationId, slot: slots[0]!, message: "Xin gặp" };
    const first = await requestMeeting(people[0]!.id, event.slug, input, formKey);
    expect(await requestMeeting(people[0]!.id, event.slug, input, formKey)).toBe(first);
    expect(await prisma.eventMeeting.count({ where: { eventId: event.id } })).toBe(1);
  });

  test("is refused to someone not registered, to someone unlisted or oneself, and off the event's slots", async () => {
    const { event, people, slots } = await eventWith(3);
    const [a, b, c] = people;
    const outsider = await makeUser({ label: "outsider", password: null });
    const waitlisted = await makeUser({ label: "waitlisted", password: null });
    await makeRegistration(event.id, waitlisted.id, { status: "waitlisted", listed: true });
    expect(await refusal(ask(event.slug, outsider, b!, slots[0]!))).toBe("notRegistered");
    expect(await refusal(ask(event.slug, waitlisted, b!, slots[0]!))).toBe("notRegistered");
    expect(await refusal(ask(event.slug, a!, a!, slots[0]!))).toBe("self");
    await setListing(event.id, c!.id, { listed: false, interests: null });
    expect(await refusal(ask(event.slug, a!, c!, slots[0]!))).toBe("notListed");
    // Another event's registration is not this one's.
    const other = await eventWith(1);
    expect(await refusal(ask(event.slug, a!, other.people[0]!, slots[0]!))).toBe("notListed");
    expect(await refusal(ask(event.slug, a!, b!, "2020-01-01T01:00:00.000Z"))).toBe("slotInvalid");
    const shifted = new Date(Date.parse(slots[0]!) + 60_000).toISOString();
    expect(await refusal(ask(event.slug, a!, b!, shifted))).toBe("slotInvalid");
    expect(await refusal(ask("no-such-event", a!, b!, slots[0]!))).toBe(404);
    // A past slot, and an event that has ended.
    const after = new Date(Date.parse(slots[1]!) + 1);
    const late = requestMeeting(
      a!.id,
      event.slug,
      { registrationId: b!.registrationId, slot: slots[0]!, message: "x" },
      key(),
      after,
    );
    expect(await refusal(late)).toBe("slotPast");
    const ended = requestMeeting(
      a!.id,
      event.slug,
      { registrationId: b!.registrationId, slot: slots[0]!, message: "x" },
      key(),
      event.endsAt,
    );
    expect(await refusal(ended)).toBe("closed");
    expect(await prisma.eventMeeting.count({ where: { eventId: event.id } })).toBe(0);
    expect(
      await prisma.conversation.count({ where: { kind: "meeting", starterId: { in: [a!.id, outsider.id] } } }),
    ).toBe(0);
  });

  test("is refused on an event with meetings closed, a second time to the same person, and past the open limit", async () => {
    const closed = await eventWith(2, { meetingsOpen: false });
    expect(await refusal(ask(closed.event.slug, closed.people[0]!, closed.people[1]!, closed.slots[0]!))).toBe(
      "closed",
    );
    const { event, people, slots } = await eventWith(MAX_OPEN_REQUESTS + 2, { hours: 12 });
    const [asker, ...others] = people;
    await ask(event.slug, asker!, others[0]!, slots[0]!);
    expect(await refusal(ask(event.slug, asker!, others[0]!, slots[1]!))).toBe("alreadyAsked");
    expect(await refusal(ask(event.slug, others[0]!, asker!, slots[1]!))).toBe("alreadyAsked");
    for (let index = 1; index < MAX_OPEN_REQUESTS; index += 1)
      await ask(event.slug, asker!, others[index]!, slots[index]!);
    expect(await refusal(ask(event.slug, asker!, others[MAX_OPEN_REQUESTS]!, slots[0]!))).toBe("tooMany");
  });
});

describe("a meeting's steps", () => {
  let event: Awaited<ReturnType<typeof eventWith>>;
  beforeAll(async () => {
    event = await eventWith(4, { hours: 8 });
  });

  test("the invitee accepts: recorded in the thread and told to the requester", async () => {
    const [a, b] = event.people;
    const id = await ask(event.event.slug, a!, b!, event.slots[0]!);
    await takeMeetingStep(id, b!.id, "accept");
    expect((await meetingOf(id)).status).toBe("accepted");
    const last = await prisma.message.findFirstOrThrow({
      where: { conversationId: id },
      orderBy: { createdAt: "desc" },
    });
    expect(last).toMatchObject({ event: "meeting.event.accepted", senderId: b!.id });
    const notice = await prisma.notification.findFirstOrThrow({
      where: { userId: a!.id, url: `/messages/${id}` },
      orderBy: { createdAt: "desc" },
    });
    expect(notice).toMatchObject({ type: "meeting" });
    expect(notice.data).toContain("notify.meeting.event.accepted");
    expect(await prisma.mailMessage.count({ where: { to: a!.email, text: { contains: id } } })).toBe(1);
    // Either side cancels it before it starts; not after.
    expect(await refusal(takeMeetingStep(id, a!.id, "cancel", new Date(Date.parse(event.slots[0]!) + 1)))).toBe(
      "started",
    );
    await takeMeetingStep(id, a!.id, "cancel");
    expect((await meetingOf(id)).status).toBe("cancelled");
    expect(await refusal(takeMeetingStep(id, b!.id, "cancel"))).toBe("wrongStatus");
  });

  test("only the invitee accepts or declines; outsiders are told it does not exist", async () => {
    const [a, b, c] = event.people;
    const id = await ask(event.event.slug, a!, c!, event.slots[2]!);
    expect(await refusal(takeMeetingStep(id, a!.id, "accept"))).toBe(403);
    expect(await refusal(takeMeetingStep(id, b!.id, "accept"))).toBe(404);
    expect(await refusal(takeMeetingStep(id, b!.id, "decline"))).toBe(404);
    expect(await refusal(takeMeetingStep("nosuchconversation", c!.id, "accept"))).toBe(404);
    expect(await refusal(takeMeetingStep(id, c!.id, "cancel"))).toBe("wrongStatus");
    await takeMeetingStep(id, c!.id, "decline");
    expect((await meetingOf(id)).status).toBe("declined");
    expect(await refusal(takeMeetingStep(id, c!.id, "accept"))).toBe("wrongStatus");
    const steps = await prisma.message.findMany({ where: { conversationId: id, event: { not: null } } });
    expect(steps.map((step) => step.event).sort()).toEqual(["meeting.event.declined", "meeting.event.requested"]);
    // The requester may withdraw a request still waiting; the invitee may not.
    const waiting = await ask(event.event.slug, b!, c!, event.slots[3]!);
    expect(await refusal(takeMeetingStep(waiting, c!.id, "withdraw"))).toBe(403);
    await takeMeetingStep(waiting, b!.id, "withdraw");
    expect((await meetingOf(waiting)).status).toBe("cancelled");
  });
});

describe("clash-free agendas", () => {
  test("a request or an accept is refused when either person has an accepted meeting then, at any event", async () => {
    const { event, people, slots } = await eventWith(5);
    const [a, b, c, d, e] = people;
    const first = await ask(event.slug, b!, a!, slots[0]!);
    await takeMeetingStep(first, a!.id, "accept");
    // A is taken at slot 0: asking A (or asked by A) then is refused.
    expect(await refusal(ask(event.slug, c!, a!, slots[0]!))).toBe("clash");
    expect(await refusal(ask(event.slug, a!, c!, slots[0]!))).toBe("clash");
    // Two requests to D for slot 1 may wait; accepting the second is refused.
    const one = await ask(event.slug, c!, d!, slots[1]!);
    const two = await ask(event.slug, e!, d!, slots[1]!);
    await takeMeetingStep(one, d!.id, "accept");
    expect(await refusal(takeMeetingStep(two, d!.id, "accept"))).toBe("clash");
    expect((await meetingOf(two)).status).toBe("requested");
    // Another event at the same hours: A's meeting there clashes with this one.
    const other = await makeEvent({ startsAt: event.startsAt, hours: 2, meetingMinutes: 15 });
    const [x] = [await makeUser({ label: "x", password: null })];
    await makeRegistration(other.id, a!.id, { listed: true });
    const xReg = await makeRegistration(other.id, x.id, { listed: true });
    const elsewhere = await ask(
      other.slug,
      a!,
      { registrationId: xReg.id },
      meetingSlots(other)[1]!.start.toISOString(),
    ).then(
      () => "asked",
      (error: unknown) => (error instanceof MeetingError ? error.problem : "other"),
    );
    expect(elsewhere).toBe("clash");
    // Once cancelled the time is free again.
    await takeMeetingStep(first, b!.id, "cancel");
    await takeMeetingStep(two, d!.id, "decline");
    await ask(event.slug, c!, a!, slots[0]!);
  });

  test("of two accepts for the same person and time racing, exactly one wins", async () => {
    const ROUNDS = 12;
    const { event, people, slots } = await eventWith(1 + 2 * ROUNDS, { hours: 8 });
    const [invitee, ...askers] = people;
    for (let round = 0; round < ROUNDS; round += 1) {
      const first = await ask(event.slug, askers[2 * round]!, invitee!, slots[round]!);
      const second = await ask(event.slug, askers[2 * round + 1]!, invitee!, slots[round]!);
      const results = await Promise.allSettled([
        takeMeetingStep(first, invitee!.id, "accept"),
        takeMeetingStep(second, invitee!.id, "accept"),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const lost = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(MeetingError);
      expect((lost.reason as MeetingError).problem).toBe("clash");
    }
    // No person has two accepted meetings that overlap.
    const pairs = await prisma.$queryRawUnsafe<unknown[]>(
      `SELECT a.id FROM "EventMeeting" a JOIN "EventMeeting" b ON a.id < b.id
         AND (a.requesterId IN (b.requesterId, b.inviteeId) OR a.inviteeId IN (b.requesterId, b.inviteeId))
       WHERE a.status = 'accepted' AND b.status = 'accepted' AND a.startsAt < b.endsAt AND b.startsAt < a.endsAt`,
    );
    expect(pairs).toEqual([]);
  });
});

describe("outcomes", () => {
  test("only after the event, only by a side, each in its own column; notes stay with their side", async () => {
    const { event, people, slots } = await eventWith(3);
    const [a, b, c] = people;
    const id = await ask(event.slug, a!, b!, slots[0]!);
    const pending = await ask(event.slug, c!, a!, slots[3]!);
    await takeMeetingStep(id, b!.id, "accept");
    const after = new Date(event.endsAt.getTime() + 1);
    const outcome = { outcome: "follow_up_request" as const, note: "NOTE-A riêng tư" };
    expect(await refusal(recordOutcome(id, a!.id, outcome))).toBe("notEnded");
    expect(await refusal(recordOutcome(id, c!.id, outcome, after))).toBe(404);
    expect(await refusal(recordOutcome(pending, a!.id, outcome, after))).toBe("wrongStatus");
    await recordOutcome(id, a!.id, outcome, after);
    await recordOutcome(id, b!.id, { outcome: "agreement", note: "NOTE-B riêng tư" }, after);
    await recordOutcome(id, b!.id, { outcome: "response", note: null }, after);
    expect(await meetingOf(id)).toMatchObject({
      requesterOutcome: "follow_up_request",
      requesterNote: "NOTE-A riêng tư",
      inviteeOutcome: "response",
      inviteeNote: null,
    });
    // Each side reads its own outcome and note, never the other's.
    const forA = await meetingForConversation(id, a!.id, after);
    const forB = await meetingForConversation(id, b!.id, after);
    expect(forA).toMatchObject({ outcome: "follow_up_request", note: "NOTE-A riêng tư", outcomeOpen: true });
    expect(forB).toMatchObject({ outcome: "response", note: null });
    expect(JSON.stringify(forB)).not.toContain("NOTE-A");
    expect(await meetingForConversation(id, c!.id)).toBeNull();
    expect(JSON.stringify(await agendaOf(a!.id))).not.toContain("NOTE-A");
    expect(JSON.stringify(await agendaOf(b!.id))).not.toContain("NOTE-A");
    // The outcome never goes into the thread.
    const bodies = await prisma.message.findMany({ where: { conversationId: id }, select: { body: true } });
    expect(JSON.stringify(bodies)).not.toContain("NOTE-");
  });
});

describe("who is coming", () => {
  test("only registered participants see the listed others, without e-mails; each sets their own listing", async () => {
    const { event, people } = await eventWith(2);
    const [a, b] = people;
    const shy = await makeUser({ label: "shy", password: null });
    await makeRegistration(event.id, shy.id, { listed: false });
    const cancelled = await makeUser({ label: "gone", password: null });
    await makeRegistration(event.id, cancelled.id, { status: "cancelled", listed: true });
    const outsider = await makeUser({ label: "outsider", password: null });
    const loaded = (await publishedEvent(event.slug))!;
    expect(await peopleAtEvent(loaded, null)).toEqual({ access: "signIn" });
    expect(await peopleAtEvent(loaded, outsider.id)).toEqual({ access: "notRegistered" });
    expect(await peopleAtEvent(loaded, cancelled.id)).toEqual({ access: "notRegistered" });
    const seen = await peopleAtEvent(loaded, shy.id);
    if (seen.access !== "registered") throw new Error("registered");
    expect(seen.people.map((person) => person.name).sort()).toEqual([a!.name, b!.name].sort());
    expect(seen.own).toEqual({ listed: false, interests: "" });
    expect(seen.slots.length).toBeGreaterThan(0);
    expect(JSON.stringify(seen)).not.toMatch(/@example\.vn/);
    await setListing(event.id, shy.id, { listed: true, interests: "Thiết bị quang phổ" });
    const again = await peopleAtEvent(loaded, a!.id);
    if (again.access !== "registered") throw new Error("registered");
    expect(again.people.find((person) => person.name === shy.name)?.interests).toBe("Thiết bị quang phổ");
    expect(await refusal(setListing(event.id, outsider.id, { listed: true, interests: null }))).toBe("notRegistered");
    // An event without meetings lists nobody, to anyone.
    await prisma.event.update({ where: { id: event.id }, data: { meetingsOpen: false } });
    expect(await peopleAtEvent((await publishedEvent(event.slug))!, a!.id)).toEqual({ access: "closed" });
    // A draft event is nobody's.
    await prisma.event.update({ where: { id: event.id }, data: { status: "pending" } });
    expect(await publishedEvent(event.slug)).toBeNull();
  });
});
