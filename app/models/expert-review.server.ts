import { prisma } from "~/db/client.server";
import { auditDecision } from "./audit.server";
import { notify } from "./notification.server";
import { write } from "./write.server";

/**
 * Expertise profiles are public as soon as their author publishes them (a
 * researcher should not wait to be found), and officials review them after:
 * every published or changed profile is in the queue until an official
 * approves it, or rejects it with a reason, which takes it back to draft.
 */
export function profilesToReview(take = 50) {
  return prisma.expertProfile.findMany({
    where: { status: "published", reviewState: "pending" },
    orderBy: { updatedAt: "asc" },
    take,
    select: {
      id: true,
      slug: true,
      fullName: true,
      title: true,
      position: true,
      keywords: true,
      bioVi: true,
      bioEn: true,
      updatedAt: true,
      affiliation: { select: { slug: true, nameVi: true, nameEn: true } },
      user: { select: { email: true } },
    },
  });
}

export async function reviewProfile(
  expertId: string,
  reviewerId: string,
  decision: { approve: boolean; note: string | null },
): Promise<boolean> {
  const done = await write(async (tx, effects) => {
    const { count } = await tx.expertProfile.updateMany({
      where: { id: expertId, status: "published", reviewState: "pending" },
      data: decision.approve
        ? { reviewState: "approved", reviewNote: decision.note, reviewedAt: new Date() }
        : { reviewState: "rejected", reviewNote: decision.note, reviewedAt: new Date(), status: "draft" },
    });
    if (count === 0) return false;
    const profile = await tx.expertProfile.findUniqueOrThrow({
      where: { id: expertId },
      select: { userId: true, fullName: true, slug: true },
    });
    await auditDecision(
      reviewerId,
      decision,
      "expert",
      {
        entityType: "expert",
        entityId: expertId,
        label: profile.fullName,
        before: { status: "published", reviewState: "pending" },
        after: decision.approve
          ? { status: "published", reviewState: "approved" }
          : { status: "draft", reviewState: "rejected" },
      },
      tx,
    );
    if (!decision.approve) {
      await effects.reindex("expert", [expertId]);
      await notify(
        {
          userId: profile.userId,
          type: "review",
          key: "notify.profileRejected",
          params: { note: decision.note ?? "" },
          url: "/me/profile",
          mail: { action: "mail.action.profile" },
        },
        tx,
        effects,
      );
    }
    return true;
  });
  return done;
}
