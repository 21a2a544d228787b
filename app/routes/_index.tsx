import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OrganizationCard } from "~/components/organization-card";
import { formatNumber, useLanguage, useT } from "~/i18n/i18n";
import { countPublishedByArea, getTaxonomy } from "~/models/field.server";
import { countPublishedByKind, featuredOrganizations } from "~/models/organization.server";
import { dataCache } from "~/models/cache.server";
import { directorySearch } from "~/utils/directory-query";
import { getLanguage } from "~/i18n/language.server";
import { toCardView } from "~/components/organization-view";
import { ORGANIZATION_KINDS } from "~/domain/organization-values";
import { titled } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => titled(args, (t) => t("site.name"));

/**
 * Counting 100,000 listings by kind and area takes seconds, and even picking the day's featured
 * listings costs two queries over them: all are kept until the data changes (or a minute passes).
 */
const homeCache = dataCache<HomeData>("home-data", { max: 2, ttlMs: 60_000 });
type HomeData = Awaited<ReturnType<typeof loadHomeData>>;
const homeData = () => homeCache.fetch("home", loadHomeData);

async function loadHomeData() {
  const [kindCounts, areaCounts, featured] = await Promise.all([
    countPublishedByKind(),
    countPublishedByArea(),
    featuredOrganizations(6),
  ]);
  return { kindCounts, areaCounts, featured };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const [lang, { kindCounts, areaCounts, featured }, taxonomy] = await Promise.all([
    getLanguage(request),
    homeData(),
    getTaxonomy(),
  ]);
  const areas = taxonomy.areas
    .map((area) => ({ slug: area.slug, nameVi: area.nameVi, nameEn: area.nameEn, count: areaCounts[area.slug] ?? 0 }))
    .filter((area) => area.count > 0)
    .sort((a, b) => b.count - a.count);
  return { lang, kindCounts, areas, featured: featured.map((card) => toCardView(card, lang)) };
}

export default function Home() {
  const { kindCounts, areas, featured } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  return (
    <div className="space-y-10">
      <section className="rounded-2xl bg-gradient-to-br from-brand-700 to-brand-800 px-5 py-10 text-white sm:px-10">
        <h1 className="max-w-3xl text-2xl font-bold leading-tight sm:text-3xl">{t("home.title")}</h1>
        <p className="mt-3 max-w-2xl text-brand-100">{t("site.tagline")}</p>
        <Form method="get" action="/directory" role="search" className="mt-6 flex max-w-2xl flex-col gap-2 sm:flex-row">
          <label htmlFor="home-q" className="sr-only">
            {t("home.searchLabel")}
          </label>
          <input
            id="home-q"
            name="q"
            type="search"
            maxLength={200}
            placeholder={t("home.searchPlaceholder")}
            className="w-full flex-1 rounded-lg border-0 bg-white px-4 py-3 text-base text-slate-900 placeholder:text-slate-500"
          />
          <button
            type="submit"
            className="rounded-lg bg-white px-5 py-3 font-semibold text-brand-800 hover:bg-brand-50"
          >
            {t("home.searchButton")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="by-kind">
        <h2 id="by-kind" className="text-xl font-semibold">
          {t("home.byKind")}
        </h2>
        <ul className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {ORGANIZATION_KINDS.map((kind) => (
            <li key={kind}>
              <Link
                to={`/directory${directorySearch({ kinds: [kind] })}`}
                className="block h-full rounded-xl border border-slate-200 bg-white p-4 hover:border-brand-600"
              >
                <span className="block text-2xl font-bold text-brand-700">
                  {formatNumber(lang, kindCounts[kind] ?? 0)}
                </span>
                <span className="mt-1 block text-sm font-medium text-slate-700">{t(`kinds.${kind}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="by-area">
        <h2 id="by-area" className="text-xl font-semibold">
          {t("home.byArea")}
        </h2>
        <ul className="mt-4 flex flex-wrap gap-2">
          {areas.map((area) => (
            <li key={area.slug}>
              <Link
                to={`/directory${directorySearch({ areas: [area.slug] })}`}
                className="inline-flex items-center gap-2 rounded-full border border-slate-200 bg-white px-3 py-1.5 text-sm hover:border-brand-600"
              >
                {lang === "vi" ? area.nameVi : area.nameEn}
                <span className="text-slate-500">{formatNumber(lang, area.count)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      {featured.length > 0 ? (
        <section aria-labelledby="featured">
          <div className="flex items-baseline justify-between gap-4">
            <h2 id="featured" className="text-xl font-semibold">
              {t("home.featured")}
            </h2>
            <Link to="/directory" className="text-sm font-medium text-brand-700 hover:underline">
              {t("home.browseAll")} →
            </Link>
          </div>
          <ul className="mt-4 grid gap-4 md:grid-cols-2 lg:grid-cols-3">
            {featured.map((organization) => (
              <li key={organization.slug}>
                <OrganizationCard organization={organization} headingLevel="h3" />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
