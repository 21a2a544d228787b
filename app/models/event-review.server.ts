import { prisma } from "~/db/client.server";
import { auditDecision } from "./audit.server";
import { eventLabel } from "./event.server";
import { notify } from "./notification.server";
import { write } from "./write.server";

/**
 * What officials do with events sent by organizers (docs/decisions/072): approve
 * (published, indexed) or reject with a reason; the author is told, by mail too.
 */
export async function reviewEvent(
  eventId: string,
  reviewerId: string,
  decision: { approve: boolean; note: string | null },
) {
  return write(async (tx, effects) => {
    const now = new Date();
    const { count } = await tx.event.updateMany({
      where: { id: eventId, status: "pending" },
      data: {
        status: decision.approve ? "published" : "rejected",
        reviewNote: decision.note,
        reviewedById: reviewerId,
        reviewedAt: now,
      },
    });
    if (count === 0) return false;
    const event = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
    if (decision.approve && !event.publishedAt)
      await tx.event.update({ where: { id: eventId }, data: { publishedAt: now } });
    const title = eventLabel(event);
    await auditDecision(
      reviewerId,
      decision,
      "event",
      {
        entityType: "event",
        entityId: eventId,
        label: title,
        before: { status: "pending" },
        after: { status: event.status },
      },
      tx,
    );
    if (event.createdById) {
      await notify(
        {
          userId: event.createdById,
          type: "event",
          key: decision.approve ? "notify.eventApproved" : "notify.eventRejected",
          params: { event: title, note: decision.note ?? "" },
          url: decision.approve ? `/events/${event.slug}` : `/events/${event.slug}/edit`,
          mail: { action: "mail.action.event" },
        },
        tx,
        effects,
      );
    }
    await effects.reindex("event", [eventId]);
    return true;
  });
}

/** Events waiting for review, oldest first, with what an official needs to decide. */
export async function pendingEvents(take = 50) {
  const rows = await prisma.event.findMany({
    where: { status: "pending" },
    orderBy: { updatedAt: "asc" },
    take,
    select: {
      id: true,
      slug: true,
      kind: true,
      titleVi: true,
      titleEn: true,
      descriptionVi: true,
      descriptionEn: true,
      startsAt: true,
      endsAt: true,
      organizerName: true,
      organization: { select: { slug: true, nameVi: true, nameEn: true } },
      createdBy: { select: { name: true } },
    },
  });
  return rows.map(({ createdBy, ...event }) => ({ ...event, author: createdBy?.name ?? null }));
}
