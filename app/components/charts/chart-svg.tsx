import type { ReactNode } from "react";
import type { Language } from "~/i18n/i18n";
import type { ChartData } from "./types";

/** What a drawn chart takes: its data, and the ids of the card's title and summary that name it. */
export type ChartProps = { chart: ChartData; lang: Language; labelledBy: string; describedBy: string };

/** The largest value of any series (0 when there are none), which the axis reaches. */
export function largestValue(chart: ChartData): number {
  return Math.max(0, ...chart.rows.flatMap((row) => row.values.map((value) => value ?? 0)));
}

/** The SVG every chart is drawn in: full width, named by the card for screen readers. */
export function ChartSvg({
  height,
  labelledBy,
  describedBy,
  children,
}: Pick<ChartProps, "labelledBy" | "describedBy"> & { height: number; children: ReactNode }) {
  return (
    <svg
      width="100%"
      height={height}
      role="img"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      className="block"
    >
      {children}
    </svg>
  );
}
