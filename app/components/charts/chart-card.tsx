import { translator, type Language } from "~/i18n/i18n";
import { BarChart } from "./bar-chart";
import { ColumnChart } from "./column-chart";
import { DataTable } from "./data-table";
import { KpiTiles } from "./kpi-tiles";
import { seriesColor } from "./palette";
import type { ChartData } from "./types";

/** Where a chart's data downloads from (the resource route `ecosystem.data.$chart`). */
export function chartDataUrl(id: string, format: "csv" | "json", lang: Language) {
  return `/ecosystem/data/${id}?format=${format}&lang=${lang}`;
}

/**
 * One chart with everything around it: its title and what it counts, a
 * legend when it has several series, the drawing, the same numbers as a table
 * (the text alternative, open on demand), and links to download them.
 */
export function ChartCard({
  chart,
  lang,
  heading: Heading = "h2",
  dataUrl = (format) => chartDataUrl(chart.id, format, lang),
}: {
  chart: ChartData;
  lang: Language;
  heading?: "h2" | "h3";
  /** Where its downloads come from, when not the ecosystem's (the officials' indicators) */
  dataUrl?: (format: "csv" | "json") => string;
}) {
  const t = translator(lang);
  const titleId = `chart-${chart.id}-title`;
  const summaryId = `chart-${chart.id}-summary`;
  const empty = chart.rows.length === 0 || chart.rows.every((row) => row.values.every((value) => !value));
  return (
    <section
      aria-labelledby={titleId}
      data-chart={chart.id}
      className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5"
    >
      <Heading id={titleId} className="text-lg font-semibold">
        {chart.title}
      </Heading>
      {chart.description ? <p className="mt-1 text-sm text-slate-600">{chart.description}</p> : null}
      {chart.type !== "kpis" && chart.series.length > 1 && !empty ? (
        <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" aria-hidden>
          {chart.series.map((series, i) => (
            <li key={series.key} className="flex items-center gap-1.5">
              <span className={`inline-block size-3 rounded-sm ${seriesColor(i).swatch}`} />
              {series.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-4">
        {chart.type === "kpis" ? (
          <KpiTiles chart={chart} lang={lang} />
        ) : empty ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-4 text-center text-sm text-slate-600">
            {t("ecosystem.empty")}
          </p>
        ) : (
          <>
            <p id={summaryId} className="sr-only">
              {t(chart.type === "columns" ? "ecosystem.columnsSummary" : "ecosystem.barsSummary", {
                count: chart.rows.length,
              })}
            </p>
            {chart.type === "columns" ? (
              <ColumnChart chart={chart} lang={lang} labelledBy={titleId} describedBy={summaryId} />
            ) : (
              <BarChart chart={chart} lang={lang} labelledBy={titleId} describedBy={summaryId} />
            )}
          </>
        )}
      </div>
      <div className="mt-4 flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 pt-3 text-sm">
        {chart.type === "kpis" ? null : (
          <details className="min-w-0 basis-full">
            <summary className="cursor-pointer font-medium text-brand-700">{t("ecosystem.showTable")}</summary>
            <div className="mt-2">
              <DataTable chart={chart} lang={lang} />
            </div>
          </details>
        )}
        <p className="ml-auto flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-700">
          <span>{t("ecosystem.download")}</span>
          {(["csv", "json"] as const).map((format) => (
            <a
              key={format}
              href={dataUrl(format)}
              download
              data-download={format}
              className="rounded-md border border-slate-300 px-2.5 py-1 font-medium text-brand-800 hover:bg-brand-50"
            >
              {format.toUpperCase()}
              <span className="sr-only"> ({chart.title})</span>
            </a>
          ))}
        </p>
      </div>
    </section>
  );
}
