import { hanoiToday } from "~/domain/booking";
import { isDistrictSlug } from "~/domain/districts";
import { isQuarter, quarterOfDay, shiftQuarter } from "~/domain/quarter";
import type { IndicatorFilters } from "~/models/indicators.server";

/**
 * The indicators' filters from a URL (docs/decisions/075), one policy for every page and
 * download: a missing or malformed value falls back to its default (the last four
 * quarters, the whole city, every field); a reversed range is turned round; at most
 * MAX_QUARTERS quarters.
 */
export const MAX_QUARTERS = 20;
const FIELD_SLUG = /^[a-z0-9-]{1,80}$/;

export function currentQuarter(now = new Date()) {
  return quarterOfDay(hanoiToday(now));
}

export function indicatorFilters(url: URL, now = new Date()): IndicatorFilters {
  const params = url.searchParams;
  const current = currentQuarter(now);
  const to = isQuarter(params.get("to")) ? params.get("to")! : current;
  const from = isQuarter(params.get("from")) ? params.get("from")! : shiftQuarter(to, -3);
  const [first, last] = from <= to ? [from, to] : [to, from];
  const area = params.get("area") ?? "";
  const field = params.get("field") ?? "";
  return {
    from: first < shiftQuarter(last, -(MAX_QUARTERS - 1)) ? shiftQuarter(last, -(MAX_QUARTERS - 1)) : first,
    to: last,
    district: isDistrictSlug(area) ? area : null,
    field: FIELD_SLUG.test(field) ? field : null,
  };
}

/** The filters as a query string (for the download links and the report). */
export function filterQuery(filters: IndicatorFilters) {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.district) params.set("area", filters.district);
  if (filters.field) params.set("field", filters.field);
  return params.toString();
}
