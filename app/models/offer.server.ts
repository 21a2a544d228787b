import { pick } from "~/i18n/i18n";
import { prisma, type DbClient } from "~/db/client.server";
import { isOfficial } from "~/auth/permissions";
import { isPublicOffer, PUBLIC_OFFER, type OfferType } from "~/domain/offer-values";
import { photoUrl } from "~/domain/offer-photo";
import { OFFER_COLUMNS } from "~/domain/offer-columns";
import { refreshOfferSearchFields } from "#search/offer-document";
import type { OfferInput } from "~/validation/offer";
import { audit, type AuditAction } from "./audit.server";
import { notifyOfficials } from "./notification.server";
import { write, writeOnce, type Effects, type Tx } from "./write.server";

/**
 * Services, equipment and technologies on offer (decision 050): who may publish
 * and manage them, and every owner's write. An official reviews what owners
 * send (app/models/offer-review.server.ts) before it is public.
 */

export type Actor = { id: string; role: string };
/** An organization's offer, or a technology a researcher offers in their own name. */
export type OfferOwner = { organizationId: string } | { expertId: string };

/** The columns an owner writes, each type's own and null for the others'. */
export type OfferData = ReturnType<typeof offerColumns> & { fieldIds: string[]; inventorIds: string[] };

export class OfferNotAllowedError extends Error {
  constructor() {
    super("not allowed to manage this offer");
  }
}

/** The form's values as columns: the fields of the other types are dropped. */
export function offerColumns(input: Omit<OfferInput, "fieldSlugs" | "inventors">) {
  const is = (type: OfferType) => input.type === type;
  const service = is("service");
  const equipment = is("equipment");
  const technology = is("technology");
  const ranged = service && input.priceMode === "range";
  return {
    type: input.type,
    nameVi: input.nameVi,
    nameEn: input.nameEn,
    descriptionVi: input.descriptionVi,
    descriptionEn: input.descriptionEn,
    method: service ? input.method : null,
    sampleRequirements: service ? input.sampleRequirements : null,
    turnaround: service ? input.turnaround : null,
    audience: service ? input.audience.join("\n") : "",
    priceMode: service ? (input.priceMode ?? "quote") : "unknown",
    priceMinVnd: ranged ? input.priceMinVnd : null,
    priceMaxVnd: ranged ? input.priceMaxVnd : null,
    freeFor: service && input.priceMode !== "quote" ? input.freeFor.join("\n") : "",
    instrument: service || equipment ? input.instrument : null,
    make: equipment ? input.make : null,
    model: equipment ? input.model : null,
    category: equipment ? input.category : null,
    specifications: equipment ? input.specifications : null,
    building: equipment ? input.building : null,
    district: equipment ? input.district : null,
    ward: equipment ? input.ward : null,
    accessMode: equipment ? input.accessMode : null,
    conditions: equipment ? input.conditions : null,
    applications: technology ? input.applications : null,
    trl: technology && input.trl ? Number(input.trl) : null,
    ipStatus: technology ? input.ipStatus : null,
    ipNumber: technology ? input.ipNumber : null,
    offeredAs: technology ? input.offeredAs.join("\n") : "",
    transferredTo: technology && input.transferred ? (input.transferredTo ?? "") : null,
  };
}

/** The columns that show what an offer is: changing any of them sends it back to review. */
export const OFFER_MATERIAL = OFFER_COLUMNS;

export const offerLabel = (offer: { nameVi: string | null; nameEn: string | null }) =>
  pick("vi", offer.nameVi, offer.nameEn);

/** Whether the actor may publish an offer of this type for this owner. */
export async function mayPublishFor(actor: Actor, owner: OfferOwner, type: OfferType, db: DbClient = prisma) {
  if (isOfficial(actor)) return true;
  if ("organizationId" in owner) {
    const manager = await db.organizationManager.findUnique({
      where: { userId_organizationId: { userId: actor.id, organizationId: owner.organizationId } },
    });
    return Boolean(manager);
  }
  // A researcher offers a technology they invented, in their own name, from a published profile.
  if (type !== "technology") return false;
  const profile = await db.expertProfile.findUnique({
    where: { id: owner.expertId },
    select: { userId: true, status: true },
  });
  return profile?.userId === actor.id && profile.status === "published";
}

