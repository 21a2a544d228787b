import { pick, translator, type Language, type Translate } from "~/i18n/i18n";
import type { KindLink, OfficialStatistics, PublicStatistics } from "~/models/statistics.server";
import { directorySearch } from "~/utils/directory-query";
import { findDistrict } from "~/domain/districts";
import { isOrganizationKind, UNLISTED_BUSINESS } from "~/domain/organization-values";
import { OFFER_TYPE_LABELS, OFFER_TYPES, type OfferType } from "~/domain/offer-values";
import type { ChartData, ChartRow } from "./types";

/**
 * The ecosystem page's charts, built from the statistics in one language.
 * The page and the downloads both go through here, so they always agree.
 */
export const PUBLIC_CHARTS = [
  "summary",
  "requests",
  "requesters",
  "kinds",
  "fields",
  "districts",
  "expert-fields",
  "collaborations",
  "structure",
  "offer-types",
  "offer-areas",
  "offer-districts",
  "programme",
] as const;
export const OFFICIAL_CHARTS = ["curation", "organizations", "curators"] as const;
export type PublicChartId = (typeof PUBLIC_CHARTS)[number];
export type OfficialChartId = (typeof OFFICIAL_CHARTS)[number];

export function isPublicChart(id: string): id is PublicChartId {
  return (PUBLIC_CHARTS as readonly string[]).includes(id);
}

export function isOfficialChart(id: string): id is OfficialChartId {
  return (OFFICIAL_CHARTS as readonly string[]).includes(id);
}

const RESEARCH = new Set(["university", "institute", "lab"]);
const BUSINESS = new Set(["enterprise", "startup", UNLISTED_BUSINESS]);
const isBusiness = (kind: string | null) => kind !== null && BUSINESS.has(kind);

/** One decimal, as the tables and downloads give durations and shares. */
const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** A tile of a key-figures chart: one value, maybe a link to where it is counted. */
const count = (key: string, label: string, value: number, href?: string): ChartRow => ({
  key,
  label,
  values: [value],
  href,
});

/** A chart's title, description and category, when its messages are named after it and take nothing. */
function texts(id: "structure" | "organizations" | "curators", t: Translate) {
  const key = `ecosystem.${id}` as const;
  return { title: t(`${key}.title`), description: t(`${key}.description`), category: t(`${key}.category`) };
}

/** A chart of key figures (tiles): one value per row. */
function kpis<Id extends string>(id: Id, title: string, rows: ChartRow[], t: Translate) {
  const series = [{ key: "value", label: t("ecosystem.value") }];
  return { id, type: "kpis" as const, title, category: t("ecosystem.indicator"), series, rows };
}

