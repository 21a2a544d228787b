import type { LoaderFunctionArgs } from "@remix-run/node";
import { chartCsv, chartFileName, chartJson } from "~/components/charts/export";
import { isOfficialChart, isPublicChart, officialCharts, publicCharts } from "~/components/charts/ecosystem-charts";
import type { ChartData } from "~/components/charts/types";
import { translator } from "~/i18n/i18n";
import { getOfficialStatistics, getPublicStatistics } from "~/models/statistics.server";
import { requireUserWithRole } from "~/auth/auth.server";
import { getLanguage } from "~/i18n/language.server";
import { invariantResponse } from "~/utils/misc";
import { OPEN_DATA_LICENSE, openDataLicenseLink } from "~/domain/open-data";

/**
 * One chart's data as a file: `/ecosystem/data/<chart>?format=csv|json`
 * (`&lang=` picks the labels' language, as on every page). Officials' charts
 * need an official's session, checked here like on the page.
 */
export async function loader(args: LoaderFunctionArgs) {
  const id = args.params.chart ?? "";
  const lang = await getLanguage(args.request);
  const format = new URL(args.request.url).searchParams.get("format") ?? "csv";
  invariantResponse(format === "csv" || format === "json", translator(lang)("ecosystem.badFormat"));

  let chart: ChartData;
  let generatedAt: string;
  if (isPublicChart(id)) {
    const stats = await getPublicStatistics();
    chart = publicCharts(stats, lang)[id];
    generatedAt = stats.computedAt;
  } else if (isOfficialChart(id)) {
    requireUserWithRole(args, ["curator", "admin"]);
    chart = officialCharts(await getOfficialStatistics(), lang)[id];
    generatedAt = new Date().toISOString();
  } else {
    throw new Response("No such chart.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }

  // Public figures are open data (CC BY 4.0); officials' charts are not published.
  const open = isPublicChart(id);
  const json = { ...chartJson(chart, lang, generatedAt), ...(open ? { license: OPEN_DATA_LICENSE } : {}) };
  const body = format === "csv" ? chartCsv(chart, lang) : `${JSON.stringify(json, null, 2)}\n`;
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      // Cache-Control (private, no-cache) and Vary: Cookie come from the server, as for every page.
      "Content-Disposition": `attachment; filename="${chartFileName(id, generatedAt, format)}"`,
      ...(open ? { Link: openDataLicenseLink } : {}),
    },
  });
}
