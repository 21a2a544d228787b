import { Prisma } from "~/generated/prisma/client";
import { EVENTS_INDEX } from "#search/indexes";
import { INDEXED_EVENT } from "#search/event-document";
import { searchListing, type ListingResult } from "#search/listing-search";
import { prisma, readRowsNow, type DbClient } from "~/db/client.server";
import { readDate } from "~/db/sqlite-adapter.server";
import type { EventsPageQuery } from "~/utils/list-queries";
import { searchTerms } from "~/utils/text";
import { timed } from "~/utils/server-timing";
import { engineOrDatabase, COUNTED_MATCHES_LIMIT, type SearchMode } from "./search-gateway.server";

/**
 * How events are found (docs/decisions/072): the events index through the
 * gateway's engine-or-database switch, upcoming (not yet over) soonest first or
 * past latest first; when the engine is down, every folded word in the row's
 * `searchText` (a LIKE: a few thousand events a year need no FTS table).
 */
export type EventQuery = Omit<EventsPageQuery, "page"> & {
  page: number;
  perPage: number;
  /** The moment that splits upcoming from past (tests and the bench fix it) */
  now?: Date;
  /** False: the page and total only, no facet counts */
  facets?: boolean;
};

/** The index's attributes the page counts, by the URL's parameter names. */
export const EVENT_FACETS = {
  kind: "kind",
  format: "format",
  district: "district",
  field: "fieldSlugs",
  organizer: "organizationId",
} as const;
export type EventFacet = keyof typeof EVENT_FACETS;

export type EventAnswer = ListingResult & { mode: SearchMode };

/** The organizers' slugs as listing ids (an unknown slug finds nothing, it is not dropped). */
async function organizerIds(slugs: readonly string[], db: DbClient) {
  if (slugs.length === 0) return [];
  const rows = await db.organization.findMany({ where: { slug: { in: [...slugs] } }, select: { id: true } });
  return rows.length ? rows.map((row) => row.id) : ["-"];
}

export async function searchEvents(query: EventQuery, db: DbClient = prisma): Promise<EventAnswer> {
  const now = query.now ?? new Date();
  const organizations = await organizerIds(query.organizers, db);
  const past = query.when === "past";
  return engineOrDatabase<ListingResult>(
    () =>
      timed("engine", () =>
        searchListing(EVENTS_INDEX, {
          q: query.q,
          filters: {
            kind: query.kinds,
            format: query.formats,
            district: query.districts,
            fieldSlugs: query.fields,
            organizationId: organizations,
          },
          filter: past ? `endsAt < ${now.getTime()}` : `endsAt >= ${now.getTime()}`,
          facets: query.facets === false ? [] : Object.values(EVENT_FACETS),
          sort: [past ? "startsAt:desc" : "startsAt:asc"],
          page: query.page,
          perPage: query.perPage,
          highlight: ["titleVi", "titleEn"],
        }),
      ),
    () => timed("database", () => eventsInDatabase({ ...query, organizations, now }, db)),
  );
}

async function eventsInDatabase(
  query: EventQuery & { organizations: string[]; now: Date },
  db: DbClient,
): Promise<ListingResult> {
  const where: Prisma.EventWhereInput = {
    ...INDEXED_EVENT,
    endsAt: query.when === "past" ? { lt: query.now } : { gte: query.now },
    AND: [
      ...searchTerms(query.q)
        .slice(0, 12)
        .map((term) => ({ searchText: { contains: term } })),
      ...(query.kinds.length ? [{ kind: { in: query.kinds } }] : []),
      ...(query.formats.length ? [{ format: { in: query.formats } }] : []),
      ...(query.districts.length ? [{ district: { in: query.districts } }] : []),
      ...(query.fields.length ? [{ fields: { some: { field: { slug: { in: query.fields } } } } }] : []),
      ...(query.organizations.length ? [{ organizationId: { in: query.organizations } }] : []),
    ],
  };
  const [count, rows] = await Promise.all([
    db.event.count({ where }),
    db.event.findMany({
      where,
      orderBy: [{ startsAt: query.when === "past" ? "desc" : "asc" }, { id: "asc" }],
      skip: (query.page - 1) * query.perPage,
      take: query.perPage,
      select: { id: true },
    }),
  ]);
  return {
    total: Math.min(count, COUNTED_MATCHES_LIMIT * 10),
    facets: {},
    hits: rows.map((row) => ({ id: row.id, highlights: {} })),
  };
}

type EventCardRow = {
  id: string;
  slug: string;
  kind: string;
  titleVi: string | null;
  titleEn: string | null;
  startsAt: Date | string;
  endsAt: Date | string;
  format: string;
  venue: string | null;
  district: string | null;
  ward: string | null;
  organizerName: string | null;
  orgSlug: string | null;
  orgNameVi: string | null;
  orgNameEn: string | null;
  orgAcronym: string | null;
};

/**
 * What a list shows of each published event, in the order given; its organizer
 * only when public. One statement read with a statement prepared once, as the
 * directory's and the offers' cards are (docs/decisions/078): as a Prisma select
 * it cost 3 ms of the app's one thread on every /events request.
 */
export async function publicEventCards(ids: readonly string[], db: DbClient = prisma) {
  if (ids.length === 0) return [];
  const rows = await timed("cards", () =>
    readRowsNow<EventCardRow>(
      Prisma.sql`
      SELECT e.id, e.slug, e.kind, e.titleVi, e.titleEn, e.startsAt, e.endsAt, e.format, e.venue, e.district,
             e.ward, e.organizerName,
             o.slug AS orgSlug, o.nameVi AS orgNameVi, o.nameEn AS orgNameEn, o.acronym AS orgAcronym
      FROM Event e
      LEFT JOIN Organization o ON o.id = e.organizationId AND o.status = 'published'
      WHERE e.id IN (${Prisma.join([...ids])}) AND e.status = ${INDEXED_EVENT.status}`,
      db,
    ),
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { orgSlug, orgNameVi, orgNameEn, orgAcronym, startsAt, endsAt, ...event } = row;
    const organization =
      orgSlug === null ? null : { slug: orgSlug, nameVi: orgNameVi, nameEn: orgNameEn, acronym: orgAcronym };
    return [{ ...event, startsAt: readDate(startsAt), endsAt: readDate(endsAt), organization }];
  });
}
export type EventCardData = Awaited<ReturnType<typeof publicEventCards>>[number];

/**
 * The organizers the facet counted (listing ids) and those the URL names (slugs),
 * as slugs and names. Each list is read through its own index: Prisma's OR of the
 * two read the whole directory (100 ms at 100,000 listings, on every /events page
 * whose events have organizers).
 */
export function organizerLabelsStatement(ids: readonly string[], slugs: readonly string[]): Prisma.Sql | null {
  const parts = [
    ...(ids.length > 0 ? [Prisma.sql`id IN (${Prisma.join([...ids])})`] : []),
    ...(slugs.length > 0 ? [Prisma.sql`slug IN (${Prisma.join([...slugs])})`] : []),
  ].map(
    (where) =>
      Prisma.sql`SELECT id, slug, nameVi, nameEn, acronym FROM Organization WHERE ${where} AND status = 'published'`,
  );
  return parts.length > 0 ? Prisma.join(parts, " UNION ") : null;
}

export async function organizerLabels(ids: readonly string[], slugs: readonly string[], db: DbClient = prisma) {
  const statement = organizerLabelsStatement(ids, slugs);
  return statement
    ? readRowsNow<{ id: string; slug: string; nameVi: string | null; nameEn: string | null; acronym: string | null }>(
        statement,
        db,
      )
    : [];
}
