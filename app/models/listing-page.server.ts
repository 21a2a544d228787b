import type { Language } from "~/i18n/i18n";
import { OFFER_LABELS, OFFERS } from "~/domain/expert-values";
import { parseListingParams, withoutListingFilters, type ListName } from "~/utils/listing-query";
import { REQUESTER_TYPES, SECTOR_LABELS, SECTORS } from "~/domain/request-values";
import { translator } from "~/i18n/i18n";
import { getTaxonomy } from "./field.server";
import { searchExperts, searchOpenRequests } from "./search-gateway.server";
import { noResultsHelp } from "./search-help.server";
import { getOverseasSummary } from "./overseas.server";
import { EXPERT_BASES } from "~/utils/list-queries";
import { countryName } from "~/domain/overseas";

export const LISTING_PAGE_SIZE = 20;

/** One checkbox of a facet (the shape components/facet-group.tsx draws). */
type FacetOption = { value: string; label: string; count: number | null; selected: boolean };

const EXTRA = {
  experts: {
    values: OFFERS as readonly string[],
    label: (value: string, lang: Language) => OFFER_LABELS[value as keyof typeof OFFER_LABELS][lang],
    hideEmpty: false,
  },
  requests: {
    values: SECTORS as readonly string[],
    label: (value: string, lang: Language) => SECTOR_LABELS[value as keyof typeof SECTOR_LABELS][lang],
    hideEmpty: true,
  },
};

/**
 * What the experts and requests lists show, but their cards: the URL read by the
 * list's schema (with its problems), the search, and the facet options (counts
 * from the engine; none while the database answers).
 */
export async function searchListingPage(list: ListName, url: URL, lang: Language) {
  const { query, problems } = parseListingParams(url.searchParams, list);
  const search = list === "experts" ? searchExperts : searchOpenRequests;
  const [found, taxonomy] = await Promise.all([
    search({ ...query, fields: [], perPage: LISTING_PAGE_SIZE }),
    getTaxonomy(),
  ]);
  const counted = found.mode === "engine";
  const areaCounts = found.facets.areaSlugs ?? {};
  const extraCounts = found.facets[list === "experts" ? "offers" : "sector"] ?? {};
  const shown = (option: FacetOption) => option.count === null || option.count > 0 || option.selected;
  const extra = EXTRA[list];
  const requester = "requester" in query ? query.requester : [];
  const requesterCounts = found.facets.requesterType ?? {};
  // Zero results: the ways out (components/no-results.tsx); the count without filters reads no page.
  const based = "based" in query ? query.based : [];
  const countries = "countries" in query ? query.countries : [];
  const verifiedOnly = "verifiedOnly" in query && query.verifiedOnly;
  const filtered =
    query.areas.length > 0 ||
    query.extra.length > 0 ||
    requester.length > 0 ||
    based.length > 0 ||
    countries.length > 0 ||
    verifiedOnly;
  const countWithoutFilters = async () => {
    const unfiltered = await search({ ...query, ...withoutListingFilters(), fields: [], page: 1, perPage: 1 });
    return { total: unfiltered.total, taxonomy: unfiltered.facets.areaSlugs ?? {} };
  };
  const help = found.total === 0 ? await noResultsHelp(query.q, lang, filtered ? countWithoutFilters : null) : null;
  const label = (slug: string) => {
    const field = taxonomy.bySlug.get(slug);
    return field ? (lang === "vi" ? field.nameVi : field.nameEn) : slug;
  };
  return {
    help,
    concepts: found.concepts.map(label),
    params: query,
    problems,
    mode: found.mode,
    total: found.total,
    totalAtLeast: Boolean(found.totalAtLeast),
    pages: Math.max(1, Math.ceil(Math.min(found.total, 10_000) / LISTING_PAGE_SIZE)),
    ids: found.hits.map((hit) => hit.id),
    highlights: new Map(found.hits.map((hit) => [hit.id, hit.highlights])),
    areas: taxonomy.areas
      .map((area) => ({
        value: area.slug,
        label: lang === "vi" ? area.nameVi : area.nameEn,
        count: counted ? (areaCounts[area.slug] ?? 0) : null,
        selected: query.areas.includes(area.slug),
      }))
      .filter(shown),
    extra: extra.values
      .map((value) => ({
        value,
        label: extra.label(value, lang),
        count: counted ? (extraCounts[value] ?? 0) : null,
        selected: query.extra.includes(value),
      }))
      .filter((option) => !extra.hideEmpty || shown(option)),
    // Requests: "Bên đặt hàng: Doanh nghiệp / Cơ quan nhà nước"; none for experts.
    requester:
      list === "requests"
        ? REQUESTER_TYPES.map((value) => ({
            value,
            label: translator(lang)(`requester.${value}`),
            count: counted ? (requesterCounts[value] ?? 0) : null,
            selected: requester.includes(value),
          }))
        : [],
    ...(list === "experts" ? await basedFacets(found, based, countries, lang) : { based: [], countries: [] }),
    // Experts: "Đã xác minh đơn vị công tác", one box named as the badge on their cards, its count under the other filters.
    verified:
      list === "experts"
        ? [
            {
              value: "1",
              label: translator(lang)("affiliation.verified"),
              count: counted ? (found.facets.affiliationVerified?.true ?? 0) : null,
              selected: verifiedOnly,
            },
          ]
        : [],
  };
}

/**
 * Experts: "Nơi làm việc: Trong nước / Ở nước ngoài", and the countries once abroad is
 * chosen (docs/decisions/076); counts from the engine, none while the database answers
 * (then the countries come from the overseas figures).
 */
async function basedFacets(
  found: { mode: string; facets: Record<string, Record<string, number>> },
  based: string[],
  countries: string[],
  lang: Language,
) {
  const counted = found.mode === "engine";
  const overseas = found.facets.overseas ?? {};
  const t = translator(lang);
  const basedOptions = EXPERT_BASES.map((value) => ({
    value,
    label: t(`overseas.facet.${value}`),
    count: counted ? (overseas[value === "abroad" ? "true" : "false"] ?? 0) : null,
    selected: based.includes(value),
  }));
  const abroadOnly = based.length === 1 && based[0] === "abroad";
  if (!abroadOnly && countries.length === 0) return { based: basedOptions, countries: [] };
  const counts = counted
    ? Object.entries(found.facets.country ?? {}).map(([code, count]) => ({ code, count }))
    : (await getOverseasSummary()).byCountry.map(({ code }) => ({ code, count: null }));
  const codes = new Set([...counts.map(({ code }) => code), ...countries]);
  const countOf = new Map(counts.map(({ code, count }) => [code, count]));
  const countryOptions = [...codes]
    .map((code) => ({
      value: code,
      label: countryName(code, lang),
      count: counted ? (countOf.get(code) ?? 0) : null,
      selected: countries.includes(code),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
  return { based: basedOptions, countries: countryOptions };
}
