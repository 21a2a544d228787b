import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ChartCard } from "~/components/charts/chart-card";
import { indicatorCharts, INDICATOR_CHARTS } from "~/components/charts/indicator-charts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { Button } from "~/components/ui/button";
import { areaOptions } from "~/domain/districts";
import { quarterLabel, quartersBetween } from "~/domain/quarter";
import { useLanguage, useT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { requireUserWithRole } from "~/auth/auth.server";
import { FIGURES } from "~/domain/indicators";
import { fieldFilterOptions, loadIndicators } from "~/models/indicators.server";
import { titled } from "~/utils/meta";
import { currentQuarter, filterQuery, indicatorFilters } from "./__indicators.server";
import { fieldOption, IndicatorDefinitions } from "./__indicators-page";

export const meta: MetaFunction = (args) => titled(args, (t) => t("indicators.title"));

/** The first quarter the filters offer: the PII's years on the portal. */
const FIRST_QUARTER = "2023-Q1";

/** The officials' indicators (docs/decisions/075): officials only, every figure an aggregate. */
export async function loader(args: LoaderFunctionArgs) {
  requireUserWithRole(args, ["curator", "admin"]);
  const lang = await getLanguage(args.request);
  const filters = indicatorFilters(new URL(args.request.url));
  const [data, fields] = await Promise.all([loadIndicators(filters), fieldFilterOptions()]);
  return {
    lang,
    filters,
    query: filterQuery(filters),
    charts: indicatorCharts(data, lang),
    quarters: quartersBetween(FIRST_QUARTER, currentQuarter()).reverse(),
    fields: fields.map((field) => fieldOption(lang, field)),
  };
}

export default function Indicators() {
  const { filters, query, charts, quarters, fields } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  const quarterOptions = quarters.map((quarter) => ({ value: quarter, label: quarterLabel(quarter, lang) }));
  const dataUrl = (id: string) => (format: "csv" | "json") =>
    `/admin/indicators/data/${id}?format=${format}&lang=${lang}&${query}`;
  return (
    <div className="space-y-6">
      <PageHeader title={t("indicators.title")}>
        <Link
          to={`/admin/indicators/report?quarter=${filters.to}`}
          className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-brand-800 hover:bg-brand-50"
        >
          {t("indicators.report")}
        </Link>
      </PageHeader>
      <p className="max-w-3xl text-slate-700">{t("indicators.intro")}</p>
      <p className="text-sm text-slate-600">{t("indicators.officialsOnly")}</p>
      <Form method="get" className="rounded-2xl border border-slate-200 bg-white p-4" aria-labelledby="filters-title">
        <h2 id="filters-title" className="text-lg font-semibold">
          {t("indicators.filters")}
        </h2>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField label={t("indicators.from")} name="from" defaultValue={filters.from} options={quarterOptions} />
          <SelectField label={t("indicators.to")} name="to" defaultValue={filters.to} options={quarterOptions} />
          <SelectField
            label={t("indicators.area")}
            name="area"
            defaultValue={filters.district ?? ""}
            placeholder={t("indicators.allAreas")}
            options={areaOptions(lang)}
          />
          <SelectField
            label={t("indicators.field")}
            name="field"
            defaultValue={filters.field ?? ""}
            placeholder={t("indicators.allFields")}
            options={fields}
          />
        </div>
        <Button type="submit" className="mt-3">
          {t("indicators.apply")}
        </Button>
      </Form>
      {INDICATOR_CHARTS.map((id) => (
        <ChartCard key={id} chart={charts[id]} lang={lang} dataUrl={dataUrl(id)} />
      ))}
      <IndicatorDefinitions figures={FIGURES} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