export function publicCharts(stats: PublicStatistics, lang: Language): Record<PublicChartId, ChartData> {
  const t = translator(lang);
  const kindLabel = (kind: string) => (isOrganizationKind(kind) ? t(`kinds.${kind}`) : kind);
  const { totals } = stats;
  // The headline counts exactly the chart's rows from a business (listed or not) to a research organization.
  const businessResearch = stats.collaborations
    .filter((link) => isBusiness(link.from) && link.to && RESEARCH.has(link.to))
    .reduce((sum, link) => sum + link.count, 0);

  return {
    summary: kpis(
      "summary",
      t("ecosystem.summary.title"),
      [
        count("organizations", t("ecosystem.kpi.organizations"), stats.organizations.total, "/directory"),
        count("experts", t("ecosystem.kpi.experts"), totals.experts, "/experts"),
        count("requests", t("ecosystem.kpi.requests"), totals.requests, "/requests"),
        { ...count("matches", t("ecosystem.kpi.matches"), totals.matches), detail: t("ecosystem.kpi.matchesDetail") },
        {
          key: "matched-share",
          label: t("ecosystem.kpi.matchedShare"),
          values: [round1(totals.matchedShare === null ? null : totals.matchedShare * 100)],
          format: "percent",
          detail: t("ecosystem.kpi.matchedShareDetail", { matched: totals.matched, requests: totals.requests }),
        },
        {
          key: "median-hours-to-first-response",
          label: t("ecosystem.kpi.firstResponse"),
          values: [round1(totals.medianHoursToFirstResponse)],
          format: "hours",
          detail: t("ecosystem.kpi.firstResponseDetail", { count: totals.responded }),
        },
      ],
      t,
    ),
    // Counts only: no agreement's type, value or parties reach the public (docs/decisions/075).
    programme: {
      ...kpis(
        "programme",
        t("ecosystem.programme.title"),
        [
          count("events", t("ecosystem.kpi.events"), stats.programme.events),
          count("meetings", t("ecosystem.kpi.meetings"), stats.programme.meetings),
          count("agreements", t("ecosystem.kpi.agreements"), stats.programme.agreements),
        ],
        t,
      ),
      description: t("ecosystem.programme.description"),
    },
    requests: {
      id: "requests",
      type: "columns",
      title: t("ecosystem.requests.title"),
      description: t("ecosystem.requests.description", { count: stats.months.length }),
      category: t("ecosystem.month"),
      series: [
        { key: "opened", label: t("ecosystem.series.opened") },
        { key: "matched", label: t("ecosystem.series.matched") },
      ],
      rows: stats.months.map((month) => ({
        key: month.month,
        label: monthLabel(month.month, lang),
        values: [month.opened, month.matched],
      })),
    },
    requesters: {
      id: "requesters",
      type: "columns",
      title: t("requester.chart.title"),
      description: t("requester.chart.description"),
      category: t("requester.facet"),
      series: [
        { key: "posted", label: t("requester.chart.posted") },
        { key: "open", label: t("requester.chart.open") },
        { key: "matched", label: t("requester.chart.matched") },
      ],
      rows: stats.requesters.map((row) => ({
        key: row.requesterType,
        label: t(row.requesterType === "agency" ? "requester.agency" : "requester.business"),
        values: [row.posted, row.open, row.matched],
        href: `/requests?requester=${row.requesterType}`,
      })),
    },
    kinds: {
      id: "kinds",
      type: "bars",
      title: t("ecosystem.kinds.title"),
      category: t("ecosystem.kinds.category"),
      series: [{ key: "organizations", label: t("ecosystem.series.organizations") }],
      rows: stats.organizations.byKind.map(({ key, count: n }) =>
        count(key ?? "", kindLabel(key ?? ""), n, key ? `/directory${directorySearch({ kinds: [key] })}` : undefined),
      ),
    },
    fields: {
      id: "fields",
      type: "bars",
      title: t("ecosystem.fields.title"),
      description: t("ecosystem.fields.description", { count: stats.fields.length }),
      category: t("ecosystem.field"),
      series: [{ key: "organizations", label: t("ecosystem.series.organizations") }],
      rows: stats.fields.map((field) =>
        count(
          field.slug,
          pick(lang, field.nameVi, field.nameEn),
          field.count,
          `/directory${directorySearch({ fields: [field.slug] })}`,
        ),
      ),
    },
    districts: {
      id: "districts",
      type: "bars",
      title: t("ecosystem.districts.title"),
      category: t("ecosystem.districts.category"),
      series: [{ key: "organizations", label: t("ecosystem.series.organizations") }],
      rows: stats.organizations.byDistrict.map(({ key, count: n }) => {
        if (key === null) return count("none", t("ecosystem.districts.none"), n);
        const district = findDistrict(key);
        return count(
          key,
          district?.[lang] ?? key,
          n,
          district ? `/directory${directorySearch({ districts: [key] })}` : undefined,
        );
      }),
    },
    "expert-fields": {
      id: "expert-fields",
      type: "bars",
      title: t("ecosystem.expertFields.title"),
      description: t("ecosystem.expertFields.description", { count: stats.expertFields.length }),
      category: t("ecosystem.field"),
      series: [{ key: "experts", label: t("ecosystem.series.experts") }],
      rows: stats.expertFields.map((field) => count(field.slug, pick(lang, field.nameVi, field.nameEn), field.count)),
    },
    collaborations: {
      id: "collaborations",
      type: "bars",
      title: t("ecosystem.collaborations.title"),
      description: t("ecosystem.collaborations.description", { count: businessResearch }),
      category: t("ecosystem.collaborations.category"),
      series: [{ key: "matches", label: t("ecosystem.series.matches") }],
      rows: stats.collaborations.map((link) =>
        linkRow(
          link,
          (kind) =>
            kind === null
              ? t("ecosystem.collaborations.unlistedRequester")
              : kind === UNLISTED_BUSINESS
                ? t("ecosystem.collaborations.unlistedCompany")
                : kindOne(kind, t),
          (kind) => (kind === null ? t("ecosystem.collaborations.unlistedExpert") : kindOne(kind, t)),
        ),
      ),
    },
    structure: {
      id: "structure",
      type: "bars",
      ...texts("structure", t),
      series: [{ key: "units", label: t("ecosystem.series.units") }],
      rows: stats.structure.map((link) =>
        linkRow(
          link,
          (kind) => kindOne(kind ?? "", t),
          (kind) => kindOne(kind ?? "", t),
        ),
      ),
    },
    ...offerCharts(stats, lang, t),
  };
}

