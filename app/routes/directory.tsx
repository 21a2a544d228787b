import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { QueryProblems } from "~/components/query-problems";
import { ConceptChip } from "~/components/concept-chip";
import { FacetGroup, type FacetOption } from "~/components/facet-group";
import { OrganizationCard } from "~/components/organization-card";
import { Pagination } from "~/components/pagination";
import { Notice } from "~/components/ui/notice";
import { formatNumber, translator, useLanguage, useT, type Language } from "~/i18n/i18n";
import { searchDirectory } from "~/models/search-gateway.server";
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
import { useDebouncedCallback, useHydrated } from "~/utils/hooks";
import { cx } from "~/utils/misc";
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
    },
    { status: problems.length > 0 ? 400 : outOfRange ? 404 : 200 },
  );
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
  const { query, problems, outOfRange, partial, concepts, mode, total, pages, results, facets } = loaderData;
  const t = useT();
  const lang = useLanguage();
  const submit = useSubmit();
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const location = useLocation();
  const searching = navigation.state === "loading" && navigation.location.pathname === "/directory";
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  // A filter that changes the results re-renders its checkbox (selected options move to the top),
  // which drops the keyboard's focus to <body>: put it back on the control that was used.
  const focusAfterSearch = useRef<string | null>(null);
  useEffect(() => {
    const id = focusAfterSearch.current;
    if (!id || searching) return;
    focusAfterSearch.current = null;
    if (document.activeElement === document.body || document.activeElement === null)
      document.getElementById(id)?.focus();
  }, [searching, location.search]);

  // Keep the box in step with the URL (back/forward, links), but never under the user's fingers.
  useEffect(() => {
    const input = inputRef.current;
    if (input && document.activeElement !== input && input.value !== query.q) input.value = query.q;
  }, [query.q]);

  // Submits the form's state as a short URL (no empty box, no default sort).
  // Typing adds one history entry, then keeps replacing it, so Back returns to
  // the page as it was before typing, not to every prefix typed.
  const submitForm = ({ typing }: { typing: boolean }) => {
    if (!formRef.current) return;
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(formRef.current)) {
      if (typeof value !== "string") continue;
      if ((name === "q" && value.trim() === "") || (name === "sort" && value === "relevance")) continue;
      params.append(name, name === "q" ? value.trim() : value);
    }
    if (`?${params}` === location.search || (params.size === 0 && location.search === "")) return;
    const replace = typing && (location.state as { typing?: boolean } | null)?.typing === true;
    if (!typing && document.activeElement?.id) focusAfterSearch.current = document.activeElement.id;
    submit(params, { method: "get", action: "/directory", preventScrollReset: true, replace, state: { typing } });
  };
  const submitTyping = useDebouncedCallback(() => submitForm({ typing: true }), 250);

  return (
    <div>
      <h1 className="text-2xl font-bold">{t("directory.title")}</h1>
      <Form
        ref={formRef}
        method="get"
        action="/directory"
        role="search"
        className="mt-4"
        onChange={(event) => {
          const target = event.target as HTMLElement;
          if (target instanceof HTMLInputElement && target.name === "q") submitTyping();
          else submitForm({ typing: false });
        }}
        onSubmit={(event) => {
          event.preventDefault();
          submitTyping.cancel();
          submitForm({ typing: false });
        }}
      >
        <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <label htmlFor="q" className="block text-sm font-medium text-slate-700">
              {t("directory.searchLabel")}
            </label>
            <input
              ref={inputRef}
              id="q"
              name="q"
              type="search"
              defaultValue={query.q}
              maxLength={MAX_QUERY_LENGTH}
              autoComplete="off"
              placeholder={t("directory.searchPlaceholder")}
              className="mt-1 w-full rounded-lg border border-slate-300 bg-white px-4 py-2.5 text-base"
            />
          </div>
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
          <button
            type="submit"
            className="rounded-lg bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800"
          >
            {t("directory.submit")}
          </button>
        </div>
        {/* The filters hold dozens of checkboxes: the keyboard can jump over them. */}
        <a
          href="#result-list"
          className="sr-only focus:not-sr-only focus:mt-2 focus:inline-block focus:rounded focus:px-2 focus:py-1 focus:text-brand-700 focus:underline"
        >
          {t("directory.skipToResults")}
        </a>

        <div className="relative mt-2 h-1 overflow-hidden rounded" aria-hidden>
          {searching ? <div className="progress-indeterminate absolute inset-y-0 w-2/5 rounded bg-brand-600" /> : null}
        </div>

        <div className="mt-4 grid gap-6 lg:grid-cols-[16rem_1fr]">
          <details
            className="filters-panel self-start rounded-xl border border-slate-200 bg-white p-4 lg:border-0 lg:bg-transparent lg:p-0"
            open={hasFilters(query) || undefined}
          >
            <summary className="cursor-pointer font-semibold">{t("directory.filters")}</summary>
            <div className="mt-3 space-y-5 lg:mt-0">
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
              <FacetGroup
                legend={t("directory.facet.area")}
                name="area"
                options={facets.area}
                lang={lang}
                visible={8}
              />
              <FacetGroup
                legend={t("directory.facet.field")}
                name="field"
                options={facets.field}
                lang={lang}
                visible={10}
              />
              <FacetGroup
                legend={t("directory.facet.district")}
                name="district"
                options={facets.district}
                lang={lang}
                visible={8}
              />
              <div className={cx("sticky bottom-0 flex flex-wrap gap-2 bg-white py-2", hydrated && "lg:hidden")}>
                {hydrated ? (
                  // With JavaScript the filters apply at once; on a phone the results are far below.
                  <a href="#results" className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white">
                    {t("directory.showResults", { count: formatNumber(lang, total) })}
                  </a>
                ) : (
                  <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white">
                    {t("directory.applyFilters")}
                  </button>
                )}
              </div>
            </div>
          </details>

          <section id="results" aria-labelledby="results-heading" aria-busy={searching} className="min-w-0 scroll-mt-4">
            <h2 id="results-heading" className="sr-only">
              {t("directory.title")}
            </h2>
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
            <ConceptChip
              labels={concepts}
              removeTo={`/directory${directorySearch({ ...query, concepts: false, page: 1 })}`}
            />
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
            {!outOfRange && results.length === 0 ? (
              <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
                <p className="font-semibold">{t("directory.noResults")}</p>
                <p className="mt-1 text-sm text-slate-600">{t("directory.noResultsHint")}</p>
                <p className="mt-3 text-sm">
                  <Link to="/organizations/new" className="text-brand-700 underline">
                    {t("listing.new.link")}
                  </Link>
                </p>
              </div>
            ) : null}
            <ol id="result-list" className="space-y-3">
              {results.map((organization) => (
                <li key={organization.slug}>
                  <OrganizationCard organization={organization} />
                </li>
              ))}
            </ol>
            {pages > 1 && !outOfRange ? <Pagination query={query} pages={pages} /> : null}
          </section>
        </div>
      </Form>
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
