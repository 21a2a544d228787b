import type { Prisma } from "~/generated/prisma/client";
import { pick, translator } from "~/i18n/i18n";
import { prisma } from "~/db/client.server";
import { hasPermission } from "~/auth/permissions";
import { LISTING_NAME_COLUMNS, LISTING_TEXT_COLUMNS, selectColumns } from "~/domain/organization-values";
import { foldForSearch } from "~/utils/text";
import { refreshOfferSearchFields } from "#search/offer-document";
import { audit } from "./audit.server";
import { refreshExpertSearchText } from "./expert.server";
import { refreshSearchText, updateOrganizationInTransaction } from "./organization.server";
import { write, type Effects, type Tx } from "./write.server";

/**
 * What officials do to listings: verify, archive, restore, merge duplicates,
 * confirm a stale listing. Each action is one transaction holding the change,
 * its search outbox rows and its single audit entry.
 */
export class CurationError extends Error {
  constructor(
    readonly key: "curation.sameOrganization" | "curation.notFound" | "curation.wrongStatus" | "curation.bulkRefused",
    readonly params?: Record<string, string>,
  ) {
    super(key);
  }
}

/** The columns an official compares before and after a change. */
export const SNAPSHOT_SELECT = {
  ...selectColumns(LISTING_TEXT_COLUMNS),
  parentId: true,
  district: true,
  ward: true,
  address: true,
  website: true,
  phone: true,
  email: true,
  contactSourceUrl: true,
  foundedYear: true,
  status: true,
  verified: true,
  fields: { select: { field: { select: { slug: true } } } },
} satisfies Prisma.OrganizationSelect;

export type OrganizationSnapshot = Omit<Prisma.OrganizationGetPayload<{ select: typeof SNAPSHOT_SELECT }>, "fields"> & {
  fields: string[];
};

export async function snapshot(id: string, tx: Prisma.TransactionClient): Promise<OrganizationSnapshot> {
  const { fields, ...columns } = await tx.organization.findUniqueOrThrow({ where: { id }, select: SNAPSHOT_SELECT });
  return { ...columns, fields: fields.map(({ field }) => field.slug).sort() };
}

const label = (organization: { nameVi: string | null; nameEn: string | null; slug: string }) =>
  pick("vi", organization.nameVi, organization.nameEn) || organization.slug;

type Change = "verify" | "unverify" | "archive" | "restore";
const CHANGES: Record<
  Change,
  { from: (o: { status: string; verified: boolean }) => boolean; data: Prisma.OrganizationUncheckedUpdateInput }
> = {
  verify: { from: (o) => !o.verified && o.status !== "archived", data: { verified: true } },
  unverify: { from: (o) => o.verified, data: { verified: false } },
  archive: { from: (o) => o.status !== "archived", data: { status: "archived" } },
  restore: { from: (o) => o.status === "archived", data: { status: "published" } },
};

/** Verify, unverify, archive or restore; returns false when the listing was already in that state. */
export async function changeOrganization(
  id: string,
  change: Change,
  actorId: string,
  reason: string | null = null,
): Promise<boolean> {
  return write((tx, effects) => changeInTransaction(id, change, actorId, reason, tx, effects));
}

async function changeInTransaction(
  id: string,
  change: Change,
  actorId: string,
  reason: string | null,
  tx: Tx,
  effects: Effects,
): Promise<boolean> {
  const current = await tx.organization.findUnique({ where: { id }, select: { status: true, verified: true } });
  if (!current) throw new CurationError("curation.notFound");
  if (!CHANGES[change].from(current)) return false;
  const before = await snapshot(id, tx);
  await updateOrganizationInTransaction(
    id,
    {},
    {
      origin: "portal",
      extra: { ...CHANGES[change].data, ...(change === "verify" ? { verifiedAt: new Date() } : {}) },
    },
    tx,
    effects,
  );
  // Experts show their affiliation; requests do not index organizations.
  const experts = await tx.expertProfile.findMany({ where: { affiliationId: id }, select: { id: true } });
  if (experts.length)
    await effects.reindex(
      "expert",
      experts.map((expert) => expert.id),
    );
  await audit(
    {
      actorId,
      action: `organization.${change}`,
      entityType: "organization",
      entityId: id,
      label: label(before),
      before,
      after: await snapshot(id, tx),
      reason,
    },
    tx,
  );
  return true;
}