/** Whether the actor may edit, withdraw or confirm the offer (its owners and officials). */
export function mayManageOffer(
  actor: Actor | null,
  offer: { type: string; organizationId: string | null; ownerExpertId: string | null },
  db: DbClient = prisma,
) {
  if (!actor) return Promise.resolve(false);
  const owner: OfferOwner = offer.organizationId
    ? { organizationId: offer.organizationId }
    : { expertId: offer.ownerExpertId ?? "" };
  return mayPublishFor(actor, owner, offer.type as OfferType, db);
}

/** The owners' user ids: the organization's managers, or the researcher. */
export async function offerOwnerUserIds(
  offer: { organizationId: string | null; ownerExpertId: string | null },
  db: DbClient,
): Promise<string[]> {
  if (offer.organizationId) {
    const managers = await db.organizationManager.findMany({
      where: { organizationId: offer.organizationId },
      select: { userId: true },
    });
    return managers.map((manager) => manager.userId);
  }
  if (!offer.ownerExpertId) return [];
  const profile = await db.expertProfile.findUnique({ where: { id: offer.ownerExpertId }, select: { userId: true } });
  return profile ? [profile.userId] : [];
}

export async function writeOfferLinks(offerId: string, data: OfferData, tx: Tx) {
  await tx.offerField.deleteMany({ where: { offerId } });
  await tx.offerField.createMany({ data: data.fieldIds.map((fieldId) => ({ offerId, fieldId })) });
  await tx.offerInventor.deleteMany({ where: { offerId } });
  await tx.offerInventor.createMany({
    data: data.inventorIds.map((expertId, position) => ({ offerId, expertId, position })),
  });
}

async function tellOfficials(offerId: string, authorId: string, name: string, tx: Tx, effects: Effects) {
  const author = await tx.user.findUniqueOrThrow({ where: { id: authorId }, select: { name: true } });
  await notifyOfficials(
    {
      type: "review",
      key: "notify.offerToReview",
      params: { name: author.name, offer: name },
      url: `/admin/queue#offer-${offerId}`,
    },
    tx,
    effects,
  );
}

function auditOffer(
  actorId: string | null,
  action: AuditAction,
  offer: { id: string; nameVi: string | null; nameEn: string | null },
  tx: Tx,
  extra: { before?: unknown; after?: unknown; reason?: string | null } = {},
) {
  return audit({ actorId, action, entityType: "offer", entityId: offer.id, label: offerLabel(offer), ...extra }, tx);
}

/**
 * An owner's new offer, sent for review (officials' own are published at once).
 * Once per form key; returns the URL of the offer's page.
 */
export async function createOffer(actor: Actor, owner: OfferOwner, data: OfferData, formKey: string) {
  if (!(await mayPublishFor(actor, owner, data.type))) throw new OfferNotAllowedError();
  return writeOnce(actor.id, formKey, async (tx, effects) => {
    const { fieldIds: _fields, inventorIds: _inventors, ...columns } = data;
    const now = new Date();
    const official = isOfficial(actor);
    const offer = await tx.offer.create({
      data: {
        ...columns,
        organizationId: "organizationId" in owner ? owner.organizationId : null,
        ownerExpertId: "expertId" in owner ? owner.expertId : null,
        status: official ? "published" : "pending",
        ...(official ? { publishedAt: now, confirmedAt: now, reviewedById: actor.id, reviewedAt: now } : {}),
        createdById: actor.id,
        editedAt: now,
      },
    });
    await writeOfferLinks(offer.id, data, tx);
    await refreshOfferSearchFields(tx, offer.id);
    await auditOffer(actor.id, "offer.create", offer, tx, { after: { ...columns, status: offer.status } });
    if (official) {
      await effects.reindex("offer", [offer.id]);
      await effects.enqueue("match-offer", { offerId: offer.id });
    } else await tellOfficials(offer.id, actor.id, offerLabel(offer), tx, effects);
    return `/offers/${offer.id}?sent=1`;
  });
}

export type EditOutcome = "unchanged" | "saved" | "pending";

/**
 * An owner's edit. A change to what the offer says sends it back to review (it
 * leaves the public pages until approved); an official's edit stays published.
 * Any portal edit keeps the seed's hands off the offer from then on.
 */
