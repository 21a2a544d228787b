import { prisma, type DbClient } from "~/utils/db.server";
import { remember } from "@epic-web/remember";

/**
 * The bilingual field taxonomy: areas (top level) and the fields under them.
 * Read on every directory request (facet labels, validating URL values), so it
 * is cached for a short while and dropped whenever it changes.
 */
export type TaxonomyField = { id: string; slug: string; nameVi: string; nameEn: string; areaSlug: string | null };
export type Taxonomy = {
  areas: TaxonomyField[];
  fields: TaxonomyField[];
  bySlug: Map<string, TaxonomyField>;
};

const TTL_MS = 30_000;
const cache = remember("taxonomy-cache", () => ({ value: null as Taxonomy | null, loadedAt: 0 }));

export async function getTaxonomy(db: DbClient = prisma): Promise<Taxonomy> {
  if (cache.value && Date.now() - cache.loadedAt < TTL_MS && db === prisma) return cache.value;
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
  if (db === prisma) {
    cache.value = taxonomy;
    cache.loadedAt = Date.now();
  }
  return taxonomy;
}

export function invalidateTaxonomyCache() {
  cache.value = null;
}

/** Published organizations per area (an organization counts once per area). */
export async function countPublishedByArea(db: DbClient = prisma): Promise<Record<string, number>> {
  const rows = await db.$queryRaw<{ slug: string; n: bigint | number }[]>`
    SELECT a.slug AS slug, COUNT(DISTINCT o.id) AS n
    FROM Organization o
    JOIN OrganizationField l ON l.organizationId = o.id
    JOIN Field f ON f.id = l.fieldId
    JOIN Field a ON a.id = f.parentId
    WHERE o.status = 'published'
    GROUP BY a.slug`;
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
