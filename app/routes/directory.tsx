import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ConceptChip } from "~/components/concept-chip";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { QueryProblems } from "~/components/query-problems";
import { FacetGroup, type FacetOption } from "~/components/facet-group";
import { OrganizationCard } from "~/components/organization-card";
import { Pagination } from "~/components/pagination";
import { Notice } from "~/components/ui/notice";
import { formatNumber, translator, useLanguage, useT, type Language } from "~/i18n/i18n";
import { searchDirectory } from "~/models/search-gateway.server";
import { noResultsHelp } from "~/models/search-help.server";
import { ListSearch } from "~/components/list-search";
import { NoResults } from "~/components/no-results";
import type { RouteHandle } from "~/server/route-handles.server";
import { shareResponse } from "~/utils/answer-sharing";
import { getTaxonomy } from "~/models/field.server";
import {
  directorySearch,
  hasFilters,
  MAX_PAGE,
  MAX_QUERY_LENGTH,
  PAGE_SIZE,
  parseDirectoryQuery,
  SORTS,
  type DirectoryQuery,
} from "~/utils/directory-query";
import { findDistrict } from "~/domain/districts";
import { getLanguage } from "~/i18n/language.server";
import { ORGANIZATION_KINDS } from "~/domain/organization-values";
import { toCardView } from "~/components/organization-view";
import { titled } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => {
  const q = args.data?.query.q;
  return titled(args, (t) => `${q ? `${q} · ` : ""}${t("directory.title")}`, {
    description: (t) => t("directory.metaDescription"),
  });
};

/** Its data requests are the same for everyone: kept whole and sent again (docs/decisions/020). */
export const handle: RouteHandle = { sharedAnswer: true };

/** Field options beyond these (by count) are left out; the search box finds any field. */
const MAX_FIELD_OPTIONS = 40;

export async function loader({ request, context }: LoaderFunctionArgs) {
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

  const result = await searchDirectory({ ...query, lang, perPage: PAGE_SIZE });
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
      ? await noResultsHelp(query.q, lang, hasFilters(query) ? () => countWithoutFilters(query, lang) : null)
      : null;
  const t = translator(lang);
  const facets: DirectoryFacets = {
    kind: ORGANIZATION_KINDS.map((kind) => ({
      value: kind,
      label: t(`kinds.${kind}`),
      count: result.facets.kind[kind] ?? 0,
      selected: query.kinds.includes(kind),
    })),
    area: result.facetsWithoutCounts?.includes("area")
      ? taxonomy.areas.map((area) => ({
          value: area.slug,
          label: taxonomyLabel(area.slug),
          count: null,
          selected: query.areas.includes(area.slug),
        }))
      : facetOptions(result.facets.area, query.areas, taxonomyLabel, lang),
    field: result.facetsWithoutCounts?.includes("field")
      ? query.fields.map((slug) => ({ value: slug, label: taxonomyLabel(slug), count: null, selected: true }))
      : facetOptions(result.facets.field, query.fields, taxonomyLabel, lang, MAX_FIELD_OPTIONS),
    district: facetOptions(result.facets.district, query.districts, (slug) => findDistrict(slug)?.[lang] ?? slug, lang),
    verifiedCount: result.facets.verified["true"] ?? 0,
  };
  // Bad values were dropped from the search; it still runs with the rest, and
  // the page says what was wrong (status 400, so links and tools notice too).
  return data(
    {
      lang,
      query,
      problems,
      outOfRange,
      partial: Boolean(result.partial),
      concepts: result.concepts.map(taxonomyLabel),
      mode: result.mode,
      total: result.total,
      pages,
      results: result.results.map(({ organization, highlights }) => toCardView(organization, lang, highlights)),
      facets,
      help,
    },
    { status: problems.length > 0 ? 400 : outOfRange ? 404 : 200 },
  );
}

/** The same words without any filter: the count, and the fields they find. */
async function countWithoutFilters(query: DirectoryQuery, lang: Language) {
  const none = { kinds: [], areas: [], fields: [], districts: [], wards: [], verifiedOnly: false };
  const found = await searchDirectory({ ...query, ...none, page: 1, lang, perPage: 1 });
  return { total: found.total, taxonomy: found.facets.field };
}

