import { translator, type Language } from "~/i18n/i18n";
import { toCsv } from "~/utils/csv";
import type { ChartData, ChartRow } from "./types";

/**
 * A chart's data as a download: the same rows and columns as its table,
 * with raw numbers (shares in percent, durations in hours, one decimal).
 */
export function chartCsv(chart: ChartData, lang: Language): string {
  const t = translator(lang);
  const label = (row: ChartRow) =>
    row.format && row.format !== "count" ? `${row.label} (${t(`ecosystem.unit.${row.format}`)})` : row.label;
  return toCsv(
    [t("ecosystem.key"), chart.category, ...chart.series.map((series) => series.label)],
    chart.rows.map((row) => [row.key, label(row), ...row.values]),
  );
}

export function chartJson(chart: ChartData, lang: Language, generatedAt: string) {
  return {
    chart: chart.id,
    title: chart.title,
    description: chart.description ?? null,
    language: lang,
    generatedAt,
    category: chart.category,
    series: chart.series,
    rows: chart.rows.map((row) => ({
      key: row.key,
      label: row.label,
      ...(row.format && row.format !== "count" ? { unit: row.format === "percent" ? "percent" : "hours" } : {}),
      values: Object.fromEntries(chart.series.map((series, i) => [series.key, row.values[i] ?? null])),
    })),
  };
}

/** `ecosystem-kinds-2026-11-22.csv`: ASCII only, so every browser keeps it. */
export function chartFileName(id: string, generatedAt: string, format: "csv" | "json") {
  return `ecosystem-${id}-${generatedAt.slice(0, 10)}.${format}`;
}
