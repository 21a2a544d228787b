import { eventForPage } from "~/models/event.server";
import { organizerLabels, publicEventCards, searchEvents } from "~/models/event-search.server";
import { getTaxonomy } from "~/models/field.server";
import { badParameter, notFound } from "./errors";
import { fieldSlugsOf } from "./field-links.server";
import { listEnvelope } from "./pagination";
import { checkPageInRange, expandFields, parseEventQuery, parseNoParameters } from "./params";
import { SLUG_PATTERN } from "~/utils/text";
import type { ApiArgs } from "./respond.server";
import { eventDetail, eventSummary } from "./serializers";

/**
 * Published events (docs/decisions/072) through the /events page's own search (engine, or the
 * database while it is down): upcoming soonest first unless `when=past`, latest first.
 */
export async function listEvents({ url, origin }: ApiArgs) {
  const query = parseEventQuery(url.searchParams);
  const fields = expandFields(query.fields, await getTaxonomy());
  if (query.organizers.length > 0) {
    const known = new Set((await organizerLabels([], query.organizers)).map((row) => row.slug));
    const unknown = query.organizers.find((slug) => !known.has(slug));
    if (unknown) throw badParameter(`Unknown organizer "${unknown}" in "organizer" (a published organization's slug).`);
  }
  const found = await searchEvents({ ...query, fields, facets: false });
  checkPageInRange(query, found.total);
  const cards = await publicEventCards(found.hits.map((hit) => hit.id));
  const slugs = await fieldSlugsOf(
    "event",
    cards.map((card) => card.id),
  );
  return listEnvelope(
    url,
    query,
    { total: found.total, degraded: found.mode === "database" },
    cards.map((card) => eventSummary(card, slugs.get(card.id) ?? [], origin)),
  );
}

/** What the event's public page shows: a published event, or a cancelled one that says so; else 404. */
export async function showEvent({ params, url, origin }: ApiArgs) {
  parseNoParameters(url.searchParams);
  const slug = params.slug ?? "";
  const found = SLUG_PATTERN.test(slug) && slug.length <= 120 ? await eventForPage(slug, null) : null;
  if (!found) throw notFound("No published event has this slug.");
  return { data: eventDetail(found.event, origin) };
}