type DirectoryFacets = {
  kind: FacetOption[];
  area: FacetOption[];
  field: FacetOption[];
  district: FacetOption[];
  verifiedCount: number;
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

export default function Directory() {
  const loaderData = useLoaderData<typeof loader>();
  const { query, problems, outOfRange, partial, concepts, mode, total, pages, results, facets, help } = loaderData;
  const t = useT();
  const lang = useLanguage();
  // The longer groups fold their tail (selected options always show).
  const groups = [
    { name: "area", legend: t("directory.facet.area"), options: facets.area, visible: 8 },
    { name: "field", legend: t("directory.facet.field"), options: facets.field, visible: 10 },
    { name: "district", legend: t("directory.facet.district"), options: facets.district, visible: 8 },
  ];

  return (
    <div>
      <h1 className="mb-4 text-2xl font-bold">{t("directory.title")}</h1>
      <ListSearch
        action="/directory"
        inputId="q"
        label={t("directory.searchLabel")}
        placeholder={t("directory.searchPlaceholder")}
        q={query.q}
        maxLength={MAX_QUERY_LENGTH}
        total={total}
        defaults={{ sort: "relevance" }}
        fieldParam={(field) => ["field", field.slug]}
        filtersOpen={hasFilters(query)}
        controls={
          <div>
            <label htmlFor="sort" className="block text-sm font-medium text-slate-700">
              {t("directory.sort")}
            </label>
            <select
              id="sort"
              name="sort"
              defaultValue={query.sort}
              key={query.sort}
              className="mt-1 w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 sm:w-auto"
            >
              {SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`directory.sort.${sort}`)}
                </option>
              ))}
            </select>
          </div>
        }
        filters={
          <>
            <FacetGroup legend={t("directory.facet.kind")} name="kind" options={facets.kind} lang={lang} />
            <fieldset>
              <legend className="text-sm font-semibold text-slate-800">{t("directory.facet.verified")}</legend>
              <label className="mt-2 flex items-center gap-2 text-sm">
                <input
                  id="facet-verified"
                  type="checkbox"
                  name="verified"
                  value="1"
                  defaultChecked={query.verifiedOnly}
                  key={String(query.verifiedOnly)}
                  className="size-4"
                />
                <span>{t("directory.verifiedOnly")}</span>
                <span className="ml-auto text-slate-500">{formatNumber(lang, facets.verifiedCount)}</span>
              </label>
            </fieldset>
            {groups.map((group) => (
              <FacetGroup key={group.name} {...group} lang={lang} />
            ))}
          </>
        }
      >
        <h2 id="results-heading" className="sr-only">
          {t("directory.title")}
        </h2>
        <ConceptChip
          labels={concepts}
          removeTo={`/directory${directorySearch({ ...query, concepts: false, page: 1 })}`}
        />
        <ResultsSummary query={query} total={total} />
        {problems.length > 0 ? (
          <div className="mb-4">
            <QueryProblems problems={problems} />
          </div>
        ) : null}
        {partial ? (
          <div className="mb-4">
            <Notice>{t("directory.partialNotice")}</Notice>
          </div>
        ) : null}
        {mode === "database" ? (
          <div className="mb-4">
            <Notice tone="warning">{t("directory.fallbackNotice")}</Notice>
          </div>
        ) : null}
        <ActiveFilters query={query} facets={facets} />
        {outOfRange ? (
          <Notice tone="warning" role="alert">
            {t("directory.pageOutOfRange", outOfRange)}{" "}
            <Link
              className="font-semibold underline"
              to={`/directory${directorySearch({ ...query, page: outOfRange.pages })}`}
            >
              {t("directory.lastPage")}
            </Link>
          </Notice>
        ) : null}
        {help ? (
          <NoResults
            q={query.q}
            help={help}
            withoutFiltersHref={`/directory${directorySearch({ q: query.q, sort: query.sort })}`}
            queryHref={(q) => `/directory${directorySearch({ ...query, q, page: 1 })}`}
            fieldHref={(field) => `/directory${directorySearch({ fields: [field.slug] })}`}
          >
            <p className="text-slate-600">{t("directory.noResultsHint")}</p>
            <p>
              <Link to="/organizations/new" className="text-brand-700 underline">
                {t("listing.new.link")}
              </Link>
            </p>
          </NoResults>
        ) : null}
        <ol id="result-list" className="space-y-3">
          {results.map((organization) => (
            <li key={organization.slug}>
              <OrganizationCard organization={organization} />
            </li>
          ))}
        </ol>
        {pages > 1 && !outOfRange ? <Pagination query={query} pages={pages} /> : null}
      </ListSearch>
    </div>
  );
}

function ResultsSummary({ query, total }: { query: DirectoryQuery; total: number }) {
  const t = useT();
  const lang = useLanguage();
  const count = formatNumber(lang, total);
  return (
    // A pasted address is one long word: it wraps anywhere rather than widening the page.
    <p role="status" aria-live="polite" className="mb-3 text-sm text-slate-700 [overflow-wrap:anywhere]">
      {query.q ? t("directory.resultsFor", { count, q: query.q }) : t("directory.results", { count })}
    </p>
  );
}

function ActiveFilters({ query, facets }: { query: DirectoryQuery; facets: DirectoryFacets }) {
  const t = useT();
  const lang = useLanguage();
  if (!hasFilters(query)) return null;
  const labelIn = (options: FacetOption[], value: string) =>
    options.find((option) => option.value === value)?.label ?? value;
  const chips: { key: string; label: string; without: Partial<DirectoryQuery> }[] = [
    ...query.kinds.map((kind) => ({
      key: `kind:${kind}`,
      label: t(`kinds.${kind}` as "kinds.lab"),
      without: { kinds: query.kinds.filter((k) => k !== kind) },
    })),
    ...query.areas.map((area) => ({
      key: `area:${area}`,
      label: labelIn(facets.area, area),
      without: { areas: query.areas.filter((a) => a !== area) },
    })),
    ...query.fields.map((field) => ({
      key: `field:${field}`,
      label: labelIn(facets.field, field),
      without: { fields: query.fields.filter((f) => f !== field) },
    })),
    ...query.districts.map((district) => ({
      key: `district:${district}`,
      label: findDistrict(district)?.[lang] ?? district,
      without: { districts: query.districts.filter((d) => d !== district) },
    })),
    ...(query.verifiedOnly
      ? [{ key: "verified", label: t("directory.facet.verified"), without: { verifiedOnly: false } }]
      : []),
  ];
  return (
    <div className="mb-4 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600">{t("directory.activeFilters")}:</span>
      {chips.map((chip) => (
        <Link
          key={chip.key}
          to={`/directory${directorySearch({ ...query, ...chip.without, page: 1 })}`}
          aria-label={t("directory.removeFilter", { label: chip.label })}
          preventScrollReset
          className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-3 py-1 font-medium text-brand-800 ring-1 ring-brand-100 hover:bg-brand-100"
        >
          {chip.label} <span aria-hidden>×</span>
        </Link>
      ))}
      <Link to={`/directory${directorySearch({ q: query.q, sort: query.sort })}`} className="text-brand-700 underline">
        {t("directory.clearFilters")}
      </Link>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
