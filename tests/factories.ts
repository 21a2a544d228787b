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

// Events and their registrations (docs/decisions/077): written directly, as the events' own
// forms are another feature's. Times are UTC instants; `hanoiInstant` turns Hanoi wall-clock
// times into them.
let events = 0;
export async function makeEvent(
  options: {
    label?: string;
    titleVi?: string;
    titleEn?: string | null;
    status?: string;
    startsAt?: Date;
    endsAt?: Date;
    capacity?: number | null;
    format?: string;
    venue?: string | null;
    ward?: string | null;
    onlineUrl?: string | null;
    organizerName?: string | null;
    descriptionVi?: string | null;
  } = {},
) {
  events += 1;
  const startsAt = options.startsAt ?? new Date(Date.now() + 10 * 86_400_000);
  return testDb().event.create({
    data: {
      slug: `${options.label ?? "su-kien"}-${hex()}-${events}`,
      kind: "workshop",
      titleVi: options.titleVi ?? `Hội thảo ${word(6)}`,
      titleEn: options.titleEn === undefined ? null : options.titleEn,
      descriptionVi: options.descriptionVi ?? "Hội thảo về chuyển giao công nghệ",
      startsAt,
      endsAt: options.endsAt ?? new Date(startsAt.getTime() + 3 * 3_600_000),
      status: options.status ?? "published",
      capacity: options.capacity === undefined ? null : options.capacity,
      format: options.format ?? "in_person",
      venue: options.venue === undefined ? "Trung tâm Đổi mới sáng tạo, 1 Trần Hưng Đạo" : options.venue,
      ward: options.ward === undefined ? null : options.ward,
      onlineUrl: options.onlineUrl ?? null,
      organizerName: options.organizerName === undefined ? "Sở Khoa học và Công nghệ Hà Nội" : options.organizerName,
      publishedAt: (options.status ?? "published") === "published" ? new Date() : null,
    },
  });
}

export async function makeRegistration(
  eventId: string,
  userId: string,
  options: { status?: "registered" | "waitlisted" | "cancelled"; createdAt?: Date; listed?: boolean } = {},
) {
  return testDb().eventRegistration.create({
    data: {
      eventId,
      userId,
      status: options.status ?? "registered",
      listed: options.listed ?? false,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    },
  });
}
