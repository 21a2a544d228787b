import { closest, distance } from "fastest-levenshtein";
import { pick, type Language } from "~/i18n/i18n";
import { Prisma } from "~/generated/prisma/client";
import { prisma, readRows } from "~/db/client.server";
import { queryTerms } from "~/utils/text";
import { dataCache } from "./cache.server";
import { getTaxonomy, type Taxonomy, type TaxonomyField } from "./field.server";
import { suggestOffers } from "./offer-search.server";
import { suggestOrganizations } from "./search-gateway.server";

/**
 * What the list pages offer around a search: suggestions under the box as one
 * types (organizations and fields; offers too on /offers), and, when nothing is found, the ways out
 * (docs/decisions/046).
 */
export type FieldChoice = { slug: string; areaSlug: string; label: string };
export type OfferChoice = { id: string; name: string; type: string };
export type Suggestions = {
  organizations: { slug: string; name: string }[];
  fields: FieldChoice[];
  /** Asked for on /offers only */
  offers?: OfferChoice[];
};
/** Which list the box searches: /offers suggests offers first. */
export type SuggestList = "offers" | null;
export type NoResultsHelp = {
  /** Results of the same words without the filters; null when there were no filters */
  withoutFilters: number | null;
  /** A spelling close to the query, from organization and field names */
  didYouMean: string | null;
  fields: FieldChoice[];
};

export const SUGGESTIONS_PER_KIND = 5;
/** Beyond this a query is not a name being typed: no suggestions. */
export const MAX_SUGGEST_LENGTH = 100;

export async function searchSuggestions(q: string, lang: Language, list: SuggestList = null): Promise<Suggestions> {
  const text = q.trim();
  const none = { organizations: [], fields: [], ...(list === "offers" ? { offers: [] } : {}) };
  if (text.length < 2 || text.length > MAX_SUGGEST_LENGTH) return none;
  const [cards, fields, offers] = await Promise.all([
    suggestOrganizations(text, SUGGESTIONS_PER_KIND),
    matchingFields(text, lang, { every: true }),
    list === "offers" ? suggestOffers(text, SUGGESTIONS_PER_KIND, lang) : null,
  ]);
  const name = (card: (typeof cards)[number]) =>
    (lang === "vi" ? card.nameVi || card.nameEn : card.nameEn || card.nameVi) ?? card.slug;
  return {
    organizations: cards.map((card) => ({ slug: card.slug, name: name(card) })),
    fields: fields.slice(0, SUGGESTIONS_PER_KIND),
    ...(offers
      ? {
          offers: offers.map((offer) => ({
            id: offer.id,
            name: pick(lang, offer.nameVi, offer.nameEn),
            type: offer.type,
          })),
        }
      : {}),
  };
}

/** What the same words find without the filters: how many, and where (field or area slugs, most first). */
export type Unfiltered = { total: number; taxonomy: Record<string, number> };

/**
 * The ways out of an empty list; `withoutFilters` only when the search had filters.
 * Related fields: those the words find without the filters, then those named like them.
 */
export async function noResultsHelp(
  q: string,
  lang: Language,
  withoutFilters: (() => Promise<Unfiltered>) | null,
): Promise<NoResultsHelp> {
  const [unfiltered, didYouMean, taxonomy] = await Promise.all([
    withoutFilters ? withoutFilters() : null,
    q ? spellingNear(q) : null,
    getTaxonomy(),
  ]);
  const found = Object.entries(unfiltered?.taxonomy ?? {})
    .sort((a, b) => b[1] - a[1])
    .map(([slug]) => taxonomy.bySlug.get(slug))
    .filter((field): field is TaxonomyField => Boolean(field))
    .map((field) => fieldChoice(field, lang));
  const named = q ? await matchingFields(didYouMean ?? q, lang, { every: false }) : [];
  const fields = [...new Map([...found, ...named].map((field) => [field.slug, field])).values()];
  return { withoutFilters: unfiltered?.total ?? null, didYouMean, fields: fields.slice(0, 6) };
}

function fieldChoice(field: TaxonomyField, lang: Language): FieldChoice {
  // An area is its own area (the lists filtered by area).
  const label = lang === "vi" ? field.nameVi : field.nameEn;
  return { slug: field.slug, areaSlug: field.areaSlug ?? field.slug, label };
}

/**
 * Fields whose name (in either language) has words starting with the query's:
 * all of them while typing (`every`), any for related fields (most matches first).
 */
