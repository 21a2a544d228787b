import type { DbClient } from "~/utils/db.server";
import type { TaxonomyTerm } from "./synonyms";

/** The field taxonomy as the index settings need it (for synonyms). */
export function loadTaxonomy(db: DbClient): Promise<TaxonomyTerm[]> {
  return db.field.findMany({ select: { nameVi: true, nameEn: true, aliases: true }, orderBy: { slug: "asc" } });
}
