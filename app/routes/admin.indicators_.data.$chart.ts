import type { LoaderFunctionArgs } from "@remix-run/node";
import { chartCsv, chartJson } from "~/components/charts/export";
import { indicatorCharts, isIndicatorChart } from "~/components/charts/indicator-charts";
import { translator } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { requireUserWithRole } from "~/auth/auth.server";
import { loadIndicators } from "~/models/indicators.server";
import { invariantResponse } from "~/utils/misc";
import { indicatorFilters } from "./__indicators.server";

/**
 * One indicator chart's data as a file, for the page's filters:
 * `/admin/indicators/data/<chart>?format=csv|json&from=&to=&area=&field=` (docs/decisions/075).
 * Officials only, like the page; not open data (no licence is attached).
 */
export async function loader(args: LoaderFunctionArgs) {
  requireUserWithRole(args, ["curator", "admin"]);
  const id = args.params.chart ?? "";
  const lang = await getLanguage(args.request);
  const url = new URL(args.request.url);
  const format = url.searchParams.get("format") ?? "csv";
  invariantResponse(format === "csv" || format === "json", translator(lang)("indicators.badFormat"));
  if (!isIndicatorChart(id))
    throw new Response("No such chart.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const filters = indicatorFilters(url);
  const data = await loadIndicators(filters);
  const chart = indicatorCharts(data, lang)[id];
  const body =
    format === "csv"
      ? chartCsv(chart, lang)
      : `${JSON.stringify({ ...chartJson(chart, lang, data.computedAt), filters }, null, 2)}\n`;
  const range = filters.from === filters.to ? filters.from : `${filters.from}_${filters.to}`;
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="indicators-${id}-${range}.${format}"`,
    },
  });
}
