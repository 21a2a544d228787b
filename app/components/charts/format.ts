import { translator, type Language } from "~/i18n/i18n";
import type { ValueFormat } from "./types";

const round1 = (value: number) => Math.round(value * 10) / 10;

const formats = new Map<Language, Intl.NumberFormat>();
/**
 * The same format as formatNumber in ~/i18n/i18n, made once per language: a
 * page of charts formats hundreds of numbers, and creating an
 * Intl.NumberFormat for each was a good part of its render time.
 */
export function formatCount(lang: Language, value: number): string {
  let format = formats.get(lang);
  if (!format) formats.set(lang, (format = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB")));
  return format.format(value);
}

/**
 * A value as the page shows it. Built on the plain number format (no
 * percent or unit styles), which reads the same in Node and in browsers, so
 * the server's HTML and the hydrated page agree.
 */
export function formatValue(lang: Language, value: number | null, format: ValueFormat = "count"): string {
  if (format === "count" && value !== null) return formatCount(lang, value);
  const t = translator(lang);
  if (value === null) return t("ecosystem.none");
  if (format === "percent") return t("ecosystem.percent", { value: formatCount(lang, round1(value)) });
  if (format === "hours") {
    return value < 48
      ? t("ecosystem.hours", { value: formatCount(lang, round1(value)) })
      : t("ecosystem.days", { value: formatCount(lang, round1(value / 24)) });
  }
  return formatCount(lang, value);
}

/** A label cut to `max` characters with an ellipsis; the full text stays in the table and the tooltip. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** A round upper bound and step for an axis with about four intervals, in whole numbers. */
export function niceScale(max: number): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 1 };
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? 10 * power);
  return { max: Math.ceil(max / step) * step, step };
}
