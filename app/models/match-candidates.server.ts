import { Prisma } from "~/generated/prisma/client";
import type { DbClient } from "~/db/client.server";

/**
 * The rows the matching scores its engine candidates on, in one SQL statement
 * per side (fields, their groups and the links aggregated as JSON). A request
 * has 100 to 150 candidates on each side: as Prisma includes, loading them
 * took 30 ms at the median and 60 at p95 on the bench data, most of a
 * suggestion's time once the engine's part was cut (decision 012).
 */
export type CandidateField = {
  field: { id: string; nameVi: string; nameEn: string; parent: { id: string; nameVi: string; nameEn: string } | null };
};

export type CandidateExpert = {
  id: string;
  userId: string;
  affiliationId: string | null;
  keywords: string;
  offers: string;
  fullName: string;
  /** Based abroad (docs/decisions/076): the country's code, and how they work with Hanoi (one per line) */
  country: string | null;
  workModes: string;
  fields: CandidateField[];
  links: { title: string }[];
};

export type CandidateOrganization = {
  id: string;
  kind: string;
  verified: boolean;
  sortNameVi: string;
  fields: CandidateField[];
};

export type CandidateOffer = {
  id: string;
  type: string;
  organizationId: string | null;
  /** The researcher offering it in their own name: their account and affiliation. */
  ownerUserId: string | null;
  ownerAffiliationId: string | null;
  /** The owner listing's (or researcher's) name, in each language. */
  ownerNameVi: string;
  ownerNameEn: string;
  ownerVerified: boolean;
  nameVi: string | null;
  nameEn: string | null;
  descriptionVi: string | null;
  descriptionEn: string | null;
  /** What it can do: instrument, make, model, method, applications, as written. */
  instrument: string | null;
  make: string | null;
  model: string | null;
  method: string | null;
  applications: string | null;
  category: string | null;
  trl: number | null;
  sortNameVi: string;
  fields: CandidateField[];
};

/** A field with its group, as a JSON array: [id, nameVi, nameEn, groupId, groupNameVi, groupNameEn]. */
const fieldsOf = (link: Prisma.Sql, ownerId: Prisma.Sql) => Prisma.sql`
  (SELECT json_group_array(json_array(f.id, f.nameVi, f.nameEn, a.id, a.nameVi, a.nameEn))
     FROM (SELECT f.id, f.nameVi, f.nameEn, f.parentId, f.position FROM ${link} l JOIN Field f ON f.id = l.fieldId
           WHERE ${ownerId} ORDER BY f.position) f
     LEFT JOIN Field a ON a.id = f.parentId)`;

/**
 * `+status`: the unary plus keeps SQLite from reading this through the status
 * index. The ids are the selective part; without statistics for the table
 * (empty when the connection opened) the planner guessed otherwise and read
 * 50,000 profiles to find 150: 34 ms instead of 0.2.
 */
const PUBLISHED = (alias: "e" | "o") => Prisma.raw(`+${alias}.status = 'published'`);

type FieldTuple = [string, string, string, string | null, string | null, string | null];

function parseFields(json: string | null): CandidateField[] {
  return (JSON.parse(json ?? "[]") as FieldTuple[]).map(([id, nameVi, nameEn, groupId, groupNameVi, groupNameEn]) => ({
    field: { id, nameVi, nameEn, parent: groupId ? { id: groupId, nameVi: groupNameVi!, nameEn: groupNameEn! } : null },
  }));
}

/** Published expertise profiles among `ids`. */
export async function loadCandidateExperts(ids: readonly string[], db: DbClient): Promise<CandidateExpert[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<
    (Omit<CandidateExpert, "fields" | "links"> & { fields: string | null; links: string | null })[]
  >`
    SELECT e.id, e.userId, e.affiliationId, e.keywords, e.offers, e.fullName, e.country, e.workModes,
           ${fieldsOf(Prisma.sql`ExpertField`, Prisma.sql`l.expertId = e.id`)} AS fields,
           (SELECT json_group_array(k.title) FROM ExpertLink k WHERE k.expertId = e.id) AS links
    FROM ExpertProfile e
    WHERE e.id IN (${Prisma.join([...ids])}) AND ${PUBLISHED("e")} AND e.hiddenAt IS NULL`;
  return rows.map((row) => ({
    ...row,
    fields: parseFields(row.fields),
    links: (JSON.parse(row.links ?? "[]") as string[]).map((title) => ({ title })),
  }));
}

/** Published organizations among `ids`. */
export async function loadCandidateOrganizations(
  ids: readonly string[],
  db: DbClient,
): Promise<CandidateOrganization[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<
    { id: string; kind: string; verified: unknown; sortNameVi: string; fields: string | null }[]
  >`
    SELECT o.id, o.kind, o.verified, o.sortNameVi,
           ${fieldsOf(Prisma.sql`OrganizationField`, Prisma.sql`l.organizationId = o.id`)} AS fields
    FROM Organization o
    WHERE o.id IN (${Prisma.join([...ids])}) AND ${PUBLISHED("o")}`;
  return rows.map((row) => ({ ...row, verified: Boolean(Number(row.verified)), fields: parseFields(row.fields) }));
}

/**
 * Public offers among `ids` (published, not hidden, the owner listing
 * published), with their owner's name: the engine's index may lag a change.
 */
export async function loadCandidateOffers(ids: readonly string[], db: DbClient): Promise<CandidateOffer[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<
    (Omit<CandidateOffer, "fields" | "ownerVerified" | "trl"> & {
      fields: string | null;
      ownerVerified: unknown;
      trl: unknown;
    })[]
  >`
    SELECT o.id, o.type, o.organizationId, x.userId AS ownerUserId, x.affiliationId AS ownerAffiliationId,
           COALESCE(g.acronym, g.nameVi, g.nameEn, x.fullName, '') AS ownerNameVi,
           COALESCE(g.acronym, g.nameEn, g.nameVi, x.fullName, '') AS ownerNameEn,
           COALESCE(g.verified, 0) AS ownerVerified,
           o.nameVi, o.nameEn, o.descriptionVi, o.descriptionEn, o.instrument, o.make, o.model, o.method,
           o.applications, o.category, o.trl, o.sortNameVi,
           ${fieldsOf(Prisma.sql`OfferField`, Prisma.sql`l.offerId = o.id`)} AS fields
    FROM Offer o
    LEFT JOIN Organization g ON g.id = o.organizationId
    LEFT JOIN ExpertProfile x ON x.id = o.ownerExpertId
    WHERE o.id IN (${Prisma.join([...ids])}) AND +o.status = 'published' AND o.hiddenAt IS NULL
      AND (o.organizationId IS NULL OR g.status = 'published')`;
  return rows.map((row) => ({
    ...row,
    ownerVerified: Boolean(Number(row.ownerVerified)),
    trl: row.trl === null ? null : Number(row.trl),
    fields: parseFields(row.fields),
  }));
}
