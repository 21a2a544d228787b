import { pick } from "~/i18n/i18n";
import { prisma } from "~/db/client.server";
import { audit, auditDecision } from "./audit.server";
import { snapshot, type OrganizationSnapshot } from "./curation.server";
import { notify, notifyOfficials } from "./notification.server";
import { updateOrganizationInTransaction, type OrganizationData } from "./organization.server";
import { write } from "./write.server";
import { reviewedColumns } from "~/domain/review";

/**
 * Edits to a listing by its managers wait for an official: the proposal is
 * stored with the listing as it was, the official sees both side by side and
 * applies or rejects it with a reason the manager reads. Officials' own edits
 * apply at once (and are audited).
 */
export type ProposedChanges = Omit<Partial<OrganizationData>, "slug" | "kind" | "status" | "verified"> & {
  /** Kept beside fieldIds so the review can show the fields by name */
  fieldSlugs?: string[];
};

/** A listing as its edit form shows it (not the seed's bookkeeping or the search text), or null. */
export function organizationToEdit(slug: string) {
  return prisma.organization.findFirst({
    where: { slug, status: { in: ["published", "pending", "draft"] } },
    select: {
      id: true,
      slug: true,
      nameVi: true,
      nameEn: true,
      acronym: true,
      summaryVi: true,
      summaryEn: true,
      website: true,
      district: true,
      ward: true,
      phone: true,
      email: true,
      contactSourceUrl: true,
      foundedYear: true,
      address: true,
      staleSince: true,
      fields: { select: { field: { select: { slug: true } } } },
    },
  });
}

export async function proposeRevision(organizationId: string, authorId: string, changes: ProposedChanges) {
  await write(async (tx, effects) => {
    const before = await snapshot(organizationId, tx);
    // A newer proposal replaces the author's earlier one still waiting.
    await tx.organizationRevision.updateMany({
      where: { organizationId, authorId, status: "pending" },
      data: { status: "superseded" },
    });
    const revision = await tx.organizationRevision.create({
      data: { organizationId, authorId, changes: JSON.stringify(changes), before: JSON.stringify(before) },
    });
    const author = await tx.user.findUniqueOrThrow({ where: { id: authorId }, select: { name: true } });
    await notifyOfficials(
      {
        type: "review",
        key: "notify.revisionToReview",
        params: { name: author.name, organization: pick("vi", before.nameVi, before.nameEn) },
        url: `/admin/queue#revision-${revision.id}`,
      },
      tx,
      effects,
    );
  });
}

/** An official's own edit: applied at once, with one audit entry. */
export async function editAsOfficial(organizationId: string, actorId: string, changes: ProposedChanges) {
  await write(async (tx, effects) => {
    const before = await snapshot(organizationId, tx);
    const { fieldSlugs: _fieldSlugs, ...columns } = changes;
    await updateOrganizationInTransaction(
      organizationId,
      { ...columns },
      { origin: "portal", extra: { confirmedAt: new Date(), staleSince: null } },
      tx,
      effects,
    );
    const after = await snapshot(organizationId, tx);
    await audit(
      {
        actorId,
        action: "organization.edit",
        entityType: "organization",
        entityId: organizationId,
        label: pick("vi", after.nameVi, after.nameEn),
        before,
        after,
      },
      tx,
    );
  });
}

export async function reviewRevision(
  revisionId: string,
  reviewerId: string,
  decision: { approve: boolean; note: string | null },
): Promise<boolean> {
  const done = await write(async (tx, effects) => {
    const { count } = await tx.organizationRevision.updateMany({
      where: { id: revisionId, status: "pending" },
      data: reviewedColumns(decision, reviewerId),
    });
    if (count === 0) return false;
    const revision = await tx.organizationRevision.findUniqueOrThrow({
      where: { id: revisionId },
      include: { organization: { select: { slug: true } } },
    });
    const before = await snapshot(revision.organizationId, tx);
    if (decision.approve) {
      const { fieldSlugs: _fieldSlugs, ...columns } = JSON.parse(revision.changes) as ProposedChanges;
      await updateOrganizationInTransaction(
        revision.organizationId,
        columns,
        {
          origin: "portal",
          extra: { confirmedAt: new Date(), staleSince: null },
        },
        tx,
        effects,
      );
    }
    const after = await snapshot(revision.organizationId, tx);
    const name = pick("vi", after.nameVi, after.nameEn);
    await auditDecision(
      reviewerId,
      decision,
      "revision",
      {
        entityType: "organization",
        entityId: revision.organizationId,
        label: name,
        before,
        after: decision.approve ? after : undefined,
      },
      tx,
    );
    await notify(
      {
        userId: revision.authorId,
        type: "review",
        key: decision.approve ? "notify.revisionApproved" : "notify.revisionRejected",
        params: { organization: name, note: decision.note ?? "" },
        url: `/organizations/${revision.organization.slug}`,
      },
      tx,
      effects,
    );
    return true;
  });
  return done;
}

export type FieldChange = { field: string; before: string; after: string };

/** The fields a proposal changes, as text, for the side-by-side view. */
export function describeChanges(before: OrganizationSnapshot, changes: ProposedChanges): FieldChange[] {
  const show = (value: unknown) =>
    value === null || value === undefined ? "" : Array.isArray(value) ? value.join(", ") : String(value);
  const result: FieldChange[] = [];
  for (const [field, value] of Object.entries(changes)) {
    if (field === "fieldIds") continue;
    const old = field === "fieldSlugs" ? before.fields : (before as Record<string, unknown>)[field];
    if (show(old) !== show(value)) result.push({ field, before: show(old), after: show(value) });
  }
  return result;
}

export function pendingRevisions(take = 50) {
  return prisma.organizationRevision.findMany({
    // A proposal for a new listing has no "before"; it is reviewed as a listing (listing-proposal.server.ts).
    where: { status: "pending", NOT: { before: "{}" } },
    orderBy: { createdAt: "asc" },
    take,
    include: {
      author: { select: { name: true, email: true } },
      organization: { select: { slug: true, nameVi: true, nameEn: true } },
    },
  });
}
