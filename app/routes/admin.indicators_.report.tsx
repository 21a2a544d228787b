import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import printStyles from "~/styles/print-report.css?url";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/charts/data-table";
import { indicatorCharts, INDICATOR_CHARTS } from "~/components/charts/indicator-charts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/forms";
import { Button } from "~/components/ui/button";
import { isQuarter, quarterLabel, quartersBetween } from "~/domain/quarter";
import { isLanguage, useLanguage, useT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { requireUserWithRole } from "~/auth/auth.server";
import { FIGURES } from "~/domain/indicators";
import { loadIndicators } from "~/models/indicators.server";
import { titled } from "~/utils/meta";
import { currentQuarter } from "./__indicators.server";
import { IndicatorDefinitions } from "./__indicators-page";

export const meta: MetaFunction<typeof loader> = (args) => {
  const lang = isLanguage(args.data?.lang) ? args.data.lang : "vi";
  const quarter = args.data?.quarter;
  return titled(args, (t) =>
    quarter ? t("indicators.report.title", { quarter: quarterLabel(quarter, lang) }) : t("indicators.title"),
  );
};

/** The paper layout: the site's header and footer and the controls are left off in print. */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStyles }];

/**
 * One quarter's indicators on paper (docs/decisions/075): the same figures as the page,
 * as tables, with their definitions; the site's header and footer left off in print.
 */
export async function loader(args: LoaderFunctionArgs) {
  requireUserWithRole(args, ["curator", "admin"]);
  const lang = await getLanguage(args.request);
  const asked = new URL(args.request.url).searchParams.get("quarter");
  const quarter = isQuarter(asked) ? asked : currentQuarter();
  const data = await loadIndicators({ from: quarter, to: quarter, district: null, field: null });
  return {
    lang,
    quarter,
    quarters: quartersBetween("2023-Q1", currentQuarter()).reverse(),
    generated: new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB", {
      dateStyle: "long",
      timeStyle: "short",
      timeZone: "Asia/Ho_Chi_Minh",
    }).format(new Date(data.computedAt)),
    charts: indicatorCharts(data, lang),
  };
}

export default function IndicatorsReport() {
  const { quarter, quarters, generated, charts } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  return (
    <article data-report className="mx-auto max-w-4xl space-y-6">
      <div data-no-print className="flex flex-wrap items-end justify-between gap-3">
        <Link to={`/admin/indicators?from=${quarter}&to=${quarter}`} className="text-brand-700 underline">
          {t("indicators.report.back")}
        </Link>
        <Form method="get" className="flex flex-wrap items-end gap-2">
          <SelectField
            label={t("indicators.report.choose")}
            name="quarter"
            defaultValue={quarter}
            options={quarters.map((q) => ({ value: q, label: quarterLabel(q, lang) }))}
          />
          <Button type="submit" variant="secondary">
            {t("indicators.report.show")}
          </Button>
        </Form>
      </div>
      <div>
        <h1 className="text-2xl font-bold">{t("indicators.report.title", { quarter: quarterLabel(quarter, lang) })}</h1>
        <p className="mt-1 text-sm text-slate-700">{t("indicators.report.generated", { date: generated })}</p>
        <p className="mt-2 text-sm text-slate-700">{t("indicators.intro")}</p>
      </div>
      {INDICATOR_CHARTS.filter((id) => id !== "quarters").map((id) => (
        <section
          key={id}
          aria-labelledby={`report-${id}`}
          data-chart={id}
          className="rounded-2xl border border-slate-200 bg-white p-4"
        >
          <h2 id={`report-${id}`} className="text-lg font-semibold">
            {charts[id].title}
          </h2>
          {charts[id].description ? <p className="mt-1 text-sm text-slate-600">{charts[id].description}</p> : null}
          <div className="mt-2 overflow-x-auto">
            {charts[id].rows.length ? (
              <DataTable chart={charts[id]} lang={lang} />
            ) : (
              <p className="text-sm text-slate-600">{t("ecosystem.empty")}</p>
            )}
          </div>
        </section>
      ))}
      <IndicatorDefinitions figures={FIGURES} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
