import type { ComponentProps, ReactNode } from "react";
import { formatNumber, useLanguage, useT } from "~/i18n/i18n";
import {
  LISTS,
  listingSearch,
  MAX_QUERY_LENGTH,
  type ListingParams,
  type ListName,
  type QueryProblem,
  withoutListingFilters,
} from "~/utils/listing-query";
import { ConceptChip } from "./concept-chip";
import { FacetGroup, type FacetOption } from "./facet-group";
import { ListSearch } from "./list-search";
import { NoResults, type NoResultsHelp } from "./no-results";
import { QueryProblems } from "./query-problems";
import { SimplePager } from "./simple-pager";
import { Notice } from "./ui/notice";

/**
 * The search, filters and results of a list filtered by area and one list-specific
 * facet (experts by offer, requests by sector, the offers to come), around the
 * list's own cards (`children`, the <li> items).
 */
export function ListingSearch({
  list,
  found,
  label,
  placeholder,
  extraLegend,
  resultsText,
  action: actionPath,
  children,
}: {
  list: ListName;
  found: {
    params: ListingParams;
    problems: QueryProblem[];
    mode: "engine" | "database";
    total: number;
    pages: number;
    areas: FacetOption[];
    extra: FacetOption[];
    /** Requests: who posted them (business or public agency); empty for experts */
    requester?: FacetOption[];
    /** Experts: in Vietnam or abroad, and the countries abroad (docs/decisions/076) */
    based?: FacetOption[];
    countries?: FacetOption[];
    /** Experts: only those whose affiliation is verified */
    verified?: FacetOption[];
    help: NoResultsHelp | null;
    /** The fields the words were read as (the concept layer): the removable chip */
    concepts: string[];
  };
  label: string;
  placeholder?: string;
  extraLegend: string;
  resultsText: (count: string) => string;
  /** Where the form and links go: the list's page unless another page shows it (/experts/overseas) */
  action?: string;
  children: ReactNode;
}) {
  const t = useT();
  const lang = useLanguage();
  const { params, areas, extra, requester, based, countries, verified, total } = found;
  const action = actionPath ?? `/${list}`;
  const extraName = LISTS[list].extraName;
  const href = (change: Partial<ListingParams>) => `${action}${listingSearch({ ...params, ...change }, list, 1)}`;
  const facetGroups = [
    { legend: t("experts.facet.area"), name: "area", options: areas },
    { legend: extraLegend, name: extraName, options: extra },
    { legend: t("requester.facet"), name: "requester", options: requester },
    { legend: t("overseas.facet"), name: "based", options: based },
    { legend: t("overseas.facet.country"), name: "country", options: countries },
    { legend: t("experts.facet.verified"), name: "verified", options: verified },
  ];
  return (
    <ListSearch
      action={action}
      inputId={`${list}-q`}
      label={label}
      placeholder={placeholder}
      q={params.q}
      maxLength={MAX_QUERY_LENGTH}
      total={total}
      // These lists filter by area: a chosen field narrows to its area.
      fieldParam={(field) => ["area", field.areaSlug]}
      filtersOpen={
        params.areas.length > 0 ||
        params.extra.length > 0 ||
        [requester, based, countries, verified].some((options) => Boolean(options?.some((o) => o.selected)))
      }
      filters={
        <>
          {/* A group with no options (another list's, or nothing counted) renders nothing. */}
          {facetGroups.map((group) => (
            <FacetGroup key={group.name} {...group} options={group.options ?? []} lang={lang} visible={8} />
          ))}
        </>
      }
    >
      <ListingResults
        found={found}
        resultsText={resultsText}
        removeConceptsTo={href({ concepts: false })}
        noResults={{
          withoutFiltersHref: href(withoutListingFilters()),
          queryHref: (q) => href({ q }),
          fieldHref: (field) => href({ q: "", areas: [field.areaSlug], extra: [] }),
        }}
        pageHref={(page) => `${action}${listingSearch(params, list, page)}`}
      >
        {children}
      </ListingResults>
    </ListSearch>
  );
}

/**
 * The results column of a list with the shared search (experts, requests,
 * offers): the concept chip, the count, problems and notices, the ways out of
 * zero results, the list items (`children`) and the pager.
 */
export function ListingResults({
  found,
  resultsText,
  removeConceptsTo,
  noResults,
  empty,
  pageHref,
  children,
}: {
  found: {
    params: { q: string; page: number };
    problems: QueryProblem[];
    mode: "engine" | "database";
    total: number;
    /** The total is a floor ("1,000+"): the fallback stopped counting */
    totalAtLeast?: boolean;
    pages: number;
    help: NoResultsHelp | null;
    concepts: string[];
  };
  resultsText: (count: string) => string;
  removeConceptsTo: string;
  noResults: Pick<ComponentProps<typeof NoResults>, "withoutFiltersHref" | "queryHref" | "fieldHref">;
  /** What an empty list says when there is no help to give (nothing was searched for) */
  empty?: string;
  pageHref: (page: number) => string;
  children: ReactNode;
}) {
  const t = useT();
  const lang = useLanguage();
  const { params, problems, mode, total, pages, help, concepts } = found;
  return (
    <>
      {/* As on the directory: how the words were read, then how many were found. */}
      <ConceptChip labels={concepts} removeTo={removeConceptsTo} />
      <h2 id="results-heading" role="status" aria-live="polite" className="mb-3 text-sm text-slate-700">
        {resultsText(`${formatNumber(lang, total)}${found.totalAtLeast ? "+" : ""}`)}
      </h2>
      <div className="space-y-3">
        <QueryProblems problems={problems} />
        {mode === "database" ? <Notice tone="warning">{t("directory.fallbackNotice")}</Notice> : null}
        {help ? (
          <NoResults q={params.q} help={help} {...noResults} />
        ) : total === 0 && empty ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 font-semibold">{empty}</p>
        ) : null}
        <ol id="result-list" className="space-y-3">
          {children}
        </ol>
        <SimplePager page={params.page} pages={pages} href={pageHref} />
      </div>
    </>
  );
}
