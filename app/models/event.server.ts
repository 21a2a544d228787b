import { pick } from "~/i18n/i18n";
import type { Prisma } from "~/generated/prisma/client";
import { prisma, type DbClient } from "~/db/client.server";
import { isOfficial } from "~/auth/permissions";
import { EVENT_KIND_LABELS, EVENT_ORGANIZER_KINDS, type EventKind } from "~/domain/event-values";
import { findDistrict } from "~/domain/districts";
import { findWard } from "~/domain/wards";
import { foldForSearch, slugify } from "~/utils/text";
import type { EventInput } from "~/validation/event";
import { audit, type AuditAction } from "./audit.server";
import { fillSeats } from "./event-registration.server";
import { notifyOfficials } from "./notification.server";
import { write, writeOnce, type Effects, type Tx } from "./write.server";

/**
 * Innovation events (docs/decisions/072): who may publish them and for which
 * organizer, and every write. Officials publish at once, for any listing or in
 * the city's name; managers of incubators, universities and institutes publish
 * for their listing, through review (app/models/event-review.server.ts).
 */

export type Actor = { id: string; role: string };

/** The columns the form writes, with its field ids. */
export type EventData = ReturnType<typeof eventColumns> & { fieldIds: string[] };

export class EventNotAllowedError extends Error {
  constructor() {
    super("not allowed to manage this event");
  }
}

export function eventColumns(input: Omit<EventInput, "fieldSlugs" | "organizerName">) {
  const inPerson = input.format !== "online";
  const online = input.format !== "in_person";
  return {
    kind: input.kind,
    titleVi: input.titleVi,
    titleEn: input.titleEn,
    descriptionVi: input.descriptionVi,
    descriptionEn: input.descriptionEn,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    format: input.format,
    venue: inPerson ? input.venue : null,
    district: inPerson ? input.district : null,
    ward: inPerson ? input.ward : null,
    onlineUrl: online ? input.onlineUrl : null,
    capacity: input.capacity,
    meetingsOpen: input.meetingsOpen,
    meetingMinutes: input.meetingMinutes,
  };
}

/** What changes send an edit back to review (any of them). */
const MATERIAL = [
  "kind",
  "titleVi",
  "titleEn",
  "descriptionVi",
  "descriptionEn",
  "startsAt",
  "endsAt",
  "format",
  "venue",
  "district",
  "ward",
  "onlineUrl",
  "capacity",
  "meetingsOpen",
  "meetingMinutes",
  "organizerName",
] as const;

export const eventLabel = (event: { titleVi: string | null; titleEn: string | null }) =>
  pick("vi", event.titleVi, event.titleEn);

/** Whether the listing may organize events: a published incubator, university or institute. */
export const organizerKind = (kind: string) => (EVENT_ORGANIZER_KINDS as readonly string[]).includes(kind);

/**
 * Whether the actor may publish and manage events for this organizer: officials for any
 * (null: in the city's name), managers only for their own incubator, university or institute.
 */
export async function mayOrganize(actor: Actor | null, organizationId: string | null, db: DbClient = prisma) {
  if (!actor) return false;
  if (isOfficial(actor)) return true;
  if (!organizationId) return false;
  const manager = await db.organizationManager.findUnique({
    where: { userId_organizationId: { userId: actor.id, organizationId } },
    select: { organization: { select: { kind: true, status: true } } },
  });
  return Boolean(manager && manager.organization.status === "published" && organizerKind(manager.organization.kind));
}

/** The listings a member may publish events for (the chooser on /events/new). */
export async function organizerChoices(userId: string) {
  const rows = await prisma.organizationManager.findMany({
    where: { userId, organization: { status: "published", kind: { in: [...EVENT_ORGANIZER_KINDS] } } },
    select: { organization: { select: { slug: true, nameVi: true, nameEn: true } } },
    orderBy: { organization: { sortNameVi: "asc" } },
    take: 50,
  });
  return rows.map((row) => row.organization);
}

/** A published listing by slug, as an event's organizer. */
export function organizationForEvents(slug: string) {
  return prisma.organization.findFirst({
    where: { slug, status: "published" },
    select: { id: true, slug: true, nameVi: true, nameEn: true, kind: true },
  });
}

