import type { EventsPageQuery } from "./list-queries";

/** The events' filters, none chosen. */
export const NO_EVENT_FILTERS = {
  kinds: [],
  formats: [],
  districts: [],
  fields: [],
  organizers: [],
} satisfies Partial<EventsPageQuery>;

/** The /events URL for a query: the short form (no defaults), as the form submits it. */
export function eventsSearch(query: EventsPageQuery, page = query.page): string {
  const search = new URLSearchParams();
  if (query.q) search.set("q", query.q);
  if (query.when !== "upcoming") search.set("when", query.when);
  const lists: [string, readonly string[]][] = [
    ["kind", query.kinds],
    ["format", query.formats],
    ["district", query.districts],
    ["field", query.fields],
    ["organizer", query.organizers],
  ];
  for (const [name, values] of lists) for (const value of values) search.append(name, value);
  if (page > 1) search.set("page", String(page));
  const text = search.toString();
  return `/events${text ? `?${text}` : ""}`;
}
