/**
 * Text helpers shared by the browser and the server.
 */

/**
 * Lower-case, accent-free form of Vietnamese or English text: the way people
 * type without a Vietnamese keyboard. "Đại học Bách khoa" → "dai hoc bach khoa".
 * Used by the database fallback search, slugs and name sorting.
 */
export function foldText(text: string): string {
  // Plain ASCII needs no Unicode decomposition (most English text).
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase().replace(/\s+/g, " ").trim();
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** What a slug may be, as slugify makes them: lower-case ASCII letters and digits in hyphen-joined runs. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** ASCII kebab-case slug: "Viện Hóa học" → "vien-hoa-hoc". */
export function slugify(text: string, maxLength = 80): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
}

/** Words of a query, folded, for matching against folded text. */
export function queryTerms(query: string): string[] {
  return foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0);
}

/**
 * Folded text for the database search, with the i/y spelling variants of
 * Vietnamese merged ("kĩ thuật" and "kỹ thuật", "vật lí" and "vật lý" are the
 * same words in different school spellings).
 */
export function foldForSearch(text: string): string {
  return foldText(text).replace(/\b([hklmstv])y\b/g, "$1i");
}

/** Words of a query, folded as foldForSearch folds the text they are matched against. */
export function searchTerms(query: string): string[] {
  return queryTerms(query).map((term) => term.replace(/^([hklmstv])y$/, "$1i"));
}
