import crypto from "node:crypto";
import { inject } from "vitest";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { createOrganization, type OrganizationData, type WriteOrigin } from "~/models/organization.server";
import { prisma } from "~/db/client.server";
import { hashPassword } from "~/auth/password.server";
import { portalDb } from "./e2e/portal-db";
import { refreshOfferSearchFields } from "#search/offer-document";
import { enqueueSearchSync } from "#search/outbox";

/**
 * The one place tests make users and organizations. They are written to the
 * running portal's database in e2e tests and to the test file's own database
 * in integration tests (tests/setup/isolated-services.ts points `prisma` at it).
 */
export function testDb(): PrismaClient {
  return inject("portalDatabase") ? portalDb() : prisma;
}

export const PASSWORD = "correct horse battery staple";
/** Not an argon2 hash: no password signs in as a user made with `password: null`. */
const NO_SIGN_IN = "!no-sign-in";

export const hex = () => crypto.randomBytes(4).toString("hex");
/** Letters only: one word for the search engine, unlike anything else in the data. */
export const word = (length = 10) =>
  Array.from(crypto.randomBytes(length), (byte) => String.fromCharCode(97 + (byte % 26))).join("");

// Hashing is deliberately slow (argon2id): users with the same password share one hash.
const hashes = new Map<string, Promise<string>>();
function hashOf(password: string) {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
}

export type UserOptions = {
  /** Starts the e-mail address and the default name; the role when not given. */
  label?: string;
  role?: "member" | "curator" | "admin";
  accountType?: "business" | "researcher";
  name?: string;
  email?: string;
  /** PASSWORD when not given; null for a user who never signs in (no hashing). */
  password?: string | null;
};

export async function makeUser(options: UserOptions = {}) {
  const role = options.role ?? "member";
  const label = options.label ?? role;
  const id = hex();
  return testDb().user.create({
    data: {
      email: options.email ?? `${label}-${id}@example.vn`,
      name: options.name ?? `Test ${label} ${id}`,
      passwordHash: options.password === null ? NO_SIGN_IN : await hashOf(options.password ?? PASSWORD),
      role,
      accountType: options.accountType ?? "business",
    },
  });
}

let organizations = 0;
/** A published lab by default, written as the models write it (search outbox included). */
export async function makeOrganization(
  data: Partial<OrganizationData> & { label?: string } = {},
  origin: WriteOrigin = "fixture",
) {
  organizations += 1;
  const { label = "org", ...rest } = data;
  return createOrganization(
    {
      slug: `test-${label}-${organizations}-${hex()}`,
      kind: "lab",
      nameEn: `Test Laboratory ${organizations}`,
      status: "published",
      ...rest,
    },
    { origin },
    testDb(),
  );
}

let offers = 0;
/**
 * A published service by default (`type` says otherwise), with its fields by id or slug,
 * written straight to the table (no review) with its search columns, and queued for the index.
 */
export async function makeOffer(
  data: Partial<Omit<Prisma.OfferUncheckedCreateInput, "fields">> & { fieldIds?: string[]; fieldSlugs?: string[] } = {},
) {
  offers += 1;
  const { fieldIds = [], fieldSlugs = [], ...rest } = data;
  const db = testDb();
  const offer = await db.offer.create({
    data: {
      type: "service",
      nameEn: `Test service ${offers} ${hex()}`,
      status: "published",
      publishedAt: new Date(),
      confirmedAt: new Date(),
      ...rest,
      fields: {
        create: [
          ...fieldIds.map((id) => ({ field: { connect: { id } } })),
          ...fieldSlugs.map((slug) => ({ field: { connect: { slug } } })),
        ],
      },
    },
  });
  await refreshOfferSearchFields(db, offer.id);
  await enqueueSearchSync(db, "offer", [offer.id]);
  return offer;
}

/**
 * A response's conversation, as sending a response opens it (docs/decisions/064):
 * between the request's author (the starter) and the responder.
 */
