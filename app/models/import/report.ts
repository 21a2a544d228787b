import type { FileProblem } from "./parse";
import type { RowProblem } from "./rows";

/**
 * An import's report, the same for every kind of file: each row's outcome (create,
 * update, unchanged or reject with its problems), the counts, and what the page shows.
 */
export type Outcome = "create" | "update" | "unchanged" | "reject";
export type PlannedLine = {
  row: number;
  /** What the row names: a listing's slug, an offer's owner, type and name. */
  slug: string;
  outcome: Outcome;
  problems?: RowProblem[];
  changed?: string[];
};
export type Plan = { rows: PlannedLine[]; counts: Record<Outcome, number> };

export type Shown = {
  row: number;
  slug: string;
  outcome: Outcome;
  problems: RowProblem[];
  changed?: string[];
};
export type ImportResult =
  | {
      kind: "file-problem";
      problem:
        FileProblem | { key: "import.noFile" | "import.file.expired" | "import.file.changed"; params?: undefined };
    }
  | {
      kind: "plan";
      applied: false;
      refused: boolean;
      token: string | null;
      fileName: string;
      counts: Record<Outcome, number>;
      rows: Shown[];
      hidden: number;
    }
  | { kind: "applied"; created: number; updated: number; unchanged: number };

/** The rows a page can show: every rejected one (up to 500), then the first others. */
export function shownRows(rows: PlannedLine[]): { rows: Shown[]; hidden: number } {
  const rejected = rows.filter((row) => row.outcome === "reject").slice(0, 500);
  const others = rows.filter((row) => row.outcome !== "reject").slice(0, 100);
  const shown = [...rejected, ...others].map((row) => ({
    row: row.row,
    slug: row.slug,
    outcome: row.outcome,
    problems: row.outcome === "reject" ? (row.problems ?? []) : [],
    changed: row.outcome === "update" ? row.changed : undefined,
  }));
  return { rows: shown, hidden: rows.length - shown.length };
}
