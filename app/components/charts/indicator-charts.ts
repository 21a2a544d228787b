import { pick, translator, type Language, type Translate } from "~/i18n/i18n";
import { AGREEMENT_TYPE_LABELS, type AgreementType } from "~/domain/agreement-values";
import { MEETING_OUTCOME_LABELS, type MeetingOutcome } from "~/domain/meeting-values";
import { DISTRICTS, findDistrict } from "~/domain/districts";
import { quarterLabel } from "~/domain/quarter";
import type { Figure, Indicators } from "~/models/indicators.server";
import type { ChartData, ChartRow } from "./types";

/**
 * The officials' indicator charts (docs/decisions/075), built from one load of the
 * figures in one language: the page, the report and the CSV downloads all go through
 * here, so what is downloaded is what is shown.
 */
export const INDICATOR_CHARTS = [
  "summary",
  "quarters",
  "agreement-types",
  "meeting-outcomes",
  "links-areas",
  "programme-areas",
  "stock-areas",
  "links-fields",
  "programme-fields",
  "stock-fields",
] as const;
export type IndicatorChartId = (typeof INDICATOR_CHARTS)[number];

export const isIndicatorChart = (id: string): id is IndicatorChartId =>
  (INDICATOR_CHARTS as readonly string[]).includes(id);

/** The figures each breakdown shows, as its series. */
const GROUPS = {
  links: ["matches", "inquiries", "agreements", "transfers"],
  programme: ["events", "meetings"],
  stock: ["ipOffers", "startups", "incubators", "experts"],
} as const satisfies Record<string, readonly Figure[]>;

/** The PII pillar each figure is evidence for (docs/decisions/075). */
export const FIGURE_PILLARS: Record<Figure, number> = {
  matches: 5,
  inquiries: 5,
  agreements: 5,
  transfers: 6,
  events: 5,
  meetings: 5,
  ipOffers: 6,
  startups: 5,
  incubators: 5,
  experts: 2,
};

const figureLabel = (t: Translate, figure: Figure) => t(`indicators.figure.${figure}`);

function breakdown(
  id: IndicatorChartId,
  group: keyof typeof GROUPS,
  keys: { key: string; label: string }[],
  values: (figure: Figure, key: string) => number,
  category: string,
  t: Translate,
): ChartData {
  const figures = GROUPS[group];
  const rows: ChartRow[] = keys
    .map(({ key, label }) => ({ key: key || "none", label, values: figures.map((figure) => values(figure, key)) }))
    .filter((row) => row.values.some((value) => value > 0))
    .sort((a, b) => sum(b.values) - sum(a.values) || a.key.localeCompare(b.key));
  return {
    id,
    type: "bars",
    title: t(`indicators.chart.${id}` as "indicators.chart.summary"),
    description: t(`indicators.group.${group}`),
    category,
    series: figures.map((figure) => ({ key: figure, label: figureLabel(t, figure) })),
    rows,
  };
}

const sum = (values: (number | null)[]) => values.reduce<number>((total, value) => total + (value ?? 0), 0);

export function indicatorCharts(data: Indicators, lang: Language): Record<IndicatorChartId, ChartData> {
  const t = translator(lang);
  const range =
    data.quarters.length === 1
      ? quarterLabel(data.quarters[0]!, lang)
      : `${quarterLabel(data.filters.from, lang)} – ${quarterLabel(data.filters.to, lang)}`;
  const areas = [
    ...DISTRICTS.map((district) => ({ key: district.slug, label: district[lang] })),
    { key: "", label: t("indicators.noArea") },
  ];
  // Areas the data names that the list does not know (an old slug) still count.
  for (const figure of Object.keys(data.byArea) as Figure[])
    for (const key of Object.keys(data.byArea[figure]))
      if (key && !findDistrict(key) && !areas.some((area) => area.key === key)) areas.push({ key, label: key });
  const fields = data.fieldGroups.map((field) => ({ key: field.id, label: pick(lang, field.nameVi, field.nameEn) }));
  const slugOf = new Map(data.fieldGroups.map((field) => [field.id, field.slug]));
  const byField = (id: IndicatorChartId, group: keyof typeof GROUPS) => {
    const chart = breakdown(
      id,
      group,
      fields,
      (figure, key) => data.byField[figure][key] ?? 0,
      t("indicators.field"),
      t,
    );
    // Rows keyed by slug: stable across databases, like the ecosystem charts.
    return { ...chart, rows: chart.rows.map((row) => ({ ...row, key: slugOf.get(row.key) ?? row.key })) };
  };
  const byArea = (id: IndicatorChartId, group: keyof typeof GROUPS) =>
    breakdown(id, group, areas, (figure, key) => data.byArea[figure][key] ?? 0, t("indicators.area"), t);

  return {
    summary: {
      id: "summary",
      type: "kpis",
      title: t("indicators.chart.summary"),
      description: t("indicators.summaryRange", { range }),
      category: t("ecosystem.indicator"),
      series: [{ key: "value", label: t("ecosystem.value") }],
      rows: (Object.keys(data.totals) as Figure[]).map((figure) => ({
        key: figure,
        label: figureLabel(t, figure),
        values: [data.totals[figure]],
        detail: t("indicators.pillarShort", { pillar: FIGURE_PILLARS[figure] }),
      })),
    },
    quarters: {
      id: "quarters",
      type: "columns",
      title: t("indicators.chart.quarters"),
      description: range,
      category: t("indicators.quarter"),
      series: (["matches", "inquiries", "agreements", "transfers", "events", "meetings"] as const).map((figure) => ({
        key: figure,
        label: figureLabel(t, figure),
      })),
      rows: data.quarters.map((quarter) => ({
        key: quarter,
        label: quarterLabel(quarter, lang),
        values: (["matches", "inquiries", "agreements", "transfers", "events", "meetings"] as const).map(
          (figure) => data.byQuarter[figure][quarter] ?? 0,
        ),
      })),
    },
    "agreement-types": {
      id: "agreement-types",
      type: "bars",
      title: t("indicators.chart.agreement-types"),
      description: range,
      category: t("indicators.agreementType"),
      series: [{ key: "agreements", label: figureLabel(t, "agreements") }],
      rows: data.agreementTypes.map((row) => ({
        key: row.type,
        label: AGREEMENT_TYPE_LABELS[row.type as AgreementType]?.[lang] ?? row.type,
        values: [row.count],
      })),
    },
    "meeting-outcomes": {
      id: "meeting-outcomes",
      type: "bars",
      title: t("indicators.chart.meeting-outcomes"),
      description: t("indicators.meetingOutcomesNote", { range }),
      category: t("indicators.meetingOutcome"),
      series: [{ key: "sides", label: t("indicators.meetingSides") }],
      rows: data.meetingOutcomes.map((row) => ({
        key: row.outcome,
        label:
          row.outcome === "none"
            ? t("indicators.outcomeNone")
            : (MEETING_OUTCOME_LABELS[row.outcome as MeetingOutcome]?.[lang] ?? row.outcome),
        values: [row.count],
      })),
    },
    "links-areas": byArea("links-areas", "links"),
    "programme-areas": byArea("programme-areas", "programme"),
    "stock-areas": byArea("stock-areas", "stock"),
    "links-fields": byField("links-fields", "links"),
    "programme-fields": byField("programme-fields", "programme"),
    "stock-fields": byField("stock-fields", "stock"),
  };
}