export const BULK_ACTIONS = ["verify", "archive", "review"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/**
 * One action on many listings, all or nothing: each row is checked (the actor
 * may still curate, the listing exists, is not waiting in the queue and can take
 * the action) and gets its own audit entry; one refused row refuses the batch.
 */
export async function bulkChange(ids: string[], action: BulkAction, actorId: string): Promise<number> {
  const count = await write(async (tx, effects) => {
    for (const id of ids) {
      const actor = await tx.user.findUnique({ where: { id: actorId }, select: { role: true } });
      const listing = await tx.organization.findUnique({
        where: { id },
        select: { slug: true, nameVi: true, nameEn: true, status: true },
      });
      if (!hasPermission(actor, "organization:curate")) throw new CurationError("curation.notFound");
      // Proposals are decided in the queue, with their author told why.
      if (!listing || listing.status === "pending")
        throw new CurationError("curation.bulkRefused", { name: listing ? label(listing) : id });
      if (action === "review") {
        await tx.organization.update({ where: { id }, data: { confirmedAt: new Date(), staleSince: null } });
        await audit(
          { actorId, action: "organization.confirm", entityType: "organization", entityId: id, label: label(listing) },
          tx,
        );
      } else if (!(await changeInTransaction(id, action, actorId, null, tx, effects))) {
        throw new CurationError("curation.bulkRefused", { name: label(listing) });
      }
    }
    return ids.length;
  });
  return count;
}

/** A manager or official confirms a listing is still accurate: it is no longer stale. */
export async function confirmOrganization(id: string, actorId: string) {
  await write(async (tx) => {
    const organization = await tx.organization.update({
      where: { id },
      data: { confirmedAt: new Date(), staleSince: null },
      select: { slug: true, nameVi: true, nameEn: true },
    });
    await audit(
      { actorId, action: "organization.confirm", entityType: "organization", entityId: id, label: label(organization) },
      tx,
    );
  });
}

export type MergeResult = {
  survivorSlug: string;
  moved: { experts: number; children: number; requests: number; managers: number; claims: number };
};

/**
 * Merges a duplicate listing into the one that stays: its experts, units,
 * requests, managers and claims move over, its fields are added, empty facts
 * of the survivor are filled from it, its old URL (and any that pointed to it)
 * redirects to the survivor, and it is deleted.
 */
export async function mergeOrganizations(
  duplicateId: string,
  survivorId: string,
  actorId: string,
  reason: string | null = null,
): Promise<MergeResult> {
  if (duplicateId === survivorId) throw new CurationError("curation.sameOrganization");
  const result = await write(async (tx, effects) => {
    const [duplicate, survivor] = await Promise.all([
      tx.organization.findUnique({ where: { id: duplicateId }, include: { fields: true } }),
      tx.organization.findUnique({ where: { id: survivorId }, include: { fields: true } }),
    ]);
    if (!duplicate || !survivor) throw new CurationError("curation.notFound");
    const before = { duplicate: await snapshot(duplicateId, tx), survivor: await snapshot(survivorId, tx) };

    // A unit of the duplicate cannot become its own parent through the survivor.
    if (survivor.parentId === duplicateId)
      await tx.organization.update({
        where: { id: survivorId },
        data: { parentId: duplicate.parentId === survivorId ? null : duplicate.parentId },
      });
    const children = await tx.organization.findMany({
      where: { parentId: duplicateId, id: { not: survivorId } },
      select: { id: true },
    });
    await tx.organization.updateMany({
      where: { parentId: duplicateId, id: { not: survivorId } },
      data: { parentId: survivorId },
    });
    const experts = await tx.expertProfile.findMany({ where: { affiliationId: duplicateId }, select: { id: true } });
    await tx.expertProfile.updateMany({ where: { affiliationId: duplicateId }, data: { affiliationId: survivorId } });
    const requests = await tx.techRequest.findMany({
      where: { organizationId: duplicateId },
      select: { id: true, status: true },
    });
    await tx.techRequest.updateMany({ where: { organizationId: duplicateId }, data: { organizationId: survivorId } });
    // Offers move too (the link cascades on delete: they would go with the duplicate).
    const offers = await tx.offer.findMany({ where: { organizationId: duplicateId }, select: { id: true } });
    await tx.offer.updateMany({ where: { organizationId: duplicateId }, data: { organizationId: survivorId } });
    const claims = await tx.organizationClaim.updateMany({
      where: { organizationId: duplicateId },
      data: { organizationId: survivorId },
    });
    await tx.organizationRevision.updateMany({
      where: { organizationId: duplicateId, status: "pending" },
      data: { status: "superseded" },
    });

    // Managing a duplicate (perhaps proposed by anyone) is no proof of managing the survivor:
    // each manager becomes a pending claim on it, which an official decides.
    const managers = await tx.organizationManager.findMany({ where: { organizationId: duplicateId } });
    let managerClaims = 0;
    for (const manager of managers) {
      const already = await tx.organizationManager.findUnique({
        where: { userId_organizationId: { userId: manager.userId, organizationId: survivorId } },
      });
      const pending = await tx.organizationClaim.findFirst({
        where: { userId: manager.userId, organizationId: survivorId, status: "pending" },
      });
      if (already || pending) continue;
      await tx.organizationClaim.create({
        data: {
          userId: manager.userId,
          organizationId: survivorId,
          message: translator("vi")("curation.managerClaim", { organization: label(duplicate) }),
        },
      });
      managerClaims += 1;
    }
    const survivorFields = new Set(survivor.fields.map((link) => link.fieldId));
    const addedFields = duplicate.fields.map((link) => link.fieldId).filter((fieldId) => !survivorFields.has(fieldId));
    if (addedFields.length)
      await tx.organizationField.createMany({
        data: addedFields.map((fieldId) => ({ organizationId: survivorId, fieldId })),
      });

    // Facts the survivor lacks come from the duplicate; the survivor's own facts win.
    const fill: Prisma.OrganizationUncheckedUpdateInput = {};
    for (const column of [
      "nameVi",
      "nameEn",
      "acronym",
      "summaryVi",
      "summaryEn",
      "district",
      "ward",
      "address",
      "website",
      "phone",
      "email",
      "foundedYear",
      "sourceUrl",
    ] as const) {
      if ((survivor[column] === null || survivor[column] === "") && duplicate[column] !== null)
        (fill as Record<string, unknown>)[column] = duplicate[column];
    }
    if (duplicate.verified && !survivor.verified)
      Object.assign(fill, { verified: true, verifiedAt: duplicate.verifiedAt ?? new Date() });
    // Suggestions naming the duplicate are recomputed for their requests.
    const suggestions = await tx.matchSuggestion.findMany({
      where: { organizationId: duplicateId },
      select: { requestId: true },
      distinct: ["requestId"],
    });

    await tx.organizationRedirect.updateMany({
      where: { organizationId: duplicateId },
      data: { organizationId: survivorId },
    });
    await tx.organizationRedirect.create({ data: { fromSlug: duplicate.slug, organizationId: survivorId } });
    await tx.organization.delete({ where: { id: duplicateId } });
    await tx.organization.update({ where: { id: survivorId }, data: { ...fill, editedAt: new Date() } });

    await refreshSearchText(survivorId, tx);
    for (const child of children) await refreshSearchText(child.id, tx);
    for (const expert of experts) await refreshExpertSearchText(expert.id, tx);
    // Their documents name the survivor now; the survivor's reindex below queues them.
    for (const offer of offers) await refreshOfferSearchFields(tx, offer.id);
    await effects.reindex("organization", [duplicateId, survivorId, ...children.map((child) => child.id)]);
    if (experts.length)
      await effects.reindex(
        "expert",
        experts.map((expert) => expert.id),
      );
    for (const { requestId } of suggestions) await effects.enqueue("recompute-matches", { requestId });

    const moved = {
      experts: experts.length,
      children: children.length,
      requests: requests.length,
      managers: managers.length,
      claims: claims.count + managerClaims,
    };
    await audit(
      {
        actorId,
        action: "organization.merge",
        entityType: "organization",
        entityId: survivorId,
        label: `${label(duplicate)} → ${label(survivor)}`,
        before,
        after: { survivor: await snapshot(survivorId, tx), moved, redirect: duplicate.slug },
        reason,
      },
      tx,
    );
    return { survivorSlug: survivor.slug, moved };
  });
  return result;
}

/** Where an old slug of a merged listing now lives, if anywhere. */
export async function redirectFor(slug: string): Promise<string | null> {
  const found = await prisma.organizationRedirect.findUnique({
    where: { fromSlug: slug },
    select: { organization: { select: { slug: true } } },
  });
  return found?.organization.slug ?? null;
}

// ---------------------------------------------------------------- what officials look up

export type ListingFilters = { q: string; status: string; kind: string; verified: string; sort: string };

/** Listings whose slug starts with, or whose folded search text contains, the folded query. */
function matchingText(folded: string): Prisma.OrganizationWhereInput {
  return { OR: [{ slug: { startsWith: folded.replace(/\s+/g, "-") } }, { searchText: { contains: folded } }] };
}

/** The officials' table of listings (drafts and archived ones too), filtered and sorted, and how many match. */
export async function findListings(filters: ListingFilters, lang: "vi" | "en", take: number) {
  const folded = foldForSearch(filters.q);
  const where: Prisma.OrganizationWhereInput = {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.verified ? { verified: filters.verified === "yes" } : {}),
    ...(folded ? matchingText(folded) : {}),
  };
  const byName: Prisma.OrganizationOrderByWithRelationInput =
    lang === "vi" ? { sortNameVi: "asc" } : { sortNameEn: "asc" };
  const orderBy =
    filters.sort === "updated"
      ? [{ updatedAt: "desc" as const }]
      : filters.sort === "kind"
        ? [{ kind: "asc" as const }, byName]
        : [byName];
  const [organizations, total] = await Promise.all([
    prisma.organization.findMany({
      where,
      orderBy,
      take,
      select: {
        id: true,
        ...selectColumns(LISTING_NAME_COLUMNS),
        status: true,
        verified: true,
        staleSince: true,
        updatedAt: true,
      },
    }),
    prisma.organization.count({ where }),
  ]);
  return { organizations, total };
}

