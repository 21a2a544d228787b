import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ConceptChip } from "~/components/concept-chip";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FacetGroup } from "~/components/facet-group";
import { ListSearch } from "~/components/list-search";
import { NoResults } from "~/components/no-results";
import { OfferResult } from "~/components/offer-result";
import { PageHeader } from "~/components/page";
import { QueryProblems } from "~/components/query-problems";
import { SimplePager } from "~/components/simple-pager";
import { Notice } from "~/components/ui/notice";
import { formatNumber, useLanguage, useT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { MAX_QUERY_LENGTH, SORTS } from "~/utils/list-queries";
import { titled } from "~/utils/meta";
import { offersSearch } from "~/utils/offer-query";
import { hasOfferFilters, offersPage } from "./__offers-data.server";

export const meta: MetaFunction = (args) => titled(args, (t) => t("offerSearch.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const { body, status } = await offersPage(new URL(request.url), await getLanguage(request));
  // Bad values are named on the page (status 400); the list shows what the rest asks for.
  return data({ ...body, filtered: hasOfferFilters(body.query) }, { status });
}

export default function Offers() {
  const { query, problems, mode, total, pages, concepts, results, facets, help, filtered } =
    useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  const groups = [
    { name: "type", legend: t("offerSearch.facet.type"), options: facets.type },
    { name: "area", legend: t("offerSearch.facet.area"), options: facets.area, visible: 8 },
    { name: "field", legend: t("offerSearch.facet.field"), options: facets.field, visible: 8 },
    { name: "price", legend: t("offerSearch.facet.price"), options: facets.price },
    { name: "access", legend: t("offerSearch.facet.access"), options: facets.access },
    { name: "kind", legend: t("offerSearch.facet.kind"), options: facets.kind },
    { name: "district", legend: t("offerSearch.facet.district"), options: facets.district, visible: 8 },
    { name: "ward", legend: t("offerSearch.facet.ward"), options: facets.ward, visible: 8 },
    { name: "trl", legend: t("offerSearch.facet.trl"), options: facets.trl, visible: 9 },
    { name: "ip", legend: t("offerSearch.facet.ip"), options: facets.ip },
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={t("offerSearch.title")} />
      <p className="text-slate-700">{t("offerSearch.intro")}</p>
      <ListSearch
        action="/offers"
        inputId="offers-q"
        label={t("offerSearch.searchLabel")}
        placeholder={t("offerSearch.placeholder")}
        q={query.q}
        maxLength={MAX_QUERY_LENGTH}
        total={total}
        defaults={{ sort: "relevance" }}
        fieldParam={(field) => ["field", field.slug]}
        filtersOpen={filtered}
        controls={
          <div>
            <label htmlFor="offers-sort" className="block text-sm font-medium text-slate-700">
              {t("directory.sort")}
            </label>
            <select
              id="offers-sort"
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
        filters={groups.map((group) => (
          <FacetGroup key={group.name} {...group} lang={lang} />
        ))}
      >
        {/* As on the other lists: how the words were read, then how many were found. */}
        <ConceptChip labels={concepts} removeTo={offersSearch({ ...query, concepts: false }, 1)} />
        <h2 id="results-heading" role="status" aria-live="polite" className="mb-3 text-sm text-slate-700">
          {t("offerSearch.results", { count: formatNumber(lang, total) })}
        </h2>
        <div className="space-y-3">
          <QueryProblems problems={problems} />
          {mode === "database" ? <Notice tone="warning">{t("directory.fallbackNotice")}</Notice> : null}
          {help ? (
            <NoResults
              q={query.q}
              help={help}
              withoutFiltersHref={offersSearch({ ...query, ...noFilters }, 1)}
              queryHref={(q) => offersSearch({ ...query, q }, 1)}
              fieldHref={(field) => offersSearch({ ...query, ...noFilters, q: "", fields: [field.slug] }, 1)}
            />
          ) : null}
          <ol id="result-list" className="space-y-3">
            {results.map((offer) => (
              <li key={offer.id}>
                <OfferResult offer={offer} />
              </li>
            ))}
          </ol>
          <SimplePager page={query.page} pages={pages} href={(page) => offersSearch(query, page)} />
        </div>
      </ListSearch>
    </div>
  );
}

const noFilters = {
  types: [],
  areas: [],
  fields: [],
  priceModes: [],
  accessModes: [],
  districts: [],
  wards: [],
  kinds: [],
  trls: [],
  ipStatuses: [],
};

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
