import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ExpertResults } from "~/components/expert-results";
import { PageHeader, ParentLink } from "~/components/page";
import { ButtonLink } from "~/components/ui/button";
import { countryName } from "~/domain/overseas";
import { formatNumber, pick, useLanguage, useT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { getOverseasSummary } from "~/models/overseas.server";
import { expertsListData } from "./__experts-data.server";
import { useOptionalUser } from "~/auth/user";
import { titled } from "~/utils/meta";

/**
 * The overseas network (docs/decisions/076): its figures, then the experts list filtered to
 * those based abroad, with the list's search and filters. A static path: it wins over
 * /experts/$slug, and no profile may take the slug "overseas" (app/domain/overseas.ts).
 */
export const meta: MetaFunction = (args) => titled(args, (t) => t("overseas.page.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  const url = new URL(request.url);
  // This page is the list abroad: the "Nơi làm việc" choice is its own, whatever the URL says.
  url.searchParams.delete("based");
  url.searchParams.set("based", "abroad");
  const [{ based: _based, ...found }, summary] = await Promise.all([expertsListData(url, lang), getOverseasSummary()]);
  // "Abroad" is the page's, not a filter the visitor chose: with nothing typed or chosen, an empty list
  // offers no way out (the summary above says no one abroad has published a profile yet), as /events does.
  const { q, areas, extra } = found.params;
  const countries = "countries" in found.params ? found.params.countries : [];
  const asked = q.trim() !== "" || areas.length > 0 || extra.length > 0 || countries.length > 0;
  return data(
    { ...found, help: asked ? found.help : null, based: [], summary },
    { status: found.problems.length > 0 ? 400 : 200 },
  );
}

export default function OverseasExperts() {
  const { experts, offers, summary, ...found } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  const user = useOptionalUser();
  return (
    <div className="space-y-5">
      <ParentLink to="/experts">{t("experts.title")}</ParentLink>
      <PageHeader title={t("overseas.page.title")}>
        {!user || user.accountType === "researcher" ? (
          <ButtonLink to={user ? "/me/profile#overseas" : "/signup?type=researcher"} size="sm">
            {t("overseas.page.cta")}
          </ButtonLink>
        ) : null}
      </PageHeader>
      <p className="max-w-3xl text-slate-700">{t("overseas.page.intro")}</p>
      <p className="text-lg font-semibold" data-testid="overseas-total">
        {t("overseas.page.count", { count: formatNumber(lang, summary.total) })}
      </p>
      {summary.total === 0 ? (
        <p className="text-slate-700">{t("overseas.page.none")}</p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <section aria-labelledby="by-country" className="rounded-xl border border-slate-200 bg-white p-4">
            <h2 id="by-country" className="font-semibold">
              {t("overseas.page.byCountry")}
            </h2>
            <ul className="mt-2 space-y-1.5 text-sm" data-testid="overseas-by-country">
              {summary.byCountry.map((row) => (
                <li key={row.code}>
                  <Link
                    to={`/experts/overseas?country=${row.code}`}
                    className="flex justify-between gap-2 text-brand-700 hover:underline"
                  >
                    <span>{countryName(row.code, lang)}</span>
                    <span className="tabular-nums text-slate-800">{formatNumber(lang, row.count)}</span>
                  </Link>
                  <Bar share={row.count / Math.max(summary.total, 1)} />
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="by-area" className="rounded-xl border border-slate-200 bg-white p-4">
            <h2 id="by-area" className="font-semibold">
              {t("overseas.page.byField")}
            </h2>
            <ul className="mt-2 space-y-1.5 text-sm" data-testid="overseas-by-area">
              {summary.byArea.map((row) => (
                <li key={row.slug}>
                  <Link
                    to={`/experts/overseas?area=${row.slug}`}
                    className="flex justify-between gap-2 text-brand-700 hover:underline"
                  >
                    <span>{pick(lang, row.nameVi, row.nameEn)}</span>
                    <span className="tabular-nums text-slate-800">{formatNumber(lang, row.count)}</span>
                  </Link>
                  <Bar share={row.count / Math.max(summary.total, 1)} />
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
      <h2 className="text-xl font-bold">{t("overseas.page.list")}</h2>
      <ExpertResults action="/experts/overseas" found={found} offers={offers} experts={experts} />
    </div>
  );
}

/** A share as a thin bar: SVG attributes, not inline styles (the CSP allows none). */
function Bar({ share }: { share: number }) {
  return (
    <svg aria-hidden="true" className="mt-0.5 block h-1.5 w-full" viewBox="0 0 100 2" preserveAspectRatio="none">
      <rect width="100" height="2" rx="1" className="fill-brand-100" />
      <rect width={Math.max(3, Math.round(100 * share))} height="2" rx="1" className="fill-brand-600" />
    </svg>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
