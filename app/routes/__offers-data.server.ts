import type { FacetOption } from "~/components/facet-group";
import { findDistrict } from "~/domain/districts";
import {
  ACCESS_MODE_LABELS,
  IP_STATUS_LABELS,
  OFFER_TYPE_LABELS,
  PRICE_MODE_LABELS,
  TRL_MAX,
  TRL_MIN,
} from "~/domain/offer-values";
import { ORGANIZATION_KINDS } from "~/domain/organization-values";
import { findWard, wardLabel } from "~/domain/wards";
import { translator, type Language } from "~/i18n/i18n";
import { getTaxonomy } from "~/models/field.server";
import { OFFER_FACETS, publicOfferCards, searchOffers, type OfferFacet } from "~/models/offer-search.server";
import { noResultsHelp } from "~/models/search-help.server";
import { offerThumbnails } from "~/models/offer-photo.server";
import { offersPageQuerySchema, readPageQuery, type OffersPageQuery } from "~/utils/list-queries";
import { NO_OFFER_FILTERS } from "~/utils/offer-query";

export const OFFERS_PAGE_SIZE = 20;

/** The facets' URL values, as the query holds them. */
function selectedOf(query: OffersPageQuery): Record<OfferFacet, string[]> {
  return {
    type: query.types,
    area: query.areas,
    field: query.fields,
    price: query.priceModes,
    access: query.accessModes,
    district: query.districts,
    ward: query.wards,
    kind: query.kinds,
    trl: query.trls.map(String),
    ip: query.ipStatuses,
  };
}

export function hasOfferFilters(query: OffersPageQuery): boolean {
  return Object.values(selectedOf(query)).some((values) => values.length > 0);
}

/** What /offers shows: the URL read by its schema (with its problems), the search, the cards, the facets. */
export async function offersPage(url: URL, lang: Language) {
  const { query, problems } = readPageQuery(offersPageQuerySchema, url.searchParams);
  const [found, taxonomy] = await Promise.all([
    searchOffers({ ...query, lang, perPage: OFFERS_PAGE_SIZE }),
    getTaxonomy(),
  ]);
  const ids = found.hits.map((hit) => hit.id);
  const [results, thumbnails] = await Promise.all([publicOfferCards(ids), offerThumbnails(ids)]);
  const highlights = new Map(found.hits.map((hit) => [hit.id, hit.highlights]));
  const t = translator(lang);
  const taxonomyLabel = (slug: string) => {
    const field = taxonomy.bySlug.get(slug);
    return field ? (lang === "vi" ? field.nameVi : field.nameEn) : slug;
  };
  const counted = found.mode === "engine";
  const selected = selectedOf(query);
  const counts = (facet: OfferFacet) => found.facets[OFFER_FACETS[facet]] ?? {};
  // A vocabulary: every value, with its count when the engine gave them.
  const closed = (facet: OfferFacet, values: readonly (string | number)[], label: (value: string) => string) =>
    values.map(String).map((value) => ({
      value,
      label: label(value),
      count: counted ? (counts(facet)[value] ?? 0) : null,
      selected: selected[facet].includes(value),
    }));
  // Open-ended (fields, places): the values found, by count; without counts, the chosen ones.
  const open = (facet: OfferFacet, label: (value: string) => string): FacetOption[] => {
    const chosen = selected[facet];
    const found = counted ? Object.entries(counts(facet)).sort((a, b) => b[1] - a[1]) : [];
    const options: FacetOption[] = found.map(([value, count]) => ({
      value,
      label: label(value),
      count,
      selected: chosen.includes(value),
    }));
    for (const value of chosen) {
      if (!options.some((option) => option.value === value)) {
        options.unshift({ value, label: label(value), count: counted ? 0 : null, selected: true });
      }
    }
    return options;
  };
  const trls = Array.from({ length: TRL_MAX - TRL_MIN + 1 }, (_, i) => TRL_MIN + i);
  const facets = {
    type: closed("type", Object.keys(OFFER_TYPE_LABELS), (v) => OFFER_TYPE_LABELS[v as never][lang]),
    area: closed(
      "area",
      taxonomy.areas.map((area) => area.slug),
      taxonomyLabel,
    ),
    field: open("field", taxonomyLabel),
    price: closed("price", Object.keys(PRICE_MODE_LABELS), (v) => PRICE_MODE_LABELS[v as never][lang]),
    access: closed("access", Object.keys(ACCESS_MODE_LABELS), (v) => ACCESS_MODE_LABELS[v as never][lang]),
    district: open("district", (slug) => findDistrict(slug)?.[lang] ?? slug),
    ward: open("ward", (slug) => {
      const ward = findWard(slug);
      return ward ? wardLabel(ward, lang) : slug;
    }),
    kind: closed("kind", ORGANIZATION_KINDS, (kind) => t(`kinds.${kind as (typeof ORGANIZATION_KINDS)[number]}`)),
    trl: closed("trl", trls, (trl) => t("offerSearch.trl", { trl })),
    ip: closed("ip", Object.keys(IP_STATUS_LABELS), (v) => IP_STATUS_LABELS[v as never][lang]),
  };
  // Zero results: the ways out (components/no-results.tsx); the count without filters reads no page.
  const withoutFilters = async () => {
    const all = await searchOffers({ ...query, ...NO_OFFER_FILTERS, lang, page: 1, perPage: 1 });
    return { total: all.total, taxonomy: all.facets.areaSlugs ?? {} };
  };
  const help =
    found.total === 0 ? await noResultsHelp(query.q, lang, hasOfferFilters(query) ? withoutFilters : null) : null;
  const body = {
    query,
    problems,
    mode: found.mode,
    total: found.total,
    totalAtLeast: Boolean(found.totalAtLeast),
    pages: Math.max(1, Math.ceil(Math.min(found.total, 10_000) / OFFERS_PAGE_SIZE)),
    concepts: found.concepts.map(taxonomyLabel),
    results: results.map((offer) => ({
      ...offer,
      highlights: highlights.get(offer.id) ?? {},
      thumbnail: thumbnails.get(offer.id) ?? null,
    })),
    facets,
    help,
  };
  return { body, status: problems.length > 0 ? 400 : 200 };
}
