import type { FacetOption } from "~/components/facet-group";
import { findDistrict } from "~/domain/districts";
import { EVENT_FORMAT_LABELS, EVENT_FORMATS, EVENT_KIND_LABELS, EVENT_KINDS } from "~/domain/event-values";
import { pick, type Language } from "~/i18n/i18n";
import { getTaxonomy } from "~/models/field.server";
import {
  EVENT_FACETS,
  organizerLabels,
  publicEventCards,
  searchEvents,
  type EventFacet,
} from "~/models/event-search.server";
import { noResultsHelp } from "~/models/search-help.server";
import { eventsPageQuerySchema, readPageQuery, type EventsPageQuery } from "~/utils/list-queries";
import { NO_EVENT_FILTERS } from "~/utils/event-query";

export const EVENTS_PAGE_SIZE = 20;

function selectedOf(query: EventsPageQuery): Record<EventFacet, string[]> {
  return {
    kind: query.kinds,
    format: query.formats,
    district: query.districts,
    field: query.fields,
    organizer: query.organizers,
  };
}

export function hasEventFilters(query: EventsPageQuery): boolean {
  return Object.values(selectedOf(query)).some((values) => values.length > 0);
}

/** What /events shows: the URL read by its schema (with its problems), the search, the cards, the facets. */
export async function eventsPage(url: URL, lang: Language) {
  const { query, problems } = readPageQuery(eventsPageQuerySchema, url.searchParams);
  const now = new Date();
  const [found, taxonomy] = await Promise.all([
    searchEvents({ ...query, perPage: EVENTS_PAGE_SIZE, now }),
    getTaxonomy(),
  ]);
  const results = await publicEventCards(found.hits.map((hit) => hit.id));
  const counted = found.mode === "engine";
  const selected = selectedOf(query);
  const counts = (facet: EventFacet) => found.facets[EVENT_FACETS[facet]] ?? {};
  const closed = (facet: EventFacet, values: readonly string[], label: (value: string) => string) =>
    values.map((value) => ({
      value,
      label: label(value),
      count: counted ? (counts(facet)[value] ?? 0) : null,
      selected: selected[facet].includes(value),
    }));
  const open = (facet: EventFacet, label: (value: string) => string, values = Object.entries(counts(facet))) => {
    const chosen = selected[facet];
    const options: FacetOption[] = (counted ? values.sort((a, b) => b[1] - a[1]) : []).map(([value, count]) => ({
      value,
      label: label(value),
      count,
      selected: chosen.includes(value),
    }));
    for (const value of chosen)
      if (!options.some((option) => option.value === value))
        options.unshift({ value, label: label(value), count: counted ? 0 : null, selected: true });
    return options;
  };
  const fieldLabel = (slug: string) => {
    const field = taxonomy.bySlug.get(slug);
    return field ? (lang === "vi" ? field.nameVi : field.nameEn) : slug;
  };
  // The organizer facet counts listing ids; the URL names them by slug.
  const organizerCounts = Object.entries(counts("organizer"));
  const organizers = await organizerLabels(
    organizerCounts.map(([id]) => id),
    query.organizers,
  );
  const slugOf = new Map(organizers.map((row) => [row.id, row.slug]));
  const nameOf = new Map(organizers.map((row) => [row.slug, row.acronym || pick(lang, row.nameVi, row.nameEn)]));
  const facets = {
    kind: closed("kind", EVENT_KINDS, (value) => EVENT_KIND_LABELS[value as never][lang]),
    format: closed("format", EVENT_FORMATS, (value) => EVENT_FORMAT_LABELS[value as never][lang]),
    district: open("district", (slug) => findDistrict(slug)?.[lang] ?? slug),
    field: open("field", fieldLabel),
    organizer: open(
      "organizer",
      (slug) => nameOf.get(slug) ?? slug,
      organizerCounts.flatMap(([id, count]) => (slugOf.has(id) ? [[slugOf.get(id)!, count] as [string, number]] : [])),
    ),
  };
  const withoutFilters = async () => {
    const all = await searchEvents({ ...query, ...NO_EVENT_FILTERS, page: 1, perPage: 1, now });
    return { total: all.total, taxonomy: all.facets.fieldSlugs ?? {} };
  };
  // Nothing to help with when nothing was asked for: the page says there are no events.
  const filtered = hasEventFilters(query);
  const help =
    found.total === 0 && (query.q || filtered)
      ? await noResultsHelp(query.q, lang, filtered ? withoutFilters : null)
      : null;
  const body = {
    query,
    problems,
    mode: found.mode,
    total: found.total,
    pages: Math.max(1, Math.ceil(Math.min(found.total, 10_000) / EVENTS_PAGE_SIZE)),
    concepts: [] as string[],
    results: results.map((event) => ({
      ...event,
      highlights: found.hits.find((hit) => hit.id === event.id)?.highlights ?? {},
    })),
    facets,
    help,
  };
  return { body, status: problems.length > 0 ? 400 : 200 };
}
