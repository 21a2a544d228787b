/**
 * A chart's data as the page draws it and as the download serves it: one
 * shape, so what the page shows and what a visitor downloads are the same.
 * Labels are already in the page's language.
 */
export type ChartType = "bars" | "columns" | "kpis";

/** How a value reads: a count, a percentage (0–100) or a duration in hours. */
export type ValueFormat = "count" | "percent" | "hours";

export type ChartSeries = { key: string; label: string };

export type ChartRow = {
  /** Stable identifier (a kind, a district or field slug, a month `YYYY-MM`) */
  key: string;
  label: string;
  /** One per series; null when there is nothing to measure yet (a median of nothing) */
  values: (number | null)[];
  format?: ValueFormat;
  /** Extra words under a tile (kpis only) */
  detail?: string;
  /** Where the row leads (the directory filtered on it, an organization's page) */
  href?: string;
};

export type ChartData = {
  id: string;
  type: ChartType;
  title: string;
  description?: string;
  /** What a row is: the first column's heading */
  category: string;
  series: ChartSeries[];
  rows: ChartRow[];
};
