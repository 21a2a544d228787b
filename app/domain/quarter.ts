/**
 * Calendar quarters "YYYY-Qn" in Hanoi time, as the officials' indicators count them
 * (docs/decisions/075).
 */
const QUARTER = /^(\d{4})-Q([1-4])$/;

export const isQuarter = (value: string | null | undefined): value is string =>
  typeof value === "string" && QUARTER.test(value);

/** The quarter of a day "YYYY-MM-DD". */
export function quarterOfDay(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

function parts(quarter: string): [number, number] {
  const [, year, q] = QUARTER.exec(quarter) ?? [];
  return [Number(year), Number(q)];
}

/** The quarter `n` quarters after (before, when negative) `quarter`. */
export function shiftQuarter(quarter: string, n: number): string {
  const [year, q] = parts(quarter);
  const index = year * 4 + (q - 1) + n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** Its first day, and the first day of the next quarter (exclusive bound). */
export function quarterDays(quarter: string): { first: string; next: string } {
  const [year, q] = parts(quarter);
  const month = (q - 1) * 3 + 1;
  const first = `${year}-${String(month).padStart(2, "0")}-01`;
  const nextQuarter = shiftQuarter(quarter, 1);
  const [nextYear, nq] = parts(nextQuarter);
  return { first, next: `${nextYear}-${String((nq - 1) * 3 + 1).padStart(2, "0")}-01` };
}

/** Every quarter from `from` to `to`, both included, oldest first (empty when reversed). */
export function quartersBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let q = from; q <= to && out.length < 400; q = shiftQuarter(q, 1)) out.push(q);
  return out;
}

/** "Quý 4/2026" or "Q4 2026". */
export function quarterLabel(quarter: string, lang: "vi" | "en"): string {
  const [year, q] = parts(quarter);
  return lang === "vi" ? `Quý ${q}/${year}` : `Q${q} ${year}`;
}
