import type { Language } from "~/i18n/i18n";
import { formatValue, truncate } from "./format";
import { seriesColor, TEXT } from "./palette";
import type { ChartData } from "./types";

/** Labels up to this long sit beside their bar; longer ones (or several series) go above it. */
const SIDE_LABEL_MAX = 20;
const ABOVE_LABEL_MAX = 46;

/**
 * Horizontal bars in server-rendered SVG. Widths are percentages of the
 * SVG's own width and heights are pixels, so the chart fills a phone or a
 * desktop column without a viewBox shrinking its text; no script draws it.
 */
export function BarChart({
  chart,
  lang,
  labelledBy,
  describedBy,
}: {
  chart: ChartData;
  lang: Language;
  labelledBy: string;
  describedBy: string;
}) {
  const max = Math.max(0, ...chart.rows.flatMap((row) => row.values.map((value) => value ?? 0)));
  const fraction = (value: number | null) => (max > 0 ? (value ?? 0) / max : 0);
  const seriesCount = chart.series.length;
  const side = seriesCount === 1 && chart.rows.every((row) => row.label.length <= SIDE_LABEL_MAX);

  // Geometry: x in percent of the width, y in pixels.
  const barStart = side ? 37 : 0;
  const barSpan = side ? 45 : 80; // room is left after the longest bar for its value
  const labelHeight = side ? 0 : 18;
  const barHeight = side ? 16 : 12;
  const barGap = 3;
  const rowGap = side ? 8 : 10;
  const rowHeight = labelHeight + seriesCount * (barHeight + barGap) - barGap + rowGap;
  const height = chart.rows.length * rowHeight;

  return (
    <svg
      width="100%"
      height={height}
      role="img"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      className="block"
    >
      {chart.rows.map((row, i) => {
        const top = i * rowHeight;
        const label = side ? row.label : truncate(row.label, ABOVE_LABEL_MAX);
        return (
          <g key={row.key} data-row={row.key}>
            <text
              x={side ? `${barStart - 2}%` : 0}
              y={side ? top + barHeight / 2 + 4 : top + 13}
              textAnchor={side ? "end" : "start"}
              fontSize={12.5}
              fill={TEXT}
            >
              {label !== row.label ? <title>{row.label}</title> : null}
              {label}
            </text>
            {row.values.map((value, s) => {
              const y = top + labelHeight + s * (barHeight + barGap);
              const width = fraction(value) * barSpan;
              return (
                <g key={chart.series[s]?.key ?? s}>
                  <rect
                    data-bar={chart.series[s]?.key}
                    data-value={value ?? ""}
                    x={`${barStart}%`}
                    y={y}
                    width={`${width}%`}
                    height={barHeight}
                    rx={2}
                    fill={seriesColor(s).fill}
                  />
                  <text x={`${barStart + width}%`} dx={5} y={y + barHeight / 2 + 4} fontSize={12} fill={TEXT}>
                    {formatValue(lang, value, row.format)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
