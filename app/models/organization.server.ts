import { Prisma } from "~/generated/prisma/client";
import { organizationDocument, organizationIndexInclude, organizationSearchText } from "#search/organization-document";
import { FIELD_NAMES_SELECT } from "#search/field-select";
import { prisma, readRows, readRowsNow, type Db, type DbClient } from "~/db/client.server";
import { LISTING_TEXT_COLUMNS, pickColumns, selectColumns, type ListingTexts } from "~/domain/organization-values";
import { withdrawUnprovenVerifications } from "./affiliation.server";
import { write, type Effects, type Tx } from "./write.server";

/**
 * Organizations: reads for the pages, and writes that keep the search index
 * in step. Every write runs in one transaction with its outbox rows, so the
 * index can never miss a committed change (docs/decisions/005-search-outbox.md).
 */

/** What a result card needs, in both languages (the page picks one). */
export type OrganizationCard = ListingTexts & {
  district: string | null;
  ward: string | null;
  verified: boolean;
  parent: { slug: string; nameVi: string | null; nameEn: string | null; acronym: string | null } | null;
  fields: { slug: string; nameVi: string; nameEn: string }[];
};

type CardRow = Omit<OrganizationCard, "verified" | "parent" | "fields"> & {
  verified: boolean | number | bigint;
  status: string;
  parentSlug: string | null;
  parentNameVi: string | null;
  parentNameEn: string | null;
  parentAcronym: string | null;
  fields: string | null;
};

/**
 * Cards for organizations, in one SQL statement (parent joined, up to four
 * fields aggregated as JSON). This runs on every directory request: as a
 * Prisma include it was four queries and 5 ms, here it is one and under 1 ms.
 * It is read with a statement prepared once (readRowsNow): through Prisma the
 * app's one thread spent about a tenth of a search's time preparing and
 * converting it (docs/decisions/078).
 */
async function loadCards(where: Prisma.Sql, orderAndLimit: Prisma.Sql, db: DbClient) {
  const rows = await readRowsNow<CardRow>(
    Prisma.sql`
    SELECT o.id, o.slug, o.kind, o.nameVi, o.nameEn, o.acronym, o.summaryVi, o.summaryEn, o.district,
           o.ward, o.verified, o.status,
           p.slug AS parentSlug, p.nameVi AS parentNameVi, p.nameEn AS parentNameEn, p.acronym AS parentAcronym,
           (SELECT json_group_array(json_array(f.slug, f.nameVi, f.nameEn))
              FROM (SELECT f.slug, f.nameVi, f.nameEn FROM OrganizationField l JOIN Field f ON f.id = l.fieldId
                    WHERE l.organizationId = o.id ORDER BY f.position LIMIT 4) f) AS fields
    FROM Organization o
    LEFT JOIN Organization p ON p.id = o.parentId AND p.status = 'published'
    WHERE ${where} ${orderAndLimit}`,
    db,
  );
  return rows.map((row): OrganizationCard & { status: string } => ({
    id: row.id,
    ...pickColumns(row, LISTING_TEXT_COLUMNS),
    district: row.district,
    ward: row.ward,
    verified: Boolean(Number(row.verified)),
    status: row.status,
    parent: row.parentSlug
      ? { slug: row.parentSlug, nameVi: row.parentNameVi, nameEn: row.parentNameEn, acronym: row.parentAcronym }
      : null,
    fields: (JSON.parse(row.fields ?? "[]") as [string, string, string][]).map(([slug, nameVi, nameEn]) => ({
      slug,
      nameVi,
      nameEn,
    })),
  }));
}

/** Published organizations by id, in the order of `ids` (the search ranking). */
export async function getPublishedOrganizationCards(ids: readonly string[], db: DbClient = prisma) {
  if (ids.length === 0) return [];
  const rows = await loadCards(Prisma.sql`o.id IN (${Prisma.join([...ids])})`, Prisma.empty, db);
  // Re-authorized here: the index may lag behind an unpublish by a moment.
  const byId = new Map(
    rows.filter((row) => row.status === "published").map(({ status: _status, ...row }) => [row.id, row]),
  );
  return ids.map((id) => byId.get(id)).filter((row): row is OrganizationCard => Boolean(row));
}

/**
 * A published listing's page and API resource. Selected column by column: the
 * seed's bookkeeping, the search text and the curation dates stay on the server.
 */
export async function getPublishedOrganization(slug: string, db: DbClient = prisma) {
  return db.organization.findFirst({
    where: { slug, status: "published" },
    select: {
      id: true,
      ...selectColumns(LISTING_TEXT_COLUMNS),
      district: true,
      ward: true,
      address: true,
      phone: true,
      email: true,
      contactSourceUrl: true,
      website: true,
      foundedYear: true,
      verified: true,
      verifiedAt: true,
      sourceUrl: true,
      updatedAt: true,
      logoKey: true,
      parent: { select: { slug: true, nameVi: true, nameEn: true, acronym: true, kind: true, status: true } },
      children: {
        where: { status: "published" },
        select: { slug: true, nameVi: true, nameEn: true, acronym: true, kind: true, verified: true },
        orderBy: [{ kind: "asc" }, { sortNameVi: "asc" }],
      },
      fields: {
        orderBy: { field: { position: "asc" } },
        select: {
          field: { select: { ...FIELD_NAMES_SELECT, parent: { select: FIELD_NAMES_SELECT } } },
        },
      },
    },
  });
}

