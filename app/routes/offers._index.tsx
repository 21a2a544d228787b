import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SaveSearch } from "~/components/save-search";
import { FacetGroup } from "~/components/facet-group";
import { ListSearch } from "~/components/list-search";
import { ListingResults } from "~/components/listing-search";
import { SortSelect } from "~/components/sort-select";
import { OfferResult } from "~/components/offer-result";
import { PageHeader } from "~/components/page";
import { useLanguage, useT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { MAX_QUERY_LENGTH } from "~/utils/list-queries";
import { titled } from "~/utils/meta";
import { shareResponse } from "~/utils/answer-sharing";
import type { RouteHandle } from "~/server/route-handles.server";
import { timed } from "~/utils/server-timing";
import { NO_OFFER_FILTERS, offersSearch } from "~/utils/offer-query";
import { hasOfferFilters, offersPage } from "./__offers-data.server";

export const meta: MetaFunction = (args) => titled(args, (t) => t("offerSearch.title"));

/** Its data requests are the same for everyone: kept whole and sent again (docs/decisions/020). */
export const handle: RouteHandle = { sharedAnswer: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  const { body, status } = await timed("loader", () => offersPage(new URL(request.url), lang));
  // Nothing here is personal; a simplified database answer is not kept (the engine may be back any moment).
  if (body.mode === "engine") shareResponse(context, lang);
  // Bad values are named on the page (status 400); the list shows what the rest asks for.
  return data({ ...body, filtered: hasOfferFilters(body.query) }, { status });
}

export default function Offers() {
  const { query, results, facets, filtered, ...found } = useLoaderData<typeof loader>();
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
        total={found.total}
        defaults={{ sort: "relevance" }}
        fieldParam={(field) => ["field", field.slug]}
        suggest="offers"
        filtersOpen={filtered}
        controls={<SortSelect id="offers-sort" sort={query.sort} />}
        filters={groups.map((group) => (
          <FacetGroup key={group.name} {...group} lang={lang} />
        ))}
      >
        <ListingResults
          found={{ ...found, params: query }}
          resultsText={(count) => t("offerSearch.results", { count })}
          removeConceptsTo={offersSearch({ ...query, concepts: false }, 1)}
          noResults={{
            withoutFiltersHref: offersSearch({ ...query, ...NO_OFFER_FILTERS }, 1),
            queryHref: (q) => offersSearch({ ...query, q }, 1),
            fieldHref: (field) => offersSearch({ ...query, ...NO_OFFER_FILTERS, q: "", fields: [field.slug] }, 1),
          }}
          pageHref={(page) => offersSearch(query, page)}
        >
          {results.map((offer) => (
            <li key={offer.id}>
              <OfferResult offer={offer} />
            </li>
          ))}
        </ListingResults>
      </ListSearch>
      <SaveSearch list="offers" />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
