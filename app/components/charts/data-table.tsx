import type { Language } from "~/i18n/i18n";
import { formatValue } from "./format";
import type { ChartData } from "./types";

/**
 * The chart's numbers as a table: the text alternative to the SVG, and what
 * the downloads contain. Each cell keeps its raw value in `data-value`.
 * Row links are plain anchors: a page has some sixty of them, and as Remix
 * Links they tripled the page's render time.
 */
export function DataTable({ chart, lang }: { chart: ChartData; lang: Language }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{chart.title}</caption>
      <thead>
        <tr className="border-b border-slate-200 text-slate-700">
          <th scope="col" className="py-1.5 pr-2 font-semibold">
            {chart.category}
          </th>
          {chart.series.map((series) => (
            <th key={series.key} scope="col" className="py-1.5 pl-2 text-right align-bottom font-semibold">
              {series.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {chart.rows.map((row) => (
          <tr key={row.key} data-row={row.key} className="border-b border-slate-100 last:border-0">
            <th scope="row" className="py-1.5 pr-2 font-normal [overflow-wrap:anywhere]">
              {row.href ? (
                <a href={row.href} className="text-brand-700 underline-offset-2 hover:underline">
                  {row.label}
                </a>
              ) : (
                row.label
              )}
            </th>
            {row.values.map((value, i) => (
              <td
                key={chart.series[i]?.key ?? i}
                data-value={value ?? ""}
                className="py-1.5 pl-2 text-right whitespace-nowrap tabular-nums"
              >
                {formatValue(lang, value, row.format)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