export async function editOffer(actor: Actor, offerId: string, data: OfferData): Promise<EditOutcome> {
  const current = await prisma.offer.findUnique({
    where: { id: offerId },
    include: { fields: { select: { fieldId: true } }, inventors: { select: { expertId: true, position: true } } },
  });
  if (!current || !(await mayManageOffer(actor, current))) throw new OfferNotAllowedError();
  const { fieldIds, inventorIds, ...columns } = data;
  const changed = OFFER_MATERIAL.filter((key) => (current[key] ?? null) !== (columns[key] ?? null));
  const sameFields =
    [...fieldIds].sort().join() ===
    current.fields
      .map((field) => field.fieldId)
      .sort()
      .join();
  const inventorsInOrder = [...current.inventors].sort((a, b) => a.position - b.position);
  const sameInventors = inventorIds.join() === inventorsInOrder.map((inventor) => inventor.expertId).join();
  if (changed.length === 0 && sameFields && sameInventors) return "unchanged";
  const official = isOfficial(actor);
  // A manager rewriting a public-source offer has confirmed it: it is the organization's now.
  const toReview = !official && current.status !== "draft";
  return write(async (tx, effects) => {
    const before = Object.fromEntries(changed.map((key) => [key, current[key]]));
    const after = Object.fromEntries(changed.map((key) => [key, columns[key]]));
    const updated = await tx.offer.update({
      where: { id: offerId },
      data: {
        ...columns,
        type: current.type,
        editedAt: new Date(),
        ...(official ? {} : { fromPublicSource: false }),
        ...(toReview ? { status: "pending", reviewNote: null } : {}),
      },
    });
    await writeOfferLinks(offerId, data, tx);
    await refreshOfferSearchFields(tx, offerId);
    await auditOffer(actor.id, "offer.edit", updated, tx, { before, after });
    if (toReview) await tellOfficials(offerId, actor.id, offerLabel(updated), tx, effects);
    await effects.reindex("offer", [offerId]);
    return toReview ? "pending" : "saved";
  });
}

/**
 * Withdraws an offer: archived, off every public page. For a public-source offer this
 * is "remove it": the seed never brings it back (editedAt is set).
 */
export async function archiveOffer(actor: Actor, offerId: string): Promise<boolean> {
  const current = await prisma.offer.findUnique({ where: { id: offerId } });
  if (!current || !(await mayManageOffer(actor, current))) throw new OfferNotAllowedError();
  if (current.status === "archived") return false;
  return write(async (tx, effects) => {
    const { count } = await tx.offer.updateMany({
      where: { id: offerId, status: { not: "archived" } },
      data: { status: "archived", editedAt: new Date() },
    });
    if (count === 0) return false;
    await auditOffer(actor.id, current.fromPublicSource ? "offer.remove" : "offer.archive", current, tx, {
      before: { status: current.status },
      after: { status: "archived" },
    });
    await effects.reindex("offer", [offerId]);
    return true;
  });
}

/**
 * "Still offered": restarts the yearly clock and clears stale and hidden. A manager's
 * confirmation of a public-source offer makes it the organization's own.
 */
export async function confirmOffer(actor: Actor, offerId: string): Promise<boolean> {
  const current = await prisma.offer.findUnique({ where: { id: offerId } });
  if (!current || !(await mayManageOffer(actor, current))) throw new OfferNotAllowedError();
  if (current.status !== "published") return false;
  return write(async (tx, effects) => {
    await tx.offer.update({
      where: { id: offerId },
      data: {
        confirmedAt: new Date(),
        staleSince: null,
        hiddenAt: null,
        ...(isOfficial(actor) ? {} : { fromPublicSource: false, editedAt: new Date() }),
      },
    });
    await auditOffer(actor.id, "offer.confirm", current, tx, {
      before: {
        staleSince: current.staleSince,
        hiddenAt: current.hiddenAt,
        fromPublicSource: current.fromPublicSource,
      },
    });
    await effects.reindex("offer", [offerId]);
    // A hidden offer confirmed is public again: matched to open requests as a new one is.
    if (current.hiddenAt) await effects.enqueue("match-offer", { offerId });
    return true;
  });
}

/**
 * A seeded offer's yearly clock starts when its organization first has a manager,
 * so unclaimed public-source offers are never marked stale or hidden. Called in the
 * transaction that adds the manager.
 */
export async function startOfferClocks(organizationId: string, tx: Tx) {
  await tx.offer.updateMany({
    where: { organizationId, confirmedAt: null, status: "published" },
    data: { confirmedAt: new Date() },
  });
}

// ---------------------------------------------------------------- reads

const ownerSelect = {
  organization: { select: { id: true, slug: true, nameVi: true, nameEn: true, acronym: true, status: true } },
  ownerExpert: { select: { id: true, slug: true, fullName: true, status: true, userId: true } },
} as const;

