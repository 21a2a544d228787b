import { prisma } from "~/db/client.server";
import { pick } from "~/i18n/i18n";
import { auditDecision } from "./audit.server";
import { notify, notifyOfficials } from "./notification.server";
import { startOfferClocks } from "./offer.server";
import { write } from "./write.server";
import { reviewedColumns } from "~/domain/review";

/**
 * Organization claims: a member asks to manage a listing; an official approves
 * (the member becomes one of its managers) or rejects with a reason.
 */
export async function claimStatus(userId: string, organizationId: string) {
  const [manager, pending] = await Promise.all([
    prisma.organizationManager.findUnique({ where: { userId_organizationId: { userId, organizationId } } }),
    prisma.organizationClaim.findFirst({ where: { userId, organizationId, status: "pending" }, select: { id: true } }),
  ]);
  return manager ? "manager" : pending ? "pending" : "none";
}

export async function isManager(userId: string, organizationId: string) {
  return Boolean(
    await prisma.organizationManager.findUnique({ where: { userId_organizationId: { userId, organizationId } } }),
  );
}

/** The listings a user manages, for the "on behalf of" choice of a request form. */
export async function managedOrganizations(userId: string) {
  const managed = await prisma.organizationManager.findMany({
    where: { userId },
    select: { organization: { select: { slug: true, nameVi: true, nameEn: true } } },
  });
  return managed.map(({ organization }) => organization);
}

/** The published listing behind a claim page, or null. */
export function claimableOrganization(slug: string) {
  return prisma.organization.findFirst({
    where: { slug, status: "published" },
    select: { id: true, slug: true, nameVi: true, nameEn: true },
  });
}

export async function submitClaim(userId: string, organizationId: string, message: string) {
  await write(async (tx, effects) => {
    const existing = await tx.organizationClaim.findFirst({ where: { userId, organizationId, status: "pending" } });
    if (existing) return; // once is enough
    if (await tx.organizationManager.findUnique({ where: { userId_organizationId: { userId, organizationId } } }))
      return;
    await tx.organizationClaim.create({ data: { userId, organizationId, message } });
    const [user, organization] = await Promise.all([
      tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } }),
      tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { nameVi: true, nameEn: true } }),
    ]);
    await notifyOfficials(
      {
        type: "claim",
        key: "notify.claimToReview",
        params: { name: user.name, organization: pick("vi", organization.nameVi, organization.nameEn) },
        url: "/admin/claims",
      },
      tx,
      effects,
    );
  });
}

export async function reviewClaim(
  claimId: string,
  reviewerId: string,
  decision: { approve: boolean; note: string | null },
) {
  const done = await write(async (tx, effects) => {
    const { count } = await tx.organizationClaim.updateMany({
      where: { id: claimId, status: "pending" },
      data: reviewedColumns(decision, reviewerId),
    });
    if (count === 0) return false;
    const claim = await tx.organizationClaim.findUniqueOrThrow({
      where: { id: claimId },
      include: {
        organization: { select: { slug: true, nameVi: true, nameEn: true } },
        user: { select: { name: true } },
      },
    });
    await auditDecision(
      reviewerId,
      decision,
      "claim",
      {
        entityType: "claim",
        entityId: claimId,
        label: `${claim.user.name} → ${pick("vi", claim.organization.nameVi, claim.organization.nameEn)}`,
        before: { status: "pending" },
        after: { status: decision.approve ? "approved" : "rejected" },
      },
      tx,
    );
    if (decision.approve) {
      await tx.organizationManager.upsert({
        where: { userId_organizationId: { userId: claim.userId, organizationId: claim.organizationId } },
        create: { userId: claim.userId, organizationId: claim.organizationId },
        update: {},
      });
      // Its public-source offers' yearly clock starts with its first manager.
      await startOfferClocks(claim.organizationId, tx);
    }
    await notify(
      {
        userId: claim.userId,
        type: "claim",
        key: decision.approve ? "notify.claimApproved" : "notify.claimRejected",
        params: {
          organization: pick("vi", claim.organization.nameVi, claim.organization.nameEn),
          note: decision.note ?? "",
        },
        url: `/organizations/${claim.organization.slug}`,
      },
      tx,
      effects,
    );
    return true;
  });
  return done;
}

export function pendingClaims() {
  return prisma.organizationClaim.findMany({
    where: { status: "pending" },
    orderBy: { createdAt: "asc" },
    include: {
      user: { select: { name: true, email: true } },
      organization: { select: { slug: true, nameVi: true, nameEn: true } },
    },
  });
}