/**
 * Published listings per kind. On the read workers, as the two reads of the day's featured
 * listings below: at 100,000 listings the home page's three took half a second of the app's
 * one thread each time its kept figures were renewed.
 */
export async function countPublishedByKind(db: DbClient = prisma): Promise<Record<string, number>> {
  const rows = await readRows<{ kind: string; n: bigint | number }>(
    Prisma.sql`SELECT kind, COUNT(*) AS n FROM Organization WHERE status = 'published' GROUP BY kind`,
    db,
  );
  return Object.fromEntries(rows.map((row) => [row.kind, Number(row.n)]));
}

/** A few verified research organizations for the home page, different each day. */
export async function featuredOrganizations(count: number, db: DbClient = prisma): Promise<OrganizationCard[]> {
  const where = Prisma.sql`status = 'published' AND verified = 1 AND kind IN ('lab', 'institute', 'incubator', 'startup')`;
  const [{ n }] = (await readRows<{ n: bigint | number }>(
    Prisma.sql`SELECT COUNT(*) AS n FROM Organization WHERE ${where}`,
    db,
  )) as [{ n: bigint | number }];
  const total = Number(n);
  const day = Math.floor(Date.now() / 86_400_000);
  const skip = total > count ? (day * count) % (total - count + 1) : 0;
  const ids = await readRows<{ id: string }>(
    Prisma.sql`SELECT id FROM Organization WHERE ${where} ORDER BY slug LIMIT ${count} OFFSET ${skip}`,
    db,
    { followUp: true },
  );
  return getPublishedOrganizationCards(
    ids.map((row) => row.id),
    db,
  );
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
  ward?: string | null;
  address?: string | null;
  website?: string | null;
  phone?: string | null;
  email?: string | null;
  contactSourceUrl?: string | null;
  foundedYear?: number | null;
  status?: string;
  verified?: boolean;
  sourceUrl?: string | null;
  /** Ids of taxonomy fields; replaces the current set when given */
  fieldIds?: string[];
};

/** Who made a change: edits made in the portal are never overwritten by the seed. */
export type WriteOrigin = "portal" | "seed" | "import" | "fixture";

type ChangeOptions = { origin: WriteOrigin; extra?: Prisma.OrganizationUncheckedUpdateInput };

export function createOrganization(data: OrganizationData, options: ChangeOptions, db: Db = prisma) {
  return write((tx, effects) => createOrganizationInTransaction(data, options, tx, effects), { db });
}

export function updateOrganization(
  id: string,
  data: Partial<OrganizationData>,
  options: ChangeOptions,
  db: Db = prisma,
) {
  return write((tx, effects) => updateOrganizationInTransaction(id, data, options, tx, effects), { db });
}

export async function deleteOrganization(id: string, db: Db = prisma) {
  await write(
    async (tx, effects) => {
      const children = await tx.organization.findMany({ where: { parentId: id }, select: { id: true } });
      await tx.organization.delete({ where: { id } });
      // Children lose their parent (onDelete: SetNull): their documents name it.
      for (const child of children) await refreshSearchText(child.id, tx);
      await effects.reindex("organization", [id, ...children.map((child) => child.id)]);
    },
    { db },
  );
}

export async function createOrganizationInTransaction(
  data: OrganizationData,
  options: ChangeOptions,
  tx: Tx,
  effects: Effects,
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
  await refreshSearchText(created.id, tx);
  await effects.reindex("organization", [created.id]);
  return created;
}

export async function updateOrganizationInTransaction(
  id: string,
  data: Partial<OrganizationData>,
  options: ChangeOptions,
  tx: Tx,
  effects: Effects,
) {
  const { fieldIds, ...columns } = data;
  const before = await tx.organization.findUniqueOrThrow({
    where: { id },
    select: { nameVi: true, nameEn: true, acronym: true, verified: true, website: true },
  });
  const updated = await tx.organization.update({
    where: { id },
    data: {
      ...columns,
      ...(columns.verified !== undefined && columns.verified !== before.verified
        ? { verifiedAt: columns.verified ? new Date() : null }
        : {}),
      ...(options.origin === "portal" ? { editedAt: new Date() } : {}),
      ...options.extra,
      ...(fieldIds ? { fields: { deleteMany: {}, create: fieldIds.map((fieldId) => ({ fieldId })) } } : {}),
    },
  });
  await refreshSearchText(id, tx);
  const affected = [id];
  // Children's documents carry the parent's names.
  const renamed =
    before.nameVi !== updated.nameVi || before.nameEn !== updated.nameEn || before.acronym !== updated.acronym;
  if (renamed) {
    const children = await tx.organization.findMany({ where: { parentId: id }, select: { id: true } });
    for (const child of children) {
      await refreshSearchText(child.id, tx);
      affected.push(child.id);
    }
  }
  await effects.reindex("organization", affected);
  // Addresses at the old website's domain no longer prove an affiliation here (docs/decisions/069).
  if (before.website !== updated.website) await withdrawUnprovenVerifications(id, tx, effects);
  return updated;
}

/** Recomputes the folded text and names the database search and sorting read. */
export async function refreshSearchText(id: string, tx: DbClient) {
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
