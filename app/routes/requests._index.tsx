import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FacetGroup } from "~/components/facet-group";
import { PageHeader } from "~/components/page";
import { RequestCard } from "~/components/request-card";
import { SimplePager } from "~/components/simple-pager";
import { Notice } from "~/components/ui/notice";
import { formatNumber, useLanguage, useT } from "~/i18n/i18n";
import { getTaxonomy } from "~/models/field.server";
import { openRequestCards, searchOpenRequests } from "~/models/listing-search.server";
import { getLanguage } from "~/i18n/language.server";
import { listingSearch, parseListingParams } from "~/utils/listing-query";
import { titled } from "~/utils/meta";
import { SECTOR_LABELS, SECTORS } from "~/domain/request-values";
import { useOptionalUser } from "~/auth/user";

export const meta: MetaFunction = (args) => titled(args, (t) => t("requests.title"));

const PAGE_SIZE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  const params = parseListingParams(new URL(request.url).searchParams, "sector", SECTORS);
  const [found, taxonomy] = await Promise.all([searchOpenRequests({ ...params, perPage: PAGE_SIZE }), getTaxonomy()]);
  const cards = await openRequestCards(found.hits.map((hit) => hit.id));
  const highlights = new Map(found.hits.map((hit) => [hit.id, hit.highlights]));
  const areaCounts = found.facets.areaSlugs ?? {};
  const sectorCounts = found.facets.sector ?? {};
  return {
    params,
    mode: found.mode,
    total: found.total,
    pages: Math.max(1, Math.ceil(Math.min(found.total, 10_000) / PAGE_SIZE)),
    requests: cards.map((card) => ({ ...card, highlights: highlights.get(card.id) })),
    areas: taxonomy.areas
      .map((area) => ({
        value: area.slug,
        label: lang === "vi" ? area.nameVi : area.nameEn,
        count: found.mode === "engine" ? (areaCounts[area.slug] ?? 0) : null,
        selected: params.areas.includes(area.slug),
      }))
      .filter((option) => option.count === null || option.count > 0 || option.selected),
    sectors: SECTORS.map((sector) => ({
      value: sector,
      label: SECTOR_LABELS[sector][lang],
      count: found.mode === "engine" ? (sectorCounts[sector] ?? 0) : null,
      selected: params.extra.includes(sector),
    })).filter((option) => option.count === null || option.count > 0 || option.selected),
  };
}

export default function Requests() {
  const { params, mode, total, pages, requests, areas, sectors } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  const user = useOptionalUser();
  return (
    <div className="space-y-4">
      <PageHeader title={t("requests.title")}>
        <Link to={user ? "/requests/new" : "/signup?type=business&redirectTo=%2Frequests%2Fnew"} className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          {t("requests.new")}
        </Link>
      </PageHeader>
      <p className="text-slate-700">{t("requests.intro")}</p>
      <Form method="get" role="search" className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <div className="space-y-5">
          <FacetGroup legend={t("experts.facet.area")} name="area" options={areas} lang={lang} visible={8} />
          <FacetGroup legend={t("request.sector")} name="sector" options={sectors} lang={lang} visible={8} />
          <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white">
            {t("directory.applyFilters")}
          </button>
        </div>
        <section aria-labelledby="requests-results" className="space-y-3">
          <div className="flex gap-2">
            <label htmlFor="requests-q" className="sr-only">
              {t("requests.searchLabel")}
            </label>
            <input id="requests-q" name="q" type="search" defaultValue={params.q} maxLength={200} className="w-full flex-1 rounded-lg border border-slate-300 bg-white px-4 py-2.5" />
            <button type="submit" className="rounded-lg bg-brand-700 px-5 py-2.5 font-semibold text-white">
              {t("directory.submit")}
            </button>
          </div>
          <h2 id="requests-results" className="text-sm text-slate-700" aria-live="polite">
            {t("requests.results", { count: formatNumber(lang, total) })}
          </h2>
          {mode === "database" ? <Notice tone="warning">{t("directory.fallbackNotice")}</Notice> : null}
          {requests.length === 0 ? <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center">{t("requests.none")}</p> : null}
          <ol className="space-y-3">
            {requests.map((request) => (
              <li key={request.id}>
                <RequestCard request={request} />
              </li>
            ))}
          </ol>
          <SimplePager page={params.page} pages={pages} href={(page) => `/requests${listingSearch(params, "sector", page)}`} />
        </section>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
