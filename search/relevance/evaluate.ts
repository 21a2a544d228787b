import type { OrganizationSearchInput } from "../organization-search";

/**
 * Scores a search on the relevance set (queries.ts): a query is a hit at rank
 * r when any of its expected listings is r-th; top-1, top-5 and the mean
 * reciprocal rank (0 past the fifth) per category and overall.
 */
export type RelevanceCategory = "vi-unaccented" | "vi-accented" | "english" | "acronym" | "typo" | "problem";

export type RelevanceQuery = {
  q: string;
  category: RelevanceCategory;
  /** Slugs of the listings a good answer shows; any of them in the top five is a hit */
  expect: readonly string[];
};

export type Figures = { count: number; top1: number; top5: number; mrr: number };
export type RelevanceReport = {
  byCategory: Record<string, Figures>;
  overall: Figures;
  misses: { query: RelevanceQuery; found: string[] }[];
};

/** A directory search with everything but the words left at its defaults, five to a page. */
export function relevanceSearchInput(q: string): OrganizationSearchInput {
  const none: string[] = [];
  return { q, kinds: none, areas: none, fields: none, districts: none, verifiedOnly: false, ...FIRST_FIVE };
}

const FIRST_FIVE = { sort: "relevance", lang: "vi", page: 1, perPage: 5 } as const;

export async function evaluateRelevance(
  queries: readonly RelevanceQuery[],
  topSlugs: (q: string) => Promise<string[]>,
): Promise<RelevanceReport> {
  const ranks: { query: RelevanceQuery; rank: number; found: string[] }[] = [];
  for (const query of queries) {
    const found = (await topSlugs(query.q)).slice(0, 5);
    const rank = found.findIndex((slug) => query.expect.includes(slug)) + 1;
    ranks.push({ query, rank, found });
  }
  const figures = (rows: typeof ranks): Figures => ({
    count: rows.length,
    top1: rate(rows.filter((row) => row.rank === 1).length, rows.length),
    top5: rate(rows.filter((row) => row.rank > 0).length, rows.length),
    mrr: rows.length ? rows.reduce((sum, row) => sum + (row.rank ? 1 / row.rank : 0), 0) / rows.length : 0,
  });
  const categories = [...new Set(queries.map((query) => query.category))];
  return {
    byCategory: Object.fromEntries(
      categories.map((category) => [category, figures(ranks.filter((row) => row.query.category === category))]),
    ),
    overall: figures(ranks),
    misses: ranks.filter((row) => row.rank === 0).map(({ query, found }) => ({ query, found })),
  };
}

function rate(part: number, whole: number): number {
  return whole ? part / whole : 0;
}

export function formatRelevanceReport(report: RelevanceReport, options: { misses: boolean }): string {
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
  const line = (name: string, f: Figures) =>
    `${name.padEnd(14)}${String(f.count).padStart(6)}${pct(f.top1)}${pct(f.top5)}${f.mrr.toFixed(3).padStart(7)}`;
  const lines = [
    `${"category".padEnd(14)}${"count".padStart(6)}${"top-1".padStart(7)}${"top-5".padStart(7)}${"MRR".padStart(7)}`,
    ...Object.entries(report.byCategory).map(([name, f]) => line(name, f)),
    line("overall", report.overall),
  ];
  if (options.misses && report.misses.length) {
    lines.push("", `misses (${report.misses.length}):`);
    for (const { query, found } of report.misses) {
      lines.push(`  [${query.category}] ${query.q} → want ${query.expect.join("|")}; got ${found.join(", ") || "-"}`);
    }
  }
  return lines.join("\n");
}
