import { prisma, type DbClient } from "~/db/client.server";
import { dataCache } from "./cache.server";
import { PUBLIC_EXPERT } from "./expert.server";
import { getTaxonomy } from "./field.server";

/**
 * The overseas network's figures (docs/decisions/076): public profiles based abroad,
 * counted by country and by field group, from the database (the source of truth, and
 * the same whether the engine answers or not), kept per data version.
 */
export type OverseasSummary = {
  total: number;
  byCountry: { code: string; count: number }[];
  byArea: { slug: string; nameVi: string; nameEn: string; count: number }[];
};

const summaryCache = dataCache<OverseasSummary>("overseas-summary", { max: 2, ttlMs: 60_000 });

const ABROAD = { ...PUBLIC_EXPERT, country: { not: null } };

export function getOverseasSummary(db: DbClient = prisma): Promise<OverseasSummary> {
  return summaryCache.fetch("summary", () => loadOverseasSummary(db));
}

async function loadOverseasSummary(db: DbClient): Promise<OverseasSummary> {
  const [total, countries, links, taxonomy] = await Promise.all([
    db.expertProfile.count({ where: ABROAD }),
    db.expertProfile.groupBy({ by: ["country"], where: ABROAD, _count: { _all: true } }),
    db.expertField.findMany({
      where: { expert: ABROAD },
      select: { expertId: true, field: { select: { parent: { select: { slug: true } } } } },
    }),
    getTaxonomy(),
  ]);
  // An expert counts once in each field group their fields belong to.
  const experts = new Map<string, Set<string>>();
  for (const link of links) {
    const area = link.field.parent?.slug;
    if (!area) continue;
    const set = experts.get(area) ?? new Set<string>();
    set.add(link.expertId);
    experts.set(area, set);
  }
  const byArea = taxonomy.areas
    .map((area) => ({
      slug: area.slug,
      nameVi: area.nameVi,
      nameEn: area.nameEn,
      count: experts.get(area.slug)?.size ?? 0,
    }))
    .filter((area) => area.count > 0)
    .sort((a, b) => b.count - a.count || a.slug.localeCompare(b.slug));
  const byCountry = countries
    .map((row) => ({ code: row.country!, count: row._count._all }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return { total, byCountry, byArea };
}