export async function makeResponseConversation(
  request: { id: string; authorId: string; title: string },
  response: { id: string; responderId: string },
) {
  return testDb().conversation.create({
    data: {
      kind: "response",
      subject: request.title,
      starterId: request.authorId,
      ownerUserId: response.responderId,
      responseId: response.id,
    },
  });
}

/**
 * A match of an accepted response, as the portal makes it: the response's conversation
 * (opened here when the response has none) continues as the match's, with its id.
 */
export async function makeMatchRow(
  request: { id: string; authorId: string; title: string },
  response: { id: string; responderId: string },
) {
  const db = testDb();
  const conversation =
    (await db.conversation.findUnique({ where: { responseId: response.id } })) ??
    (await makeResponseConversation(request, response));
  const match = await db.match.create({
    data: { id: conversation.id, requestId: request.id, responseId: response.id },
  });
  await db.conversation.update({ where: { id: conversation.id }, data: { kind: "match", matchId: match.id } });
  return match;
}

/** A message in a conversation, as a member sends it. */
export async function makeMessage(conversationId: string, senderId: string, body: string) {
  const db = testDb();
  const message = await db.message.create({ data: { conversationId, senderId, body } });
  await db.conversation.update({ where: { id: conversationId }, data: { lastMessageAt: message.createdAt } });
  return message;
}

/**
 * A booking request for an instrument with its booking conversation, as the portal
 * makes them (docs/decisions/063); `status` and `dates` for any later step.
 */
export async function makeBooking(
  offer: { id: string; organizationId: string | null; nameVi?: string | null },
  requesterId: string,
  options: { status?: string; start: string; end: string; purpose?: string },
) {
  const db = testDb();
  const conversation = await db.conversation.create({
    data: {
      kind: "booking",
      subject: offer.nameVi ?? "Thiết bị",
      starterId: requesterId,
      organizationId: offer.organizationId,
      offerId: offer.id,
    },
  });
  const booking = await db.booking.create({
    data: {
      offerId: offer.id,
      conversationId: conversation.id,
      requesterId,
      startDate: options.start,
      endDate: options.end,
      requestedStart: options.start,
      requestedEnd: options.end,
      purpose: options.purpose ?? "Đo mẫu gốm",
      samples: "4 mẫu bột",
      status: options.status ?? "requested",
    },
  });
  return { conversation, booking };
}

// --- Agreements and the officials' indicators (docs/decisions/074, 075) ---

let events = 0;

/** A conversation of any kind between a starter and a person or an organization's team, written straight to the table. */
export async function makeConversation(options: {
  kind: "match" | "inquiry" | "booking" | "meeting";
  starterId: string;
  owner: { userId: string } | { organizationId: string };
  subject?: string;
  offerId?: string;
  expertId?: string;
  matchId?: string;
  createdAt?: Date;
}) {
  const owner = "userId" in options.owner ? { ownerUserId: options.owner.userId } : options.owner;
  return testDb().conversation.create({
    data: {
      kind: options.kind,
      subject: options.subject ?? `Trao đổi ${hex()}`,
      starterId: options.starterId,
      ...owner,
      offerId: options.offerId,
      expertId: options.expertId,
      matchId: options.matchId,
      ...(options.createdAt ? { createdAt: options.createdAt, lastMessageAt: options.createdAt } : {}),
    },
  });
}

/** 08:00 in Hanoi (01:00 UTC), `days` from today: a meeting day's start, on the hour as the slots expect. */
export function hanoiMorning(days = 2) {
  const day = new Date(Date.now() + days * 86_400_000);
  return new Date(`${day.toISOString().slice(0, 10)}T01:00:00Z`);
}

/**
 * A published event (meetings open, 30-minute slots, as the schema has them), ten days ahead for
 * `hours` (three) unless told, with its fields by id. Times are UTC instants; `hanoiInstant`
 * (app/domain/event-time.ts) turns Hanoi wall-clock times into them, `hanoiMorning` gives a morning.
 */