/** Public services, equipment and technologies by type, field group and area, each row a filter of /offers. */
function offerCharts(stats: PublicStatistics, lang: Language, t: Translate) {
  const { offers } = stats;
  const offersWith = (name: string, value: string) => `/offers?${new URLSearchParams({ [name]: value })}`;
  const bars = (id: "offer-types" | "offer-areas" | "offer-districts", title: string, rows: ChartRow[]) => ({
    id,
    type: "bars" as const,
    title,
    description: t("offerSearch.ecosystem.description", { count: offers.total }),
    category: title,
    series: [{ key: "offers", label: t("offerSearch.ecosystem.title") }],
    rows,
  });
  return {
    "offer-types": bars(
      "offer-types",
      t("offerSearch.ecosystem.byType"),
      offers.byType.map(({ key, count: n }) =>
        count(
          key ?? "",
          isOfferType(key) ? OFFER_TYPE_LABELS[key][lang] : (key ?? ""),
          n,
          offersWith("type", key ?? ""),
        ),
      ),
    ),
    "offer-areas": bars(
      "offer-areas",
      t("offerSearch.ecosystem.byArea"),
      offers.byArea.map((area) =>
        count(area.slug, pick(lang, area.nameVi, area.nameEn), area.count, offersWith("area", area.slug)),
      ),
    ),
    "offer-districts": bars(
      "offer-districts",
      t("offerSearch.ecosystem.byDistrict"),
      offers.byDistrict.map(({ key, count: n }) => {
        const district = findDistrict(key);
        if (!district) return count("none", t("offerSearch.ecosystem.unknownDistrict"), n);
        return count(district.slug, district[lang], n, offersWith("district", district.slug));
      }),
    ),
  };
}

const isOfferType = (key: string | null): key is OfferType => (OFFER_TYPES as readonly unknown[]).includes(key);

export function officialCharts(stats: OfficialStatistics, lang: Language): Record<OfficialChartId, ChartData> {
  const t = translator(lang);
  const { queue } = stats;
  return {
    curation: kpis(
      "curation",
      t("ecosystem.curation.title"),
      [
        count("pending-requests", t("ecosystem.curation.pendingRequests"), queue.pendingRequests, "/admin/requests"),
        count("pending-claims", t("ecosystem.curation.pendingClaims"), queue.pendingClaims, "/admin/claims"),
        count("pending-revisions", t("ecosystem.curation.pendingRevisions"), queue.pendingRevisions, "/admin/queue"),
        count("pending-profiles", t("ecosystem.curation.pendingProfiles"), queue.pendingProfiles, "/admin/queue"),
        count("stale-listings", t("ecosystem.curation.staleListings"), queue.staleListings, "/admin/queue"),
        {
          key: "median-hours-to-review",
          label: t("ecosystem.curation.reviewTime"),
          values: [round1(queue.medianHoursToReview)],
          format: "hours",
        },
      ],
      t,
    ),
    organizations: {
      id: "organizations",
      type: "bars",
      ...texts("organizations", t),
      series: [
        { key: "experts", label: t("ecosystem.series.experts") },
        { key: "requests", label: t("ecosystem.series.requests") },
        { key: "matches", label: t("ecosystem.series.matches") },
      ],
      rows: stats.organizations.map((organization) => {
        const name = pick(lang, organization.nameVi, organization.nameEn) || organization.slug;
        return {
          key: organization.slug,
          label: organization.acronym ? `${name} (${organization.acronym})` : name,
          values: [organization.experts, organization.requests, organization.matches],
          href: organization.status === "published" ? `/organizations/${organization.slug}` : undefined,
        };
      }),
    },
    curators: {
      id: "curators",
      type: "bars",
      ...texts("curators", t),
      series: [
        { key: "requests", label: t("ecosystem.series.requestsReviewed") },
        { key: "claims", label: t("ecosystem.series.claims") },
        { key: "other", label: t("ecosystem.series.otherActions") },
      ],
      rows: stats.curators.map((curator) => ({
        key: curator.id,
        label: curator.name,
        values: [curator.requestsReviewed, curator.claimsReviewed, curator.otherActions],
      })),
    },
  };
}

function kindOne(kind: string, t: Translate) {
  return isOrganizationKind(kind) ? t(`kind.${kind}`) : kind;
}

function linkRow(link: KindLink, from: (kind: string | null) => string, to: (kind: string | null) => string): ChartRow {
  return {
    key: `${link.from ?? "none"}>${link.to ?? "none"}`,
    label: `${from(link.from)} → ${to(link.to)}`,
    values: [link.count],
  };
}

/** "tháng 3 năm 2026" / "March 2026", for the table (the axis shows month numbers). */
function monthLabel(key: string, lang: Language) {
  const [year, month] = key.split("-").map(Number);
  return new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 1)));
}
