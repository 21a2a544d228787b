import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import { Link, useLoaderData } from "@remix-run/react";
import { ConceptChip } from "~/components/concept-chip";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SaveSearch } from "~/components/save-search";
import { QueryProblems } from "~/components/query-problems";
import { FacetGroup, type FacetOption } from "~/components/facet-group";
import { OrganizationCard } from "~/components/organization-card";
import { Pagination } from "~/components/pagination";
import { Notice } from "~/components/ui/notice";
import { formatNumber, useLanguage, useT } from "~/i18n/i18n";
import { ListSearch, takeTypingNavigation } from "~/components/list-search";
import { NoResults } from "~/components/no-results";
import { SortSelect } from "~/components/sort-select";
import type { RouteHandle } from "~/server/route-handles.server";
import { directoryPage, type DirectoryFacets } from "./__directory-data.server";
import { directorySearch, hasFilters, MAX_QUERY_LENGTH, type DirectoryQuery } from "~/utils/directory-query";
import { findDistrict } from "~/domain/districts";
import { titled } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => {
  const q = args.data?.query.q;
  return titled(args, (t) => `${q ? `${q} · ` : ""}${t("directory.title")}`, {
    description: (t) => t("directory.metaDescription"),
  });
};

/** Its data requests are the same for everyone: kept whole and sent again (docs/decisions/020). */
export const handle: RouteHandle = { sharedAnswer: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { body, status } = await directoryPage(request, context, { facets: true });
  return data(body, { status });
}

/**
 * A keystroke's answer (useListSearch marked the navigation as typing) comes without
 * facet counts from the typing route; every other load, and the revalidation once
 * typing settles, from the loader. Never on the first load (no `hydrate`).
 */
export async function clientLoader({ request, serverLoader }: ClientLoaderFunctionArgs) {
  if (takeTypingNavigation()) {
    const answer = await fetch(`/directory/typing${new URL(request.url).search}`, { signal: request.signal });
    if (answer.headers.get("content-type")?.startsWith("application/json")) {
      return (await answer.json()) as Awaited<ReturnType<typeof directoryPage>>["body"];
    }
  }
  return serverLoader<typeof loader>();
}

export default function Directory() {
  const loaderData = useLoaderData<typeof loader>();
  const {
    query,
    problems,
    outOfRange,
    partial,
    concepts,
    mode,
    total,
    totalAtLeast,
    pages,
    results,
    facets,
    help,
    countsLater,
  } = loaderData;
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
        countsLater={countsLater}
        filtersOpen={hasFilters(query)}
        controls={<SortSelect id="sort" sort={query.sort} />}
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
                {facets.verifiedCount === null ? null : (
                  <span className="ml-auto text-slate-500">{formatNumber(lang, facets.verifiedCount)}</span>
                )}
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
        <ResultsSummary query={query} total={total} atLeast={totalAtLeast} />
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
      <div className="mt-6">
        <SaveSearch list="directory" />
      </div>
    </div>
  );
}

function ResultsSummary({ query, total, atLeast }: { query: DirectoryQuery; total: number; atLeast: boolean }) {
  const t = useT();
  const lang = useLanguage();
  const count = `${formatNumber(lang, total)}${atLeast ? "+" : ""}`;
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
