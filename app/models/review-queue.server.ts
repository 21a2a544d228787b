import { prisma } from "~/db/client.server";
import { reviewClaim } from "./claim.server";
import { reviewProfile } from "./expert-review.server";
import { reviewListing } from "./listing-proposal.server";
import { reviewOffer } from "./offer-review.server";
import { reviewEvent } from "./event-review.server";
import { reviewRequest } from "./request.server";
import { reviewRevision } from "./revision.server";

/**
 * What waits for an official (/admin, /admin/queue, /admin/requests, /admin/claims):
 * how much, the pending requests, and one review call for every kind of item.
 */

/** How many items of each kind wait, as the /admin tiles count them. */
export async function waitingCounts() {
  const [requests, claims, revisions, profiles, stale, listings, offers] = await Promise.all([
    prisma.techRequest.count({ where: { status: "pending" } }),
    prisma.organizationClaim.count({ where: { status: "pending" } }),
    prisma.organizationRevision.count({ where: { status: "pending" } }),
    prisma.expertProfile.count({ where: { status: "published", reviewState: "pending" } }),
    prisma.organization.count({ where: { status: "published", staleSince: { not: null } } }),
    prisma.organization.count({ where: { status: "pending" } }),
    prisma.offer.count({ where: { status: "pending" } }),
  ]);
  return { requests, claims, revisions, profiles, stale, listings, offers };
}

/** Requests waiting for review, oldest first. */
export function pendingRequests(take?: number) {
  return prisma.techRequest.findMany({
    where: { status: "pending" },
    orderBy: { createdAt: "asc" },
    take,
    select: {
      id: true,
      title: true,
      companyName: true,
      visibility: true,
      createdAt: true,
      problem: true,
      author: { select: { name: true, email: true } },
    },
  });
}

export const REVIEW_KINDS = ["request", "listing", "revision", "profile", "claim", "offer", "event"] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export const isReviewKind = (kind: string): kind is ReviewKind => (REVIEW_KINDS as readonly string[]).includes(kind);

type Decision = { approve: boolean; note: string | null };
const REVIEWS: Record<ReviewKind, (id: string, reviewerId: string, decision: Decision) => Promise<boolean>> = {
  request: reviewRequest,
  listing: reviewListing,
  revision: reviewRevision,
  profile: reviewProfile,
  claim: reviewClaim,
  offer: reviewOffer,
  event: reviewEvent,
};

/** Approves or rejects one item; false when it was not pending (or does not exist). */
export function reviewItem(kind: ReviewKind, id: string, reviewerId: string, decision: Decision) {
  return REVIEWS[kind](id, reviewerId, decision);
}

/** Whether the item exists at all: a review that changed nothing was on a gone item (404) or a done one (409). */
export async function reviewItemExists(kind: ReviewKind | "stale", id: string): Promise<boolean> {
  const select = { id: true } as const;
  switch (kind) {
    case "request":
      return Boolean(await prisma.techRequest.findUnique({ where: { id }, select }));
    case "listing":
    case "stale":
      return Boolean(await prisma.organization.findUnique({ where: { id }, select }));
    case "revision":
      return Boolean(await prisma.organizationRevision.findUnique({ where: { id }, select }));
    case "profile":
      return Boolean(await prisma.expertProfile.findUnique({ where: { id }, select }));
    case "claim":
      return Boolean(await prisma.organizationClaim.findUnique({ where: { id }, select }));
    case "offer":
      return Boolean(await prisma.offer.findUnique({ where: { id }, select }));
    case "event":
      return Boolean(await prisma.event.findUnique({ where: { id }, select }));
  }
}
