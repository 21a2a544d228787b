import { formatCount, niceScale } from "./format";
import { GRID, seriesColor, TEXT } from "./palette";
import { ChartSvg, largestValue, type ChartProps } from "./chart-svg";

const HEIGHT = 230;
const TOP = 10;
const BOTTOM = 40;
const LEFT = 11; // percent: room for the axis labels
const RIGHT = 99;

/**
 * Grouped columns over months (rows keyed `YYYY-MM`), in server-rendered SVG:
 * x in percent of the width, y in pixels. Under each group its month number,
 * with the year under every January, and under the first month unless a
 * January follows too closely for two years to fit side by side on a phone.
 */
export function ColumnChart({ chart, lang, labelledBy, describedBy }: ChartProps) {
  const plot = HEIGHT - TOP - BOTTOM;
  const scale = niceScale(largestValue(chart));
  const y = (value: number) => TOP + plot * (1 - value / scale.max);
  const ticks = Array.from({ length: Math.round(scale.max / scale.step) + 1 }, (_, i) => i * scale.step);
  const group = (RIGHT - LEFT) / Math.max(1, chart.rows.length);
  const column = (group * 0.76) / Math.max(1, chart.series.length);

  return (
    <ChartSvg height={HEIGHT} labelledBy={labelledBy} describedBy={describedBy}>
      {ticks.map((tick) => (
        <g key={tick}>
          <line
            x1={`${LEFT}%`}
            x2={`${RIGHT}%`}
            y1={y(tick)}
            y2={y(tick)}
            stroke={tick === 0 ? TEXT : GRID}
            strokeWidth={1}
          />
          <text x={`${LEFT - 1.5}%`} y={y(tick) + 4} textAnchor="end" fontSize={11} fill={TEXT}>
            {formatCount(lang, tick)}
          </text>
        </g>
      ))}
      {chart.rows.map((row, i) => {
        const left = LEFT + i * group + group * 0.12;
        const [year, month = ""] = row.key.split("-");
        // Quarters ("2026-Q4", the officials' indicators) are ticked "Q4", their year under the first and each Q1.
        const quarter = month.startsWith("Q");
        const center = `${LEFT + (i + 0.5) * group}%`;
        return (
          <g key={row.key} data-row={row.key}>
            {row.values.map((value, s) => {
              const top = y(value ?? 0);
              return (
                <rect
                  key={chart.series[s]?.key ?? s}
                  data-bar={chart.series[s]?.key}
                  data-value={value ?? ""}
                  x={`${left + s * column}%`}
                  y={top}
                  width={`${column}%`}
                  height={TOP + plot - top}
                  fill={seriesColor(s).fill}
                >
                  <title>{`${row.label}: ${chart.series[s]?.label ?? ""} ${formatCount(lang, value ?? 0)}`}</title>
                </rect>
              );
            })}
            <text x={center} y={HEIGHT - BOTTOM + 15} textAnchor="middle" fontSize={11} fill={TEXT}>
              {quarter ? month : Number(month)}
            </text>
            {month === "01" || month === "Q1" || (i === 0 && (quarter || Number(month) <= 10)) ? (
              <text x={center} y={HEIGHT - BOTTOM + 30} textAnchor="middle" fontSize={11} fill={TEXT}>
                {year}
              </text>
            ) : null}
          </g>
        );
      })}
    </ChartSvg>
  );
}
