import type { LoaderFunctionArgs } from "@remix-run/node";
import type { FacetName } from "#search/organization-search";
import type { FacetOption } from "~/components/facet-group";
import { toCardView } from "~/components/organization-view";
import { findDistrict } from "~/domain/districts";
import { ORGANIZATION_KINDS } from "~/domain/organization-values";
import { translator, type Language } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { getTaxonomy } from "~/models/field.server";
import { searchDirectory } from "~/models/search-gateway.server";
import { noResultsHelp } from "~/models/search-help.server";
import { shareResponse } from "~/utils/answer-sharing";
import { timed } from "~/utils/server-timing";
import { hasFilters, MAX_PAGE, PAGE_SIZE, parseDirectoryQuery, type DirectoryQuery } from "~/utils/directory-query";

/**
 * The directory's data, for its loader (with facet counts) and for the answer to
 * a keystroke (routes/directory_.typing.ts, without them).
 */

/** Field options beyond these (by count) are left out; the search box finds any field. */
const MAX_FIELD_OPTIONS = 40;

/**
 * The page's data. `facets: false` (the answer to a keystroke, routes/directory_.typing.ts)
 * leaves the counts out: one engine query instead of one per facet in use (docs/decisions/048).
 */
export function directoryPage(request: Request, context: LoaderFunctionArgs["context"], options: { facets: boolean }) {
  return timed("loader", () => buildDirectoryPage(request, context, options));
}

async function buildDirectoryPage(
  request: Request,
  context: LoaderFunctionArgs["context"],
  { facets: counted }: { facets: boolean },
) {
  const lang = await getLanguage(request);
  const { query, problems } = parseDirectoryQuery(new URL(request.url).searchParams);
  const taxonomy = await getTaxonomy();
  for (const area of query.areas) {
    const found = taxonomy.bySlug.get(area);
    if (!found || found.areaSlug !== null) problems.push({ key: "error.area.unknown", params: { value: area } });
  }
  for (const field of query.fields) {
    const found = taxonomy.bySlug.get(field);
    if (!found || found.areaSlug === null) problems.push({ key: "error.field.unknown", params: { value: field } });
  }

  const result = await searchDirectory({ ...query, lang, perPage: PAGE_SIZE, facets: counted });
  // Nothing here is personal: an engine answer can be sent again to the next person who asks
  // the same (a simplified database answer is not kept: the engine may be back any moment).
  if (result.mode === "engine") shareResponse(context, lang);
  const pages = Math.min(MAX_PAGE, Math.max(1, Math.ceil(result.total / PAGE_SIZE)));
  const outOfRange = result.total > 0 && query.page > pages ? { page: query.page, pages } : null;
  const taxonomyLabel = (slug: string) => {
    const found = taxonomy.bySlug.get(slug);
    return found ? (lang === "vi" ? found.nameVi : found.nameEn) : slug;
  };
  // Zero results (not a page past the end): the ways out (components/no-results.tsx).
  const help =
    result.total === 0
      ? await timed("help", () =>
          noResultsHelp(query.q, lang, hasFilters(query) ? () => countWithoutFilters(query, lang) : null),
        )
      : null;
  const t = translator(lang);
  const districtLabel = (slug: string) => findDistrict(slug)?.[lang] ?? slug;
  const uncounted = (facet: FacetName) => result.facetsWithoutCounts?.includes(facet) ?? false;
  const facets: DirectoryFacets = {
    kind: ORGANIZATION_KINDS.map((kind) => ({
      value: kind,
      label: t(`kinds.${kind}`),
      count: uncounted("kind") ? null : (result.facets.kind[kind] ?? 0),
      selected: query.kinds.includes(kind),
    })),
    area: uncounted("area")
      ? taxonomy.areas.map((area) => ({
          value: area.slug,
          label: taxonomyLabel(area.slug),
          count: null,
          selected: query.areas.includes(area.slug),
        }))
      : facetOptions(result.facets.area, query.areas, taxonomyLabel, lang),
    field: uncounted("field")
      ? query.fields.map((slug) => ({ value: slug, label: taxonomyLabel(slug), count: null, selected: true }))
      : facetOptions(result.facets.field, query.fields, taxonomyLabel, lang, MAX_FIELD_OPTIONS),
    district: uncounted("district")
      ? query.districts.map((slug) => ({ value: slug, label: districtLabel(slug), count: null, selected: true }))
      : facetOptions(result.facets.district, query.districts, districtLabel, lang),
    verifiedCount: uncounted("verified") ? null : (result.facets.verified["true"] ?? 0),
  };
  // Bad values were dropped from the search; it still runs with the rest, and
  // the page says what was wrong (status 400, so links and tools notice too).
  const body = {
    lang,
    query,
    problems,
    outOfRange,
    partial: Boolean(result.partial),
    concepts: result.concepts.map(taxonomyLabel),
    mode: result.mode,
    total: result.total,
    /** The fallback stopped counting at `total` (a broad match with the engine down) */
    totalAtLeast: Boolean(result.totalAtLeast),
    pages,
    results: result.results.map(({ organization, highlights }) => toCardView(organization, lang, highlights)),
    facets,
    help,
    /** A keystroke's answer: the counts come once typing settles (components/list-search.tsx) */
    countsLater: !counted,
  };
  return { body, status: problems.length > 0 ? 400 : outOfRange ? 404 : 200 };
}

/** The same words without any filter: the count, and the fields they find. */
async function countWithoutFilters(query: DirectoryQuery, lang: Language) {
  const none = { kinds: [], areas: [], fields: [], districts: [], wards: [], verifiedOnly: false };
  const found = await searchDirectory({ ...query, ...none, page: 1, lang, perPage: 1 });
  return { total: found.total, taxonomy: found.facets.field };
}

export type DirectoryFacets = {
  kind: FacetOption[];
  area: FacetOption[];
  field: FacetOption[];
  district: FacetOption[];
  verifiedCount: number | null;
};

const collators = new Map<Language, Intl.Collator>();
/** One collator per language: creating one per comparison (localeCompare) is slow. */
function collator(lang: Language) {
  let found = collators.get(lang);
  if (!found) collators.set(lang, (found = new Intl.Collator(lang)));
  return found;
}

/** Options by count (then name); selected ones always included, even at zero. */
function facetOptions(
  counts: Record<string, number>,
  selected: string[],
  label: (value: string) => string,
  lang: Language,
  limit = Number.POSITIVE_INFINITY,
): FacetOption[] {
  const options = Object.entries(counts)
    .map(([value, count]) => ({ value, count, label: label(value), selected: selected.includes(value) }))
    .sort((a, b) => b.count - a.count || collator(lang).compare(a.label, b.label));
  const kept = options.filter((option, i) => i < limit || option.selected);
  for (const value of selected) {
    if (!(value in counts)) kept.unshift({ value, count: 0, label: label(value), selected: true });
  }
  return kept;
}