async function uniqueEventSlug(title: string, startsAt: Date, tx: Tx) {
  const base = slugify(`${title} ${startsAt.getUTCFullYear()}`, 70) || "event";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.event.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

/** What an event's search text is made from (its own columns are read whole). */
export const eventSearchInclude = {
  organization: { select: { nameVi: true, nameEn: true, acronym: true } },
  fields: { select: { field: { select: { nameVi: true, nameEn: true } } } },
} as const;

type EventForSearchText = Prisma.EventGetPayload<{ include: typeof eventSearchInclude }>;

/** The folded words the database fallback matches: titles, description, place, organizer, fields, kind. */
export function eventSearchText(event: EventForSearchText): string {
  const kind = EVENT_KIND_LABELS[event.kind as EventKind];
  const district = findDistrict(event.district);
  const ward = findWard(event.ward);
  const text = [
    event.titleVi,
    event.titleEn,
    event.descriptionVi,
    event.descriptionEn,
    event.venue,
    event.organizerName,
    event.organization?.acronym,
    event.organization?.nameVi,
    event.organization?.nameEn,
    kind?.vi,
    kind?.en,
    district?.vi,
    ward?.vi,
    ...event.fields.flatMap(({ field }) => [field.nameVi, field.nameEn]),
  ]
    .filter(Boolean)
    .join(" ");
  return foldForSearch(text);
}

export async function refreshEventSearchText(eventId: string, tx: Tx | DbClient) {
  const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, include: eventSearchInclude });
  await tx.event.update({ where: { id: eventId }, data: { searchText: eventSearchText(event) } });
}

async function writeEventFields(eventId: string, fieldIds: string[], tx: Tx) {
  await tx.eventField.deleteMany({ where: { eventId } });
  await tx.eventField.createMany({ data: fieldIds.map((fieldId) => ({ eventId, fieldId })) });
}

async function tellOfficials(
  event: { id: string; slug: string },
  authorId: string,
  title: string,
  tx: Tx,
  effects: Effects,
) {
  const author = await tx.user.findUniqueOrThrow({ where: { id: authorId }, select: { name: true } });
  await notifyOfficials(
    {
      type: "review",
      key: "notify.eventToReview",
      params: { name: author.name, event: title },
      url: `/admin/queue#event-${event.id}`,
      mail: { action: "mail.action.review" },
    },
    tx,
    effects,
  );
}

export function auditEvent(
  actorId: string | null,
  action: AuditAction,
  event: { id: string; titleVi: string | null; titleEn: string | null },
  tx: Tx,
  extra: { before?: unknown; after?: unknown; reason?: string | null } = {},
) {
  return audit({ actorId, action, entityType: "event", entityId: event.id, label: eventLabel(event), ...extra }, tx);
}

/**
 * A new event, for a listing or (officials only) in the city's name: sent for review,
 * an official's published at once. Once per form key; returns the URL of its page.
 */
export async function createEvent(
  actor: Actor,
  organizer: { organizationId: string } | { organizerName: string | null },
  data: EventData,
  formKey: string,
) {
  const organizationId = "organizationId" in organizer ? organizer.organizationId : null;
  if (!(await mayOrganize(actor, organizationId))) throw new EventNotAllowedError();
  return writeOnce(actor.id, formKey, async (tx, effects) => {
    const { fieldIds, ...columns } = data;
    const now = new Date();
    const official = isOfficial(actor);
    const title = eventLabel(columns);
    const event = await tx.event.create({
      data: {
        ...columns,
        slug: await uniqueEventSlug(title, columns.startsAt, tx),
        organizationId,
        organizerName: "organizerName" in organizer ? organizer.organizerName : null,
        status: official ? "published" : "pending",
        ...(official ? { publishedAt: now, reviewedById: actor.id, reviewedAt: now } : {}),
        createdById: actor.id,
      },
    });
    await writeEventFields(event.id, fieldIds, tx);
    await refreshEventSearchText(event.id, tx);
    await auditEvent(actor.id, "event.create", event, tx, { after: { ...columns, status: event.status } });
    if (official) await effects.reindex("event", [event.id]);
    else await tellOfficials(event, actor.id, title, tx, effects);
    return `/events/${event.slug}?sent=${official ? "published" : "pending"}`;
  });
}

export type EventEditOutcome = "unchanged" | "saved" | "pending";

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : (a ?? null) === (b ?? null);

/**
 * An organizer's edit: a change sends a published or refused event back to review (it
 * leaves the public pages until approved); an official's edit stays as it was.
 */
