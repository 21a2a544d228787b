import type { Prisma } from "~/generated/prisma/client";
import { enqueueSearchSync, notifySearchOutbox } from "#search/outbox";
import { organizationDocument, organizationIndexInclude, organizationSearchText } from "#search/organization-document";
import { prisma, type DbClient } from "~/utils/db.server";

/**
 * Organizations: reads for the pages, and writes that keep the search index
 * in step. Every write runs in one transaction with its outbox rows, so the
 * index can never miss a committed change (docs/decisions/005-search-outbox.md).
 */

export const organizationCardSelect = {
  id: true,
  slug: true,
  kind: true,
  nameVi: true,
  nameEn: true,
  acronym: true,
  summaryVi: true,
  summaryEn: true,
  district: true,
  verified: true,
  parent: { select: { slug: true, nameVi: true, nameEn: true, acronym: true } },
  fields: {
    select: { field: { select: { slug: true, nameVi: true, nameEn: true } } },
    take: 4,
  },
} satisfies Prisma.OrganizationSelect;

export type OrganizationCard = Prisma.OrganizationGetPayload<{ select: typeof organizationCardSelect }>;

/** Published organizations by id, in the order of `ids` (the search ranking). */
export async function getPublishedOrganizationCards(ids: readonly string[], db: DbClient = prisma) {
  if (ids.length === 0) return [];
  const rows = await db.organization.findMany({
    where: { id: { in: [...ids] }, status: "published" },
    select: organizationCardSelect,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)).filter((row): row is OrganizationCard => Boolean(row));
}

export async function getPublishedOrganization(slug: string, db: DbClient = prisma) {
  return db.organization.findFirst({
    where: { slug, status: "published" },
    include: {
      parent: { select: { slug: true, nameVi: true, nameEn: true, acronym: true, kind: true, status: true } },
      children: {
        where: { status: "published" },
        select: { slug: true, nameVi: true, nameEn: true, acronym: true, kind: true, verified: true },
        orderBy: [{ kind: "asc" }, { nameEn: "asc" }],
      },
      fields: {
        select: {
          field: {
            select: { slug: true, nameVi: true, nameEn: true, parent: { select: { slug: true, nameVi: true, nameEn: true } } },
          },
        },
      },
    },
  });
}

export async function countPublishedByKind(db: DbClient = prisma): Promise<Record<string, number>> {
  const groups = await db.organization.groupBy({ by: ["kind"], where: { status: "published" }, _count: true });
  return Object.fromEntries(groups.map((group) => [group.kind, group._count]));
}

/** A few verified research organizations for the home page, different each day. */
export async function featuredOrganizations(count: number, db: DbClient = prisma) {
  const where = { status: "published", verified: true, kind: { in: ["lab", "institute", "incubator", "startup"] } };
  const total = await db.organization.count({ where });
  const day = Math.floor(Date.now() / 86_400_000);
  const skip = total > count ? (day * count) % (total - count + 1) : 0;
  return db.organization.findMany({ where, select: organizationCardSelect, orderBy: { slug: "asc" }, skip, take: count });
}

export type OrganizationData = {
  slug: string;
  kind: string;
  nameVi?: string | null;
  nameEn?: string | null;
  acronym?: string | null;
  summaryVi?: string | null;
  summaryEn?: string | null;
  parentId?: string | null;
  district?: string | null;
  address?: string | null;
  website?: string | null;
  foundedYear?: number | null;
  status?: string;
  verified?: boolean;
  sourceUrl?: string | null;
  /** Ids of taxonomy fields; replaces the current set when given */
  fieldIds?: string[];
};

/** Who made a change: edits made in the portal are never overwritten by the seed. */
export type WriteOrigin = "portal" | "seed" | "import" | "fixture";

type WriteOptions = { db?: typeof prisma; origin: WriteOrigin; extra?: Prisma.OrganizationUncheckedUpdateInput };

export async function createOrganization(data: OrganizationData, options: WriteOptions) {
  const db = options.db ?? prisma;
  const organization = await db.$transaction((tx) => createOrganizationInTransaction(tx, data, options));
  notifySearchOutbox();
  return organization;
}

export async function updateOrganization(id: string, data: Partial<OrganizationData>, options: WriteOptions) {
  const db = options.db ?? prisma;
  const organization = await db.$transaction((tx) => updateOrganizationInTransaction(tx, id, data, options));
  notifySearchOutbox();
  return organization;
}

export async function deleteOrganization(id: string, options: { db?: typeof prisma } = {}) {
  const db = options.db ?? prisma;
  await db.$transaction(async (tx) => {
    const children = await tx.organization.findMany({ where: { parentId: id }, select: { id: true } });
    await tx.organization.delete({ where: { id } });
    // Children lose their parent (onDelete: SetNull): their documents name it.
    for (const child of children) await refreshSearchText(tx, child.id);
    await enqueueSearchSync(tx, "organization", [id, ...children.map((child) => child.id)]);
  });
  notifySearchOutbox();
}

export async function createOrganizationInTransaction(
  tx: Prisma.TransactionClient,
  data: OrganizationData,
  options: WriteOptions,
) {
  const { fieldIds, ...columns } = data;
  const created = await tx.organization.create({
    data: {
      ...columns,
      verifiedAt: columns.verified ? new Date() : null,
      editedAt: options.origin === "portal" ? new Date() : null,
      ...(options.extra as Prisma.OrganizationUncheckedCreateInput | undefined),
      fields: fieldIds ? { create: fieldIds.map((fieldId) => ({ fieldId })) } : undefined,
    },
  });
  await refreshSearchText(tx, created.id);
  await enqueueSearchSync(tx, "organization", [created.id]);
  return created;
}

export async function updateOrganizationInTransaction(
  tx: Prisma.TransactionClient,
  id: string,
  data: Partial<OrganizationData>,
  options: WriteOptions,
) {
  const { fieldIds, ...columns } = data;
  const before = await tx.organization.findUniqueOrThrow({ where: { id }, select: { nameVi: true, nameEn: true, acronym: true, verified: true } });
  const updated = await tx.organization.update({
    where: { id },
    data: {
      ...columns,
      ...(columns.verified !== undefined && columns.verified !== before.verified
        ? { verifiedAt: columns.verified ? new Date() : null }
        : {}),
      ...(options.origin === "portal" ? { editedAt: new Date() } : {}),
      ...options.extra,
      ...(fieldIds
        ? { fields: { deleteMany: {}, create: fieldIds.map((fieldId) => ({ fieldId })) } }
        : {}),
    },
  });
  await refreshSearchText(tx, id);
  const affected = [id];
  // Children's documents carry the parent's names.
  const renamed =
    before.nameVi !== updated.nameVi || before.nameEn !== updated.nameEn || before.acronym !== updated.acronym;
  if (renamed) {
    const children = await tx.organization.findMany({ where: { parentId: id }, select: { id: true } });
    for (const child of children) {
      await refreshSearchText(tx, child.id);
      affected.push(child.id);
    }
  }
  await enqueueSearchSync(tx, "organization", affected);
  return updated;
}

/** Recomputes the folded text and names the database search and sorting read. */
export async function refreshSearchText(tx: DbClient, id: string) {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id }, include: organizationIndexInclude });
  const searchText = organizationSearchText(organization);
  const { sortNameVi, sortNameEn } = organizationDocument(organization);
  if (
    searchText !== organization.searchText ||
    sortNameVi !== organization.sortNameVi ||
    sortNameEn !== organization.sortNameEn
  ) {
    await tx.organization.update({ where: { id }, data: { searchText, sortNameVi, sortNameEn } });
  }
}
