import communes from "~/data/hanoi-communes-2025.json";

/**
 * Hanoi's 126 commune-level units since 1 July 2025 (Resolution
 * 1656/NQ-UBTVQH15): 51 wards (phường) and 75 communes (xã), copied from the
 * shared data set into app/data/. Stored by slug. Not to be confused with the
 * former districts (app/domain/districts.ts), which the portal keeps as areas:
 * 28 of those names are also names of new units.
 */
export type Ward = { slug: string; type: "phuong" | "xa"; vi: string; en: string; formerDistricts: string[] };

export const WARDS: readonly Ward[] = communes.map((unit) => ({
  slug: unit.slug,
  type: unit.type as Ward["type"],
  vi: unit.nameVi,
  en: unit.nameEn,
  formerDistricts: unit.formerDistricts,
}));

const BY_SLUG = new Map(WARDS.map((ward) => [ward.slug, ward]));

export function findWard(slug: string | null | undefined): Ward | undefined {
  return slug ? BY_SLUG.get(slug) : undefined;
}

export function isWardSlug(value: string): boolean {
  return BY_SLUG.has(value);
}

/** "Phường Cầu Giấy" / "Cau Giay Ward": the unit's name with its type, so it never reads as the old district. */
export function wardLabel(ward: Ward, lang: "vi" | "en"): string {
  if (lang === "vi") return `${ward.type === "phuong" ? "Phường" : "Xã"} ${ward.vi}`;
  return `${ward.en} ${ward.type === "phuong" ? "Ward" : "Commune"}`;
}

/** Wards and communes as form choices, sorted by name in the reader's language, type first ("Phường Ba Đình"). */
export function wardOptions(lang: "vi" | "en") {
  return WARDS.map((ward) => ({ value: ward.slug, label: wardLabel(ward, lang) })).sort((a, b) =>
    a.label.localeCompare(b.label, lang),
  );
}
