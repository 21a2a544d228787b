/**
 * Series colours: the fill drawn in SVG and the same colour as a Tailwind
 * class for the legend (written out whole, so Tailwind finds it). Each has at
 * least 3:1 contrast with white, as WCAG asks of graphics.
 */
export const PALETTE = [
  { fill: "#174c99", swatch: "bg-brand-700" },
  { fill: "#0f766e", swatch: "bg-teal-700" },
  { fill: "#b45309", swatch: "bg-amber-700" },
] as const;

export function seriesColor(index: number) {
  return PALETTE[index % PALETTE.length]!;
}

/** Axis and label text (slate-700) and grid lines (slate-200). */
export const TEXT = "#334155";
export const GRID = "#e2e8f0";
