/** Values of the organization model's string enumerations (see prisma/schema.prisma). */

export const ORGANIZATION_KINDS = ["university", "institute", "lab", "incubator", "startup", "enterprise"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ORGANIZATION_STATUSES = ["draft", "pending", "published", "archived"] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

export function isOrganizationKind(value: string): value is OrganizationKind {
  return (ORGANIZATION_KINDS as readonly string[]).includes(value);
}

/**
 * Extra words people search a kind with (indexed with each listing). How a kind is
 * called on a page is in the i18n messages `kind.*` (one) and `kinds.*` (many).
 */
export const KIND_SEARCH_TERMS: Record<OrganizationKind, string[]> = {
  university: ["Trường đại học", "Đại học", "Học viện", "University", "Academy"],
  institute: ["Viện nghiên cứu", "Viện", "Research institute", "Institute"],
  lab: ["Phòng thí nghiệm", "Trung tâm nghiên cứu", "Lab", "Laboratory", "Research centre"],
  incubator: [
    "Vườn ươm",
    "Tăng tốc khởi nghiệp",
    "Trung tâm đổi mới sáng tạo",
    "Incubator",
    "Accelerator",
    "Innovation hub",
  ],
  startup: ["Khởi nghiệp", "Startup", "Start-up"],
  enterprise: ["Doanh nghiệp", "Công ty", "Tập đoàn", "Enterprise", "Company"],
};

/** In the public links chart: a requester with no listing shown who signed up as a business. */
export const UNLISTED_BUSINESS = "business";

/** A listing's slug, kind and names: the first columns of every list of a listing's columns. */
export const LISTING_NAME_COLUMNS = ["slug", "kind", "nameVi", "nameEn", "acronym"] as const;
/** Its names and its summaries in both languages. */
export const LISTING_TEXT_COLUMNS = [...LISTING_NAME_COLUMNS, "summaryVi", "summaryEn"] as const;
/**
 * Where it is and how to reach it, after its area (the former district: the
 * `district` column, an import file's `area`).
 */
export const LISTING_CONTACT_COLUMNS = ["ward", "address", "phone", "email", "website", "foundedYear"] as const;

/** These columns of a row, in their order. */
export function pickColumns<T, K extends keyof T>(row: T, columns: readonly K[]): Pick<T, K> {
  return Object.fromEntries(columns.map((column) => [column, row[column]])) as Pick<T, K>;
}

/** A Prisma `select` of these columns, in their order. */
export function selectColumns<const C extends string>(columns: readonly C[]): { [K in C]: true } {
  return Object.fromEntries(columns.map((column) => [column, true])) as { [K in C]: true };
}

/** A listing's id, slug, kind, names and summaries, as cards and index documents carry them. */
export type ListingTexts = {
  id: string;
  slug: string;
  kind: string;
  nameVi: string | null;
  nameEn: string | null;
  acronym: string | null;
  summaryVi: string | null;
  summaryEn: string | null;
};

/** Which of a listing's two names or summaries a page in `lang` shows: its own language's, else the other. */
export function shownTextKey<K extends "name" | "summary">(
  texts: Pick<ListingTexts, `${K}Vi` | `${K}En`>,
  text: K,
  lang: "vi" | "en",
): `${K}Vi` | `${K}En` {
  const vi = `${text}Vi` as const;
  const en = `${text}En` as const;
  const own = lang === "vi" ? vi : en;
  return (texts as Record<string, string | null>)[own] ? own : lang === "vi" ? en : vi;
}
