import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ChartCard } from "~/components/charts/chart-card";
import { officialCharts, publicCharts } from "~/components/charts/ecosystem-charts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { isLanguage, translator, useLanguage, useT, type Language } from "~/i18n/i18n";
import { getOfficialStatistics, getPublicStatistics } from "~/models/statistics.server";
import { getUser } from "~/auth/auth.server";
import { getLanguage } from "~/i18n/language.server";
import { isOfficial } from "~/auth/permissions";
import { titled } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => {
  const t = translator(isLanguage(args.data?.lang) ? args.data.lang : "vi");
  return titled(args, t("ecosystem.title"), { description: t("ecosystem.metaDescription") });
};

export async function loader(args: LoaderFunctionArgs) {
  const lang = await getLanguage(args.request);
  // The officials' part is computed and sent only when the session's role allows it.
  const official = isOfficial(getUser(args));
  const [stats, officialStats] = await Promise.all([getPublicStatistics(), official ? getOfficialStatistics() : null]);
  return {
    lang,
    asOf: formatDateTime(lang, stats.computedAt),
    charts: publicCharts(stats, lang),
    official: officialStats ? officialCharts(officialStats, lang) : null,
  };
}

/**
 * Formatted here, on the server, so the page shows one string whatever the browser's locale data.
 * Time and date apart: Vietnamese's combined format starts with "lúc", which the sentence has already.
 */
function formatDateTime(lang: Language, iso: string) {
  const locale = lang === "vi" ? "vi-VN" : "en-GB";
  const date = new Date(iso);
  return {
    time: new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: "Asia/Ho_Chi_Minh" }).format(date),
    date: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Asia/Ho_Chi_Minh" }).format(date),
  };
}

export default function Ecosystem() {
  const { asOf, charts, official } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("ecosystem.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("ecosystem.intro")}</p>
        <p className="mt-1 text-sm text-slate-600">{t("ecosystem.asOf", asOf)}</p>
        {/* The overseas experts network (docs/decisions/076) */}
        <p className="mt-1 text-sm">
          <Link to="/experts/overseas" className="font-medium text-brand-700 underline">
            {t("overseas.link")}
          </Link>
        </p>
      </div>

      <ChartCard chart={charts.summary} lang={lang} />
      <ChartCard chart={charts.programme} lang={lang} />
      <ChartCard chart={charts.requests} lang={lang} />
      <ChartCard chart={charts.requesters} lang={lang} />
      <div className="grid gap-6 lg:grid-cols-2">
        <ChartCard chart={charts.kinds} lang={lang} />
        <ChartCard chart={charts.fields} lang={lang} />
        <ChartCard chart={charts.collaborations} lang={lang} />
        <ChartCard chart={charts["expert-fields"]} lang={lang} />
        <ChartCard chart={charts.districts} lang={lang} />
        <ChartCard chart={charts.structure} lang={lang} />
        <ChartCard chart={charts["offer-types"]} lang={lang} />
        <ChartCard chart={charts["offer-areas"]} lang={lang} />
        <ChartCard chart={charts["offer-districts"]} lang={lang} />
      </div>

      {official ? (
        <section
          aria-labelledby="official-title"
          data-official
          className="space-y-6 rounded-2xl bg-brand-50 p-3 ring-1 ring-brand-100 sm:p-5"
        >
          <div>
            <h2 id="official-title" className="text-xl font-bold">
              {t("ecosystem.official.title")}
            </h2>
            <p className="mt-1 text-sm text-slate-700">{t("ecosystem.official.intro")}</p>
          </div>
          <ChartCard chart={official.curation} lang={lang} heading="h3" />
          <div className="grid gap-6 lg:grid-cols-2">
            <ChartCard chart={official.organizations} lang={lang} heading="h3" />
            <ChartCard chart={official.curators} lang={lang} heading="h3" />
          </div>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