/** An offer for its page: public ones to anyone, the rest only to its owners and officials (else null). */
export async function offerForPage(id: string, viewer: Actor | null) {
  const offer = await prisma.offer.findUnique({
    where: { id },
    include: {
      ...ownerSelect,
      fields: { select: { field: { select: { slug: true, nameVi: true, nameEn: true } } } },
      inventors: {
        orderBy: { position: "asc" },
        select: { expert: { select: { slug: true, fullName: true, status: true } } },
      },
      photos: { orderBy: { position: "asc" }, select: { key: true, altVi: true, altEn: true } },
    },
  });
  if (!offer) return null;
  const isPublic = isPublicOffer(offer);
  const canManage = await mayManageOffer(viewer, offer);
  if (!isPublic && !canManage) return null;
  return { offer, isPublic, canManage };
}

/** An offer with its links, for the edit form; null when the actor may not edit it. */
export async function offerForEdit(id: string, actor: Actor) {
  const offer = await prisma.offer.findUnique({
    where: { id },
    include: {
      ...ownerSelect,
      fields: { select: { field: { select: { slug: true } } } },
      inventors: { orderBy: { position: "asc" }, select: { expert: { select: { slug: true } } } },
    },
  });
  if (!offer || !(await mayManageOffer(actor, offer))) return null;
  return offer;
}

/**
 * An organization's offers for its page (the columns its list shows): the public ones, and for
 * its managers and officials also those waiting for review, refused or hidden, to act on.
 */
export async function organizationOffers(organizationId: string, options: { manager: boolean }) {
  const offers = await prisma.offer.findMany({
    where: options.manager ? { organizationId, status: { not: "archived" } } : { organizationId, ...PUBLIC_OFFER },
    orderBy: [{ type: "asc" }, { sortNameVi: "asc" }],
    select: {
      id: true,
      type: true,
      nameVi: true,
      nameEn: true,
      instrument: true,
      fromPublicSource: true,
      status: true,
      staleSince: true,
      hiddenAt: true,
      photos: { orderBy: { position: "asc" }, take: 1, select: { key: true, altVi: true, altEn: true } },
    },
  });
  // Whether it is stale or hidden, not since when: the dates are the portal's own.
  return offers.map(({ staleSince, hiddenAt, photos, ...offer }) => ({
    ...offer,
    stale: staleSince !== null,
    hidden: hiddenAt !== null,
    thumbnail: photos[0] ? { url: photoUrl(photos[0].key, 320), altVi: photos[0].altVi, altEn: photos[0].altEn } : null,
  }));
}

/** A published organization by slug, as the owner of a new offer. */
export function organizationForOffers(slug: string) {
  return prisma.organization.findFirst({
    where: { slug, status: "published" },
    select: { id: true, slug: true, nameVi: true, nameEn: true, district: true, ward: true },
  });
}

/** The actor's own published profile, as the owner of a technology offered in their name. */
export function ownProfile(userId: string) {
  return prisma.expertProfile.findFirst({
    where: { userId, status: "published" },
    select: { id: true, slug: true, fullName: true },
  });
}

/** Published profiles by slug, in the order given; the slugs not found are returned apart. */
export async function inventorsBySlug(slugs: readonly string[]) {
  const found = await prisma.expertProfile.findMany({
    where: { slug: { in: [...slugs] }, status: "published" },
    select: { id: true, slug: true },
  });
  const bySlug = new Map(found.map((profile) => [profile.slug, profile.id]));
  return {
    ids: slugs.flatMap((slug) => (bySlug.has(slug) ? [bySlug.get(slug)!] : [])),
    unknown: slugs.filter((slug) => !bySlug.has(slug)),
  };
}

/**
 * A researcher's public technologies: offered in their own name, or naming them as an
 * inventor. Both by the researcher's id, each through its index: the same filter by
 * slug through the two relations read every offer (290 ms at 50,000 offers).
 */
export async function expertOffers(slug: string) {
  const expert = await prisma.expertProfile.findUnique({
    where: { slug },
    select: { id: true, inventions: { select: { offerId: true } } },
  });
  if (!expert) return [];
  const invented = expert.inventions.map((row) => row.offerId);
  return prisma.offer.findMany({
    where: {
      ...PUBLIC_OFFER,
      OR: [{ ownerExpertId: expert.id }, ...(invented.length > 0 ? [{ id: { in: invented } }] : [])],
    },
    orderBy: { sortNameVi: "asc" },
    select: { id: true, type: true, nameVi: true, nameEn: true },
    take: 100,
  });
}
