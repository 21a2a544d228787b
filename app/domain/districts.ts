import { slugify } from "~/utils/text";

/**
 * Hanoi's 30 district-level units as they were before the July 2025 reform,
 * which is what the seed data and most addresses still use. Stored by slug.
 */
const NAMES = [
  // urban districts
  "Ba Đình",
  "Hoàn Kiếm",
  "Tây Hồ",
  "Long Biên",
  "Cầu Giấy",
  "Đống Đa",
  "Hai Bà Trưng",
  "Hoàng Mai",
  "Thanh Xuân",
  "Nam Từ Liêm",
  "Bắc Từ Liêm",
  "Hà Đông",
  // town
  "Sơn Tây",
  // rural districts
  "Ba Vì",
  "Chương Mỹ",
  "Đan Phượng",
  "Đông Anh",
  "Gia Lâm",
  "Hoài Đức",
  "Mê Linh",
  "Mỹ Đức",
  "Phú Xuyên",
  "Phúc Thọ",
  "Quốc Oai",
  "Sóc Sơn",
  "Thạch Thất",
  "Thanh Oai",
  "Thanh Trì",
  "Thường Tín",
  "Ứng Hòa",
] as const;

export type District = { slug: string; vi: string; en: string };

export const DISTRICTS: readonly District[] = NAMES.map((vi) => ({
  slug: slugify(vi),
  vi,
  en: vi
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/Đ/g, "D")
    .replace(/đ/g, "d"),
}));

const BY_SLUG = new Map(DISTRICTS.map((district) => [district.slug, district]));

export function findDistrict(slug: string | null | undefined): District | undefined {
  return slug ? BY_SLUG.get(slug) : undefined;
}

export function isDistrictSlug(value: string): boolean {
  return BY_SLUG.has(value);
}

/** Matches a free-text district ("Q. Cầu Giấy", "cau giay") to its slug. */
export function districtSlugFromName(name: string | null | undefined): string | null {
  if (!name) return null;
  const slug = slugify(name.replace(/^(quận|huyện|thị xã|q\.|h\.)\s*/i, ""));
  return BY_SLUG.has(slug) ? slug : null;
}

/** The areas (former districts) as form choices, in the reader's language. */
export function areaOptions(lang: "vi" | "en") {
  return DISTRICTS.map((district) => ({ value: district.slug, label: district[lang] }));
}
