import type { ReactNode } from "react";

/** A table's column headings, inside the caller's header row: one `th` a label, each with `cell`'s classes. */
export function ColumnHeadings({ labels, cell = "p-2" }: { labels: ReactNode[]; cell?: string }) {
  return labels.map((label, i) => (
    <th key={i} scope="col" className={cell}>
      {label}
    </th>
  ));
}
