import { Prisma } from "~/generated/prisma/client";
import { prisma, readRows, type DbClient } from "~/db/client.server";
import { dataCache } from "./cache.server";

/**
 * The bilingual field taxonomy: areas (top level) and the fields under them.
 * Read on every directory request (facet labels, validating URL values), so it
 * is kept per data version (the seed's renames move it) for a short while.
 */
export type TaxonomyField = { id: string; slug: string; nameVi: string; nameEn: string; areaSlug: string | null };
export type Taxonomy = {
  areas: TaxonomyField[];
  fields: TaxonomyField[];
  bySlug: Map<string, TaxonomyField>;
};

const cache = dataCache<Taxonomy>("taxonomy", { max: 2, ttlMs: 30_000 });

export async function getTaxonomy(db: DbClient = prisma): Promise<Taxonomy> {
  // Inside a transaction it is read afresh, as that transaction sees it.
  return db === prisma ? cache.fetch("taxonomy", () => loadTaxonomy(prisma)) : loadTaxonomy(db);
}

async function loadTaxonomy(db: DbClient): Promise<Taxonomy> {
  const rows = await db.field.findMany({
    select: { id: true, slug: true, nameVi: true, nameEn: true, parent: { select: { slug: true } } },
    orderBy: [{ position: "asc" }, { slug: "asc" }],
  });
  const all = rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    areaSlug: row.parent?.slug ?? null,
  }));
  const taxonomy: Taxonomy = {
    areas: all.filter((field) => field.areaSlug === null),
    fields: all.filter((field) => field.areaSlug !== null),
    bySlug: new Map(all.map((field) => [field.slug, field])),
  };
  return taxonomy;
}

/** For a change the data version does not see (a field written by hand in a test). */
export function invalidateTaxonomyCache() {
  cache.clear();
}

/** Published organizations per area (an organization counts once per area), on the read workers. */
export async function countPublishedByArea(db: DbClient = prisma): Promise<Record<string, number>> {
  const rows = await readRows<{ slug: string; n: bigint | number }>(
    Prisma.sql`
    SELECT a.slug AS slug, COUNT(DISTINCT o.id) AS n
    FROM Organization o
    JOIN OrganizationField l ON l.organizationId = o.id
    JOIN Field f ON f.id = l.fieldId
    JOIN Field a ON a.id = f.parentId
    WHERE o.status = 'published'
    GROUP BY a.slug`,
    db,
  );
  return Object.fromEntries(rows.map((row) => [row.slug, Number(row.n)]));
}

/** The taxonomy grouped for pickers: areas with their fields. */
export async function taxonomyForPicker() {
  const taxonomy = await getTaxonomy();
  return taxonomy.areas.map((area) => ({
    slug: area.slug,
    nameVi: area.nameVi,
    nameEn: area.nameEn,
    fields: taxonomy.fields
      .filter((field) => field.areaSlug === area.slug)
      .map((field) => ({ slug: field.slug, nameVi: field.nameVi, nameEn: field.nameEn })),
  }));
}
