import { taxonomyForPicker } from "~/models/field.server";
import type { ApiArgs } from "./respond.server";
import { parseNoParameters } from "./params";

/** The bilingual taxonomy: areas, each with its fields. Their slugs are the `field` filter's values. */
export async function listFields({ url }: ApiArgs) {
  parseNoParameters(url.searchParams);
  const areas = await taxonomyForPicker();
  return {
    data: areas.map((area) => ({
      slug: area.slug,
      nameVi: area.nameVi,
      nameEn: area.nameEn,
      fields: area.fields.map((field) => ({ slug: field.slug, nameVi: field.nameVi, nameEn: field.nameEn })),
    })),
  };
}
