import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { OrganizationCard } from "~/components/organization-card";
import { formatNumber, translator, useLanguage, useT } from "~/i18n/i18n";
import { countPublishedByArea, getTaxonomy } from "~/models/field.server";
import { countPublishedByKind, featuredOrganizations } from "~/models/organization.server";
import { dataCache } from "~/models/cache.server";
import { directorySearch, type DirectoryQuery } from "~/utils/directory-query";
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
  const t = translator(lang);
  // Ways into the directory, in the shape DirectoryLinks draws.
  const kinds: DirectoryLink[] = ORGANIZATION_KINDS.map((kind) => {
    return { key: kind, query: { kinds: [kind] }, label: t(`kinds.${kind}`), count: kindCounts[kind] ?? 0 };
  });
  const areas: DirectoryLink[] = taxonomy.areas
    .map((area) => {
      const label = lang === "vi" ? area.nameVi : area.nameEn;
      return { key: area.slug, query: { areas: [area.slug] }, label, count: areaCounts[area.slug] ?? 0 };
    })
    .filter((area) => area.count > 0)
    .sort((a, b) => b.count - a.count);
  return { lang, kinds, areas, featured: featured.map((card) => toCardView(card, lang)) };
}

export default function Home() {
  const { kinds, areas, featured } = useLoaderData<typeof loader>();
  const t = useT();
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
          <Button type="submit" variant="inverse" size="xl">
            {t("home.searchButton")}
          </Button>
        </Form>
      </section>

      <DirectoryLinks id="by-kind" title={t("home.byKind")} look="tile" links={kinds} />
      <DirectoryLinks id="by-area" title={t("home.byArea")} look="chip" links={areas} />

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

type DirectoryLink = { key: string; query: Partial<DirectoryQuery>; label: string; count: number };

/** Ways into the directory, each with how many listings it opens: big tiles (kinds) or chips (areas). */
function DirectoryLinks({
  id,
  title,
  look,
  links,
}: {
  id: string;
  title: string;
  look: "tile" | "chip";
  links: DirectoryLink[];
}) {
  const lang = useLanguage();
  const tile = look === "tile";
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      <ul className={tile ? "mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" : "mt-4 flex flex-wrap gap-2"}>
        {links.map((link) => (
          <li key={link.key}>
            <Link
              to={`/directory${directorySearch(link.query)}`}
              className={
                tile
                  ? "block h-full rounded-xl border border-slate-200 bg-white p-4 hover:border-brand-600"
                  : "inline-flex items-center gap-2 rounded-full border border-slate-200 bg-white px-3 py-1.5 text-sm hover:border-brand-600"
              }
            >
              {tile ? (
                <>
                  <span className="block text-2xl font-bold text-brand-700">{formatNumber(lang, link.count)}</span>
                  <span className="mt-1 block text-sm font-medium text-slate-700">{link.label}</span>
                </>
              ) : (
                <>
                  {link.label}
                  <span className="text-slate-500">{formatNumber(lang, link.count)}</span>
                </>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
