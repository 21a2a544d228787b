import { foldText } from "~/utils/text";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "./organization-search";

/**
 * A summary's excerpt with the query's words marked, made here instead of by
 * the engine: Meilisearch's highlighting and cropping of the long summaries
 * was most of its time per search (docs/decisions/055). A word is marked when
 * its folded form starts with a folded term of the query (so marks, đ and case
 * do not matter, and the word being typed matches), as the engine marks the
 * words it matched; words it matched only by a typo or a synonym stay plain.
 *
 * Null when no word matches: the card shows the summary's opening then.
 */
export function highlightExcerpt(text: string | null, terms: readonly string[], words = 40): string | null {
  if (!text || terms.length === 0) return null;
  // Words and the spaces and punctuation between them, kept as written.
  // Split on a capturing group: the words are the even parts, what lies between them the odd ones.
  const parts = text.split(/([^\p{L}\p{N}]+)/u);
  const matches = (part: string, i: number) => {
    if (i % 2 === 1 || part === "") return false;
    const folded = foldedWord(part);
    return terms.some((term) => folded.startsWith(term));
  };
  const marked = parts.map(matches);
  const first = marked.indexOf(true);
  if (first === -1) return null;
  // A window of `words` words (word parts are the even indexes) around the first match,
  // a quarter of it before, as the engine crops.
  const firstWord = first / 2;
  const wordCount = Math.ceil(parts.length / 2);
  const start = Math.max(0, Math.min(firstWord - Math.floor(words / 4), wordCount - words));
  const end = Math.min(wordCount, start + words);
  const out: string[] = [];
  for (let i = start * 2; i < end * 2 - 1 && i < parts.length; i++) {
    out.push(marked[i] ? `${HIGHLIGHT_START}${parts[i]}${HIGHLIGHT_END}` : parts[i]!);
  }
  return `${start > 0 ? "…" : ""}${out.join("")}${end < wordCount ? "…" : ""}`;
}

/**
 * Words folded as the index folds them, kept: 20 cards' summaries and names are
 * thousands of words per page, most of them the same few thousand syllables,
 * and folding each (Unicode decomposition, five replacements) was the larger
 * part of marking them. Emptied when full, so it cannot grow without bound.
 */
const folded = new Map<string, string>();
const MAX_FOLDED_WORDS = 20_000;

function foldedWord(word: string): string {
  let value = folded.get(word);
  if (value === undefined) {
    if (folded.size >= MAX_FOLDED_WORDS) folded.clear();
    value = foldText(word).replace(/^([hklmstv])y$/, "$1i");
    folded.set(word, value);
  }
  return value;
}

/** A name or acronym with the query's words marked (the database fallback has no engine to mark them). */
export function highlightWords(text: string | null, terms: readonly string[]): string | null {
  return highlightExcerpt(text, terms, Number.POSITIVE_INFINITY);
}
