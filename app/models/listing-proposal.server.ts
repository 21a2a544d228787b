import type { Prisma } from "~/generated/prisma/client";
import { pick } from "~/i18n/i18n";
import { prisma } from "~/db/client.server";
import { LISTING_TEXT_COLUMNS, selectColumns } from "~/domain/organization-values";
import { slugify } from "~/utils/text";
import { audit } from "./audit.server";
import { snapshot } from "./curation.server";
import { notify, notifyOfficials } from "./notification.server";
import { startOfferClocks } from "./offer.server";
import { createOrganizationInTransaction, type OrganizationData } from "./organization.server";
import { write, writeOnce, type Effects, type Tx } from "./write.server";
import { reviewedColumns } from "~/domain/review";

/** The "add a listing" form, once per form key. */
export function submitListingProposal(
  authorId: string,
  data: Omit<OrganizationData, "slug" | "status" | "verified">,
  formKey: string,
) {
  return writeOnce(authorId, formKey, async (tx, effects) => {
    await proposeListing(authorId, data, tx, effects);
    return "/organizations/new?sent=1";
  });
}

/**
 * A member proposes a listing the directory lacks. It is stored as a pending
 * organization (not public, not indexed) with a revision naming its author; an
 * official publishes it, and its author becomes its manager, or rejects it
 * with a reason.
 */
export async function proposeListing(
  authorId: string,
  data: Omit<OrganizationData, "slug" | "status" | "verified">,
  tx: Tx,
  effects: Effects,
) {
  const slug = await uniqueOrganizationSlug(
    data.acronym ? `${data.acronym} ${data.nameVi ?? data.nameEn ?? ""}` : (data.nameVi ?? data.nameEn ?? ""),
    tx,
  );
  const organization = await createOrganizationInTransaction(
    { ...data, slug, status: "pending" },
    { origin: "portal" },
    tx,
    effects,
  );
  await tx.organizationRevision.create({
    data: { organizationId: organization.id, authorId, changes: JSON.stringify({ ...data, slug }), before: "{}" },
  });
  const author = await tx.user.findUniqueOrThrow({ where: { id: authorId }, select: { name: true } });
  await notifyOfficials(
    {
      type: "review",
      key: "notify.listingToReview",
      params: { name: author.name, organization: pick("vi", data.nameVi ?? null, data.nameEn ?? null) },
      url: `/admin/queue#listing-${organization.id}`,
    },
    tx,
    effects,
  );
  return organization;
}

export function proposedListings(take = 50) {
  return prisma.organization.findMany({
    where: { status: "pending" },
    orderBy: { createdAt: "asc" },
    take,
    select: {
      id: true,
      ...selectColumns(LISTING_TEXT_COLUMNS),
      website: true,
      district: true,
      createdAt: true,
      parent: { select: { slug: true, nameVi: true, nameEn: true } },
      revisions: {
        where: { before: "{}" },
        take: 1,
        orderBy: { createdAt: "asc" },
        select: { author: { select: { name: true, email: true } } },
      },
    },
  });
}

export async function reviewListing(
  organizationId: string,
  reviewerId: string,
  decision: { approve: boolean; note: string | null },
): Promise<boolean> {
  const done = await write(async (tx, effects) => {
    const { count } = await tx.organization.updateMany({
      where: { id: organizationId, status: "pending" },
      data: decision.approve ? { status: "published", confirmedAt: new Date() } : { status: "archived" },
    });
    if (count === 0) return false;
    const proposal = await tx.organizationRevision.findFirst({
      where: { organizationId, before: "{}", status: "pending" },
    });
    if (proposal) {
      await tx.organizationRevision.update({
        where: { id: proposal.id },
        data: reviewedColumns(decision, reviewerId),
      });
    }
    const after = await snapshot(organizationId, tx);
    const name = pick("vi", after.nameVi, after.nameEn);
    await audit(
      {
        actorId: reviewerId,
        action: decision.approve ? "organization.publish" : "organization.decline",
        entityType: "organization",
        entityId: organizationId,
        label: name,
        before: { ...after, status: "pending" },
        after,
        reason: decision.note,
      },
      tx,
    );
    if (proposal) {
      // Whoever knew enough to list it is its first manager.
      if (decision.approve) {
        await tx.organizationManager.upsert({
          where: { userId_organizationId: { userId: proposal.authorId, organizationId } },
          create: { userId: proposal.authorId, organizationId },
          update: {},
        });
        await startOfferClocks(organizationId, tx);
      }
      await notify(
        {
          userId: proposal.authorId,
          type: "review",
          key: decision.approve ? "notify.listingApproved" : "notify.listingRejected",
          params: { organization: name, note: decision.note ?? "" },
          url: decision.approve ? `/organizations/${after.slug}` : "/organizations/new",
        },
        tx,
        effects,
      );
    }
    await effects.reindex("organization", [organizationId]);
    return true;
  });
  return done;
}

async function uniqueOrganizationSlug(name: string, tx: Prisma.TransactionClient) {
  const base = slugify(name, 70) || "organization";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const taken =
      (await tx.organization.findUnique({ where: { slug }, select: { id: true } })) ||
      (await tx.organizationRedirect.findUnique({ where: { fromSlug: slug } }));
    if (!taken) return slug;
  }
}
