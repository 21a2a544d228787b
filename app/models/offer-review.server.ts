import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/db/client.server";
import { HIDE_AFTER_STALE_DAYS, RECONFIRM_AFTER_DAYS } from "~/domain/offer-values";
import { sortableName } from "#search/organization-document";
import { audit, auditDecision } from "./audit.server";
import { notify } from "./notification.server";
import { offerLabel, offerOwnerUserIds } from "./offer.server";
import { write } from "./write.server";

/**
 * What officials do with offers: review the pending ones (with a duplicate
 * warning), and the yearly reconfirmation clock that marks unconfirmed offers
 * stale and later hides them.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Approves (published, clock started) or rejects with a reason; false when it was not pending. */
export async function reviewOffer(
  offerId: string,
  reviewerId: string,
  decision: { approve: boolean; note: string | null },
) {
  return write(async (tx, effects) => {
    const now = new Date();
    const { count } = await tx.offer.updateMany({
      where: { id: offerId, status: "pending" },
      data: {
        status: decision.approve ? "published" : "rejected",
        reviewNote: decision.note,
        reviewedById: reviewerId,
        reviewedAt: now,
        ...(decision.approve ? { confirmedAt: now, staleSince: null, hiddenAt: null } : {}),
      },
    });
    if (count === 0) return false;
    const offer = await tx.offer.findUniqueOrThrow({ where: { id: offerId } });
    if (decision.approve && !offer.publishedAt)
      await tx.offer.update({ where: { id: offerId }, data: { publishedAt: now } });
    const name = offerLabel(offer);
    await auditDecision(
      reviewerId,
      decision,
      "offer",
      {
        entityType: "offer",
        entityId: offerId,
        label: name,
        before: { status: "pending" },
        after: { status: offer.status },
      },
      tx,
    );
    const owners = new Set([
      ...(await offerOwnerUserIds(offer, tx)),
      ...(offer.createdById ? [offer.createdById] : []),
    ]);
    for (const userId of owners) {
      await notify(
        {
          userId,
          type: "review",
          key: decision.approve ? "notify.offerApproved" : "notify.offerRejected",
          params: { offer: name, note: decision.note ?? "" },
          url: decision.approve ? `/offers/${offerId}` : `/offers/${offerId}/edit`,
        },
        tx,
        effects,
      );
    }
    await effects.reindex("offer", [offerId]);
    // Public now: the owners of open requests it fits are told (once each), after it is indexed.
    if (decision.approve) await effects.enqueue("match-offer", { offerId });
    return true;
  });
}

// "Phòng thí nghiệm …" and "Dịch vụ …" say nothing about which offer it is.
const offerNameKey = (name: string) =>
  sortableName(name.replace(/\([^)]*\)/g, " "))
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** Offers waiting for review, oldest first, each with the same owner's offers of its type it may repeat. */
export async function pendingOffers(take = 50) {
  const pending = await prisma.offer.findMany({
    where: { status: "pending" },
    orderBy: { updatedAt: "asc" },
    take,
    select: {
      id: true,
      type: true,
      nameVi: true,
      nameEn: true,
      descriptionVi: true,
      descriptionEn: true,
      organizationId: true,
      ownerExpertId: true,
      updatedAt: true,
      organization: { select: { slug: true, nameVi: true, nameEn: true } },
      ownerExpert: { select: { slug: true, fullName: true } },
      createdBy: { select: { name: true } },
    },
  });
  const owners = [...new Set(pending.map((offer) => offer.organizationId).filter((id): id is string => Boolean(id)))];
  const experts = [...new Set(pending.map((offer) => offer.ownerExpertId).filter((id): id is string => Boolean(id)))];
  const siblings = await prisma.offer.findMany({
    where: {
      status: { not: "archived" },
      OR: [{ organizationId: { in: owners } }, { ownerExpertId: { in: experts } }],
    },
    select: {
      id: true,
      type: true,
      nameVi: true,
      nameEn: true,
      status: true,
      organizationId: true,
      ownerExpertId: true,
    },
  });
  return pending.map((offer) => {
    const keys = new Set(
      [offer.nameVi, offer.nameEn].filter((name): name is string => Boolean(name)).map(offerNameKey),
    );
    keys.delete("");
    const duplicates = siblings.filter(
      (other) =>
        other.id !== offer.id &&
        other.type === offer.type &&
        other.organizationId === offer.organizationId &&
        other.ownerExpertId === offer.ownerExpertId &&
        [other.nameVi, other.nameEn].some((name) => name && keys.has(offerNameKey(name))),
    );
    return {
      ...offer,
      duplicates: duplicates.map(({ id, nameVi, nameEn, status }) => ({ id, nameVi, nameEn, status })),
    };
  });
}

/**
 * The yearly clock: a published offer unconfirmed for RECONFIRM_AFTER_DAYS is marked
 * stale and its owners are asked to confirm it; one still stale HIDE_AFTER_STALE_DAYS
 * later is hidden. Offers whose clock has not started (confirmedAt null: seeded, no
 * manager yet) are left alone. Returns how many were marked and hidden.
 */
export async function runOfferClock(now = new Date()) {
  const staleCutoff = new Date(now.getTime() - RECONFIRM_AFTER_DAYS * DAY_MS);
  const hideCutoff = new Date(now.getTime() - HIDE_AFTER_STALE_DAYS * DAY_MS);
  const marked = await clockStep({
    where: { staleSince: null, confirmedAt: { lt: staleCutoff } },
    data: { staleSince: now },
    action: "offer.stale",
    key: "notify.offerStale",
  });
  const hidden = await clockStep({
    where: { hiddenAt: null, staleSince: { lt: hideCutoff } },
    data: { hiddenAt: now },
    action: "offer.hide",
    key: "notify.offerHidden",
  });
  return { marked, hidden };
}

/** One step of the clock for every published offer `where` matches: set `data`, audit, tell the owners, reindex. */
async function clockStep(step: {
  where: Prisma.OfferWhereInput;
  data: Prisma.OfferUpdateManyMutationInput;
  action: "offer.stale" | "offer.hide";
  key: "notify.offerStale" | "notify.offerHidden";
}) {
  const where = { status: "published", ...step.where };
  const due = await prisma.offer.findMany({
    where,
    select: { id: true, nameVi: true, nameEn: true, organizationId: true, ownerExpertId: true },
    take: 500,
  });
  for (const offer of due) {
    await write(async (tx, effects) => {
      // The same condition again: an offer confirmed meanwhile is left alone.
      const { count } = await tx.offer.updateMany({ where: { id: offer.id, ...where }, data: step.data });
      if (count === 0) return;
      const label = offerLabel(offer);
      await audit({ actorId: null, action: step.action, entityType: "offer", entityId: offer.id, label }, tx);
      for (const userId of await offerOwnerUserIds(offer, tx)) {
        const url = `/offers/${offer.id}#confirm`;
        await notify({ userId, type: "review", key: step.key, params: { offer: label }, url }, tx, effects);
      }
      await effects.reindex("offer", [offer.id]);
    });
  }
  return due.length;
}