export async function makeEvent(
  data: Partial<Omit<Prisma.EventUncheckedCreateInput, "fields">> & {
    fieldIds?: string[];
    label?: string;
    hours?: number;
  } = {},
) {
  events += 1;
  const { fieldIds = [], label = "su-kien", hours = 3, ...rest } = data;
  const startsAt = rest.startsAt ? new Date(rest.startsAt) : new Date(Date.now() + 10 * 86_400_000);
  return testDb().event.create({
    data: {
      slug: `${label}-${hex()}-${events}`,
      kind: "workshop",
      titleVi: `Hội thảo ${word(6)}`,
      descriptionVi: "Hội thảo về chuyển giao công nghệ",
      venue: "Trung tâm Đổi mới sáng tạo, 1 Trần Hưng Đạo",
      organizerName: "Sở Khoa học và Công nghệ Hà Nội",
      endsAt: new Date(startsAt.getTime() + hours * 3_600_000),
      status: "published",
      publishedAt: (rest.status ?? "published") === "published" ? new Date() : null,
      ...rest,
      startsAt,
      fields: { create: fieldIds.map((fieldId) => ({ fieldId })) },
    },
  });
}

/**
 * A meeting at an event with its conversation (kind "meeting", named after the event as the portal
 * names it), accepted by default, at the event's start, `slot` slots later (of the event's
 * meetingMinutes) or at `startsAt`; `message`: the request's message, first in the thread;
 * `outcome` and `note`: the requester's, `inviteeOutcome`: the invitee's.
 */
export async function makeMeeting(
  event: { id: string; startsAt: Date; meetingMinutes?: number; titleVi?: string | null },
  requesterId: string,
  inviteeId: string,
  options: {
    status?: string;
    startsAt?: Date;
    slot?: number;
    message?: string;
    outcome?: string;
    note?: string;
    inviteeOutcome?: string;
  } = {},
) {
  const db = testDb();
  const length = (event.meetingMinutes ?? 30) * 60_000;
  const startsAt = options.startsAt ?? new Date(event.startsAt.getTime() + (options.slot ?? 0) * length);
  const conversation = await makeConversation({
    kind: "meeting",
    subject: event.titleVi ?? undefined,
    starterId: requesterId,
    owner: { userId: inviteeId },
  });
  if (options.message) await makeMessage(conversation.id, requesterId, options.message);
  const meeting = await db.eventMeeting.create({
    data: {
      eventId: event.id,
      conversationId: conversation.id,
      requesterId,
      inviteeId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + length),
      status: options.status ?? "accepted",
      requesterOutcome: options.outcome ?? null,
      requesterNote: options.note ?? null,
      inviteeOutcome: options.inviteeOutcome ?? null,
    },
  });
  return { conversation, meeting };
}

/** An agreement in a conversation, written straight to the table (confirmed unless told). */
export async function makeAgreement(
  conversationId: string,
  data: Partial<Omit<Prisma.AgreementUncheckedCreateInput, "conversationId">> = {},
) {
  return testDb().agreement.create({
    data: {
      conversationId,
      type: "research_contract",
      signedOn: new Date().toISOString().slice(0, 10),
      status: "confirmed",
      confirmedAt: data.status === "pending" ? null : new Date(),
      ...data,
    },
  });
}

/** A registration at an event, written directly ("registered" unless told); `listed` with its `interests` for meetings. */
export async function makeRegistration(
  eventId: string,
  userId: string,
  options: {
    status?: "registered" | "waitlisted" | "cancelled";
    createdAt?: Date;
    listed?: boolean;
    interests?: string;
  } = {},
) {
  return testDb().eventRegistration.create({
    data: {
      eventId,
      userId,
      status: options.status ?? "registered",
      listed: options.listed ?? false,
      interests: options.interests ?? null,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    },
  });
}
