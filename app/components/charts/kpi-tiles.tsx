import type { Language } from "~/i18n/i18n";
import { formatValue } from "./format";
import type { ChartData } from "./types";

/** Headline figures as tiles: the label, the value, and a line of context. */
export function KpiTiles({ chart, lang }: { chart: ChartData; lang: Language }) {
  return (
    <dl className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-2 lg:grid-cols-3">
      {chart.rows.map((row) => (
        <div
          key={row.key}
          data-kpi={row.key}
          className="flex flex-col rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200"
        >
          <dt className="text-sm font-medium text-slate-700">{row.label}</dt>
          <dd data-value={row.values[0] ?? ""} className="order-first text-2xl font-bold text-brand-700">
            {formatValue(lang, row.values[0] ?? null, row.format)}
          </dd>
          {row.detail ? <dd className="mt-1 text-xs text-slate-600">{row.detail}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
