import { foldText } from "~/utils/text";
import { conceptTermsOf } from "./concepts";

/**
 * Synonyms between the Vietnamese and English words people use for kinds of
 * organizations and common acronyms. Field names are not here: documents carry
 * their fields' names and aliases (see fieldTerms), because the engine's cost
 * grows with the size of this setting (decision 007). Meilisearch ignores
 * Vietnamese marks when matching, so each group is written once, with marks.
 */
export const GENERAL_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["phòng thí nghiệm", "lab", "laboratory", "ptn"],
  ["phòng thí nghiệm trọng điểm", "key laboratory", "key lab"],
  ["đại học", "university", "đh"],
  ["trường đại học", "university"],
  ["học viện", "academy"],
  ["viện", "institute"],
  ["viện nghiên cứu", "research institute"],
  ["trung tâm", "centre", "center"],
  ["vườn ươm", "incubator", "incubation"],
  ["khởi nghiệp", "startup", "start-up"],
  ["doanh nghiệp", "enterprise", "company", "công ty"],
  ["tập đoàn", "group", "corporation"],
  ["công nghệ", "technology", "tech"],
  ["khoa học", "science"],
  ["nghiên cứu", "research"],
  ["đổi mới sáng tạo", "innovation", "đmst"],
  ["hà nội", "hanoi", "hn"],
  ["việt nam", "vietnam", "vn"],
  ["đại học quốc gia hà nội", "vnu", "đhqghn"],
  ["đại học bách khoa hà nội", "hust", "bách khoa", "đhbk"],
  ["viện hàn lâm khoa học và công nghệ việt nam", "vast"],
  ["công nghệ thông tin", "information technology", "cntt"],
  ["bách khoa", "polytechnic"],
  // The i/y spellings taught in school ("kĩ thuật") and in official names ("kỹ thuật").
  ["kỹ thuật", "kĩ thuật"],
  ["kỹ sư", "kĩ sư"],
  ["vật lý", "vật lí"],
  ["địa lý", "địa lí"],
  ["quản lý", "quản lí"],
  ["xử lý", "xử lí"],
  ["lý thuyết", "lí thuyết"],
  ["sinh lý", "sinh lí"],
  ["tâm lý", "tâm lí"],
  ["mỹ thuật", "mĩ thuật"],
  ["hóa lý", "hóa lí"],
  ["y tế", "health care"],
];

/** Acronyms of four letters or more that people type to find an organization. */
export const ACRONYM_QUERY_WORDS: readonly string[] = ["hust", "usth", "vast"];

export type TaxonomyTerm = { slug?: string; nameVi: string; nameEn: string; aliases: string };

/**
 * What a document says about its fields: each field's Vietnamese and English
 * names and its aliases, so "AI", "TTNT" and "artificial intelligence" all
 * find a listing of "Trí tuệ nhân tạo" without a synonym in the engine; then
 * the everyday words of the concept layer ("nước thải" for environmental
 * engineering, search/concepts.ts), after them so that names rank first.
 */
export function fieldTerms(fields: readonly TaxonomyTerm[]): string[] {
  const names = fields.flatMap((field) => [field.nameVi, field.nameEn, ...splitAliases(field.aliases)]);
  const slugs = fields.flatMap((field) => (field.slug ? [field.slug] : []));
  return [...new Set([...names, ...conceptTermsOf(slugs)])];
}

export function splitAliases(aliases: string): string[] {
  return aliases
    .split("\n")
    .map((alias) => alias.trim())
    .filter(Boolean);
}

/**
 * Meilisearch looks synonyms up for one to three query words at a time, so a
 * longer term never matches as a key (it still works as what a shorter term
 * stands for). And the engine reads the whole setting for every lookup, so
 * every key left out makes every query word cheaper (decision 007).
 */
const MAX_SYNONYM_KEY_WORDS = 3;

/** Words as the engine counts them, at the least: hyphens may join words ("start-up"), never split them. */
function wordCount(term: string): number {
  return term.split(/[^\p{L}\p{N}-]+/u).filter(Boolean).length;
}

/**
 * Meilisearch's synonyms setting: every term of a group maps to the others
 * (terms of more than three words only as replacements, see above).
 * Terms are folded (lower case, no marks) so that the setting compares equal
 * to what the engine returns, and terms shared by several groups merge.
 */
export function synonymsSetting(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const group of groups) {
    const terms = [...new Set(group.map((term) => foldText(term)).filter((term) => term.length > 1))];
    for (const term of terms) {
      const others = map.get(term) ?? new Set<string>();
      for (const other of terms) if (other !== term) others.add(other);
      map.set(term, others);
    }
  }
  const setting: Record<string, string[]> = {};
  for (const term of [...map.keys()].sort()) {
    const others = [...map.get(term)!].sort();
    if (others.length > 0 && wordCount(term) <= MAX_SYNONYM_KEY_WORDS) setting[term] = others;
  }
  return setting;
}
