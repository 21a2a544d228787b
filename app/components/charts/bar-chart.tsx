import { formatValue, truncate } from "./format";
import { seriesColor, TEXT } from "./palette";
import { ChartSvg, largestValue, type ChartProps } from "./chart-svg";

/** Labels up to this long sit beside their bar; longer ones (or several series) go above it. */
const SIDE_LABEL_MAX = 20;
const ABOVE_LABEL_MAX = 46;

/**
 * Horizontal bars in server-rendered SVG. Widths are percentages of the
 * SVG's own width and heights are pixels, so the chart fills a phone or a
 * desktop column without a viewBox shrinking its text; no script draws it.
 */
export function BarChart({ chart, lang, labelledBy, describedBy }: ChartProps) {
  const max = largestValue(chart);
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
    <ChartSvg height={height} labelledBy={labelledBy} describedBy={describedBy}>
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
    </ChartSvg>
  );
}