/** The id of the listing at this slug (any status), or null. */
export async function listingIdBySlug(slug: string) {
  const found = await prisma.organization.findUnique({ where: { slug }, select: { id: true } });
  return found?.id ?? null;
}

/** Names of these listings, to ask before archiving them. */
export function listingNames(ids: string[]) {
  return prisma.organization.findMany({
    where: { id: { in: ids } },
    select: { id: true, slug: true, nameVi: true, nameEn: true },
  });
}

const CURATED_SELECT = {
  id: true,
  ...selectColumns(LISTING_NAME_COLUMNS),
  website: true,
  district: true,
  address: true,
  foundedYear: true,
  status: true,
  verified: true,
  _count: { select: { experts: true, children: true, managers: true, requests: true } },
} as const;

/** One listing with what a merge would move, as an official compares it; null when there is none. */
export function listingToCurate(id: string) {
  return prisma.organization.findUnique({ where: { id }, select: CURATED_SELECT });
}
export type CuratedListing = NonNullable<Awaited<ReturnType<typeof listingToCurate>>>;

/** Up to 10 other listings (not proposals) matching `q`, to merge this one into. */
export function mergeCandidates(id: string, q: string) {
  const folded = foldForSearch(q);
  if (!folded) return Promise.resolve([]);
  return prisma.organization.findMany({
    where: { id: { not: id }, status: { not: "pending" }, ...matchingText(folded) },
    orderBy: [{ status: "desc" }, { sortNameVi: "asc" }],
    take: 10,
    select: { id: true, slug: true, nameVi: true, nameEn: true, acronym: true, status: true },
  });
}