export async function editEvent(
  actor: Actor,
  eventId: string,
  data: EventData & { organizerName?: string | null },
): Promise<EventEditOutcome> {
  const current = await prisma.event.findUnique({
    where: { id: eventId },
    include: { fields: { select: { fieldId: true } } },
  });
  if (!current || current.status === "cancelled" || !(await mayOrganize(actor, current.organizationId)))
    throw new EventNotAllowedError();
  const { fieldIds, ...columns } = data;
  // Only an official names the organizer of the city's own events.
  const wanted = {
    ...columns,
    organizerName:
      isOfficial(actor) && !current.organizationId ? (columns.organizerName ?? null) : current.organizerName,
  };
  const changed = MATERIAL.filter((key) => !same(current[key], wanted[key]));
  const sameFields =
    [...fieldIds].sort().join() ===
    current.fields
      .map((field) => field.fieldId)
      .sort()
      .join();
  if (changed.length === 0 && sameFields) return "unchanged";
  const toReview = !isOfficial(actor) && current.status !== "draft";
  return write(async (tx, effects) => {
    const before = Object.fromEntries(changed.map((key) => [key, current[key]]));
    const after = Object.fromEntries(changed.map((key) => [key, wanted[key]]));
    // The same status again: a review or a cancel that came first wins.
    const { count } = await tx.event.updateMany({
      where: { id: eventId, status: current.status },
      data: { ...wanted, ...(toReview ? { status: "pending", reviewNote: null } : {}) },
    });
    if (count === 0) throw new EventNotAllowedError();
    await writeEventFields(eventId, fieldIds, tx);
    await refreshEventSearchText(eventId, tx);
    const updated = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
    await auditEvent(actor.id, "event.edit", updated, tx, { before, after });
    if (toReview) await tellOfficials(updated, actor.id, eventLabel(updated), tx, effects);
    // More seats (or none limited now): the waitlist moves up at once, oldest first.
    if (updated.status === "published") await fillSeats(updated, tx, effects);
    await effects.reindex("event", [eventId]);
    return toReview ? "pending" : "saved";
  });
}

/** Cancels an event: its page stays and says so; it leaves search. False when it already was. */
export async function cancelEvent(actor: Actor, eventId: string): Promise<boolean> {
  const current = await prisma.event.findUnique({ where: { id: eventId } });
  if (!current || !(await mayOrganize(actor, current.organizationId))) throw new EventNotAllowedError();
  return write(async (tx, effects) => {
    const { count } = await tx.event.updateMany({
      where: { id: eventId, status: { not: "cancelled" } },
      data: { status: "cancelled", cancelledAt: new Date() },
    });
    if (count === 0) return false;
    await auditEvent(actor.id, "event.cancel", current, tx, {
      before: { status: current.status },
      after: { status: "cancelled" },
    });
    await effects.reindex("event", [eventId]);
    return true;
  });
}

// ---------------------------------------------------------------- reads

/** Published and cancelled events have public pages (a cancelled one says so); the rest only for organizers. */
export const PUBLIC_EVENT_STATUSES = ["published", "cancelled"] as const;

const pageSelect = {
  id: true,
  slug: true,
  kind: true,
  titleVi: true,
  titleEn: true,
  descriptionVi: true,
  descriptionEn: true,
  startsAt: true,
  endsAt: true,
  format: true,
  venue: true,
  district: true,
  ward: true,
  onlineUrl: true,
  organizationId: true,
  organizerName: true,
  capacity: true,
  meetingsOpen: true,
  meetingMinutes: true,
  status: true,
  reviewNote: true,
  organization: { select: { slug: true, nameVi: true, nameEn: true, status: true } },
  fields: {
    select: { field: { select: { slug: true, nameVi: true, nameEn: true } } },
    orderBy: { field: { position: "asc" } },
  },
} satisfies Prisma.EventSelect;

/**
 * An event for its page: public ones to anyone, the rest only to its organizers and
 * officials (else null). The review note only for those who may act on it.
 */
export async function eventForPage(slug: string, viewer: Actor | null) {
  const row = await prisma.event.findUnique({ where: { slug }, select: pageSelect });
  if (!row) return null;
  const isPublic = (PUBLIC_EVENT_STATUSES as readonly string[]).includes(row.status);
  const canManage = await mayOrganize(viewer, row.organizationId);
  if (!isPublic && !canManage) return null;
  const seatsTaken = await prisma.eventRegistration.count({ where: { eventId: row.id, status: "registered" } });
  const { reviewNote, organization, fields, ...event } = row;
  return {
    event: {
      ...event,
      organization: organization?.status === "published" ? organization : null,
      fields: fields.map(({ field }) => field),
      seatsLeft: event.capacity === null ? null : Math.max(0, event.capacity - seatsTaken),
      // Why it was refused: for those who may act on it, under a name that is not the column's.
      refusal: canManage && event.status === "rejected" ? reviewNote : null,
    },
    canManage,
  };
}

/** An event with its fields, for the edit form; null when the actor may not edit it. */
export async function eventForEdit(slug: string, actor: Actor) {
  const event = await prisma.event.findUnique({
    where: { slug },
    include: {
      fields: { select: { field: { select: { slug: true } } } },
      organization: { select: { slug: true, nameVi: true, nameEn: true } },
    },
  });
  if (!event || event.status === "cancelled" || !(await mayOrganize(actor, event.organizationId))) return null;
  return event;
}

/** A listing's upcoming public events, soonest first, for its page. */
export async function organizationUpcomingEvents(organizationId: string, now = new Date()) {
  return prisma.event.findMany({
    where: { organizationId, status: "published", endsAt: { gte: now } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 5,
    select: { slug: true, titleVi: true, titleEn: true, startsAt: true, endsAt: true, kind: true },
  });
}
