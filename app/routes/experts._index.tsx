import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ExpertCard } from "~/components/expert-card";
import { FacetGroup } from "~/components/facet-group";
import { PageHeader } from "~/components/page";
import { SimplePager } from "~/components/simple-pager";
import { Notice } from "~/components/ui/notice";
import { formatNumber, useLanguage, useT } from "~/i18n/i18n";
import { getPublishedExpertCards } from "~/models/expert.server";
import { searchListingPage } from "~/models/listing-page.server";
import { getLanguage } from "~/i18n/language.server";
import { listingSearch } from "~/utils/listing-query";
import { QueryProblems } from "~/components/query-problems";
import { titled } from "~/utils/meta";
import { useOptionalUser } from "~/auth/user";

export const meta: MetaFunction = (args) => titled(args, (t) => t("experts.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  const { ids, highlights, extra, ...found } = await searchListingPage("experts", new URL(request.url), lang);
  const cards = await getPublishedExpertCards(ids);
  // Bad values are named on the page (status 400); the list shows what the rest asks for.
  return data(
    { ...found, offers: extra, experts: cards.map((card) => ({ ...card, highlights: highlights.get(card.id) })) },
    { status: found.problems.length > 0 ? 400 : 200 },
  );
}

export default function Experts() {
  const { params, problems, mode, total, pages, experts, areas, offers } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  const user = useOptionalUser();
  return (
    <div className="space-y-4">
      <PageHeader title={t("experts.title")}>
        {!user || user.accountType === "researcher" ? (
          <Link
            to={user ? "/me/profile" : "/signup?type=researcher"}
            className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
          >
            {t("experts.cta")}
          </Link>
        ) : null}
      </PageHeader>
      <p className="text-slate-700">{t("experts.intro")}</p>
      <Form method="get" role="search" className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <div className="space-y-5 lg:order-none">
          <FacetGroup legend={t("experts.facet.area")} name="area" options={areas} lang={lang} visible={8} />
          <FacetGroup legend={t("experts.facet.offer")} name="offer" options={offers} lang={lang} />
          <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white">
            {t("directory.applyFilters")}
          </button>
        </div>
        <section aria-labelledby="experts-results" className="space-y-3">
          <div className="flex gap-2">
            <label htmlFor="experts-q" className="sr-only">
              {t("experts.searchLabel")}
            </label>
            <input
              id="experts-q"
              name="q"
              type="search"
              defaultValue={params.q}
              maxLength={200}
              placeholder={t("experts.searchPlaceholder")}
              className="w-full flex-1 rounded-lg border border-slate-300 bg-white px-4 py-2.5"
            />
            <button type="submit" className="rounded-lg bg-brand-700 px-5 py-2.5 font-semibold text-white">
              {t("directory.submit")}
            </button>
          </div>
          <h2 id="experts-results" className="text-sm text-slate-700" aria-live="polite">
            {t("experts.results", { count: formatNumber(lang, total) })}
          </h2>
          <QueryProblems problems={problems} />
          {mode === "database" ? <Notice tone="warning">{t("directory.fallbackNotice")}</Notice> : null}
          {experts.length === 0 ? (
            <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center">
              {t("experts.none")}
            </p>
          ) : null}
          <ol className="space-y-3">
            {experts.map((expert) => (
              <li key={expert.slug}>
                <ExpertCard expert={expert} />
              </li>
            ))}
          </ol>
          <SimplePager
            page={params.page}
            pages={pages}
            href={(page) => `/experts${listingSearch(params, "experts", page)}`}
          />
        </section>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