async function matchingFields(q: string, lang: Language, { every }: { every: boolean }): Promise<FieldChoice[]> {
  const terms = queryTerms(q).filter((term) => term.length >= (every ? 1 : 3));
  if (terms.length === 0) return [];
  const scored: { field: TaxonomyField; score: number }[] = [];
  for (const { field, words } of fieldWords(await getTaxonomy())) {
    const score = terms.filter((term) => words.some((word) => word.startsWith(term))).length;
    if (every ? score === terms.length : score > 0) scored.push({ field, score });
  }
  return scored.sort((a, b) => b.score - a.score).map(({ field }) => fieldChoice(field, lang));
}

const fieldWordLists = new WeakMap<Taxonomy, { field: TaxonomyField; words: string[] }[]>();

/** Each field's name words in both languages, folded once per taxonomy rather than on every keystroke. */
function fieldWords(taxonomy: Taxonomy) {
  let lists = fieldWordLists.get(taxonomy);
  if (!lists) {
    lists = taxonomy.fields.map((field) => ({ field, words: queryTerms(`${field.nameVi} ${field.nameEn}`) }));
    fieldWordLists.set(taxonomy, lists);
  }
  return lists;
}

/**
 * The words "did you mean" may offer: at most this many distinct words of published
 * organization names, the most frequent first, with the taxonomy's. Bounded by
 * design, whatever the size of the directory (docs/decisions/048).
 */
export const VOCABULARY_WORDS = 20_000;

/** Read at most once per state of the data, as one aggregated query; a few words of a new name can wait. */
const vocabularyCache = dataCache<{ words: string[]; known: Set<string> }>("search-vocabulary", {
  max: 1,
  ttlMs: 10 * 60_000,
});

/**
 * The names' folded words counted by SQLite itself: each sort name (folded, lower
 * case) and acronym becomes a JSON array of its space-separated words, which
 * json_each unnests for GROUP BY. Only the top words by count come back.
 */
export async function nameWords(limit: number): Promise<{ word: string; n: number }[]> {
  // On the read workers: at 100,000 listings this took a second, on the first search without
  // results after each change of the data, with every other request waiting on the app's thread.
  const rows = await readRows<{ word: string; n: number | bigint }>(
    Prisma.sql`
    WITH names(name) AS (
      SELECT sortNameVi FROM Organization WHERE status = 'published'
      UNION ALL SELECT sortNameEn FROM Organization WHERE status = 'published' AND sortNameEn <> ''
      UNION ALL SELECT lower(acronym) FROM Organization WHERE status = 'published' AND acronym IS NOT NULL
    ),
    arrays(words) AS (
      SELECT '["' || replace(replace(replace(replace(replace(replace(name,
        '\\', '\\\\'), '"', '\\"'), char(9), ' '), char(10), ' '), char(13), ' '), ' ', '","') || '"]'
      FROM names
    ),
    -- A name with another control character would not be valid JSON: its words are left out.
    valid(words) AS (SELECT words FROM arrays WHERE json_valid(words))
    SELECT w.value AS word, COUNT(*) AS n FROM valid, json_each(valid.words) w
    WHERE length(w.value) >= 2 GROUP BY w.value ORDER BY n DESC LIMIT ${limit}`,
    prisma,
  );
  return rows.map((row) => ({ word: row.word, n: Number(row.n) }));
}

function vocabulary(): Promise<{ words: string[]; known: Set<string> }> {
  return vocabularyCache.fetch("words", async () => {
    const [names, taxonomy] = await Promise.all([nameWords(VOCABULARY_WORDS), getTaxonomy()]);
    const all = new Set<string>();
    const add = (text: string | null) => {
      for (const word of queryTerms(text ?? "")) if (word.length >= 2) all.add(word);
    };
    for (const field of [...taxonomy.areas, ...taxonomy.fields]) [field.nameVi, field.nameEn].forEach(add);
    // Most frequent first: among equally close words, closest() keeps the first.
    for (const { word } of names) add(word);
    return { words: [...all], known: all };
  });
}

/**
 * The query with each unknown word replaced by the closest known one (at most
 * two edits, one for short words); null when every word is known or nothing is close.
 */
async function spellingNear(q: string): Promise<string | null> {
  const { words, known } = await vocabulary();
  const terms = queryTerms(q).slice(0, 8);
  let changed = false;
  const corrected = terms.map((term) => {
    if (known.has(term) || term.length < 3 || /^\d+$/.test(term)) return term;
    const candidates = words.filter((word) => Math.abs(word.length - term.length) <= 2);
    if (candidates.length === 0) return term;
    const best = closest(term, candidates);
    if (distance(term, best) > (term.length <= 5 ? 1 : 2)) return term;
    changed = true;
    return best;
  });
  return changed ? corrected.join(" ") : null;
}
