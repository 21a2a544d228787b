import { Prisma } from "~/generated/prisma/client";
import { prisma, readRows, type DbClient } from "~/db/client.server";
import { storedDate } from "~/db/sqlite-adapter.server";
import { AGREEMENT_TYPES, LICENSING_TYPES } from "~/domain/agreement-values";
import { MEETING_OUTCOMES } from "~/domain/meeting-values";
import { quarterDays, quartersBetween } from "~/domain/quarter";

/**
 * The officials' indicators (docs/decisions/075): what the portal knows, counted the
 * way the Provincial Innovation Index's pillars ask, by quarter, area and field. Each
 * figure is a few aggregate SQL statements (GROUP BY in the database, never a row per
 * item in the app), like app/models/statistics.server.ts. Only confirmed agreements
 * count; no value, note or party of an agreement leaves here, only counts.
 *
 * Flows (matches, inquiries answered, agreements, events and meetings held) count by the
 * Hanoi quarter of their date; stocks (offers with granted IP, startups, incubators,
 * experts) are counted as of today and take the area and field filters only.
 */

import { FIGURES, FLOW_FIGURES, type Figure, type FlowFigure } from "~/domain/indicators";

export {
  FIGURES,
  FLOW_FIGURES,
  STOCK_FIGURES,
  type Figure,
  type FlowFigure,
  type StockFigure,
} from "~/domain/indicators";

export type IndicatorFilters = {
  /** First and last quarter, "YYYY-Qn", both included */
  from: string;
  to: string;
  /** An area (district) slug, or null for the whole city */
  district: string | null;
  /** A field slug (its sub-fields count too), or null for every field */
  field: string | null;
};

type Source = {
  /** FROM and JOINs; the item's alias is `x` */
  from: Prisma.Sql;
  where: Prisma.Sql;
  /** The item's area (district slug) */
  area: Prisma.Sql;
  /** (item, fieldId) pairs: the fields an item is in */
  links: Prisma.Sql;
  /** The date a flow counts by: a stored instant, or a Hanoi day "YYYY-MM-DD" */
  date?: { instant: Prisma.Sql } | { day: Prisma.Sql };
  /**
   * Rows that stand for several items: `x.n` of them (meetings, pre-counted per event and
   * hour in SQL, so the per-row work is done on a few thousand groups, not 50,000 rows).
   * `from` then takes the range itself.
   */
  weighted?: (range: IndicatorFilters) => Prisma.Sql;
};

const APPROVED = Prisma.sql`('open', 'closed', 'expired')`;
const GRANTED = Prisma.join(["granted_patent", "granted_utility"]);

/**
 * An agreement's area: the organization contacted in its conversation (an inquiry, a
 * booking), else the requester's organization (a match), else the event's venue (a meeting).
 */
const agreementFrom = Prisma.sql`Agreement x JOIN Conversation c ON c.id = x.conversationId
  LEFT JOIN Organization co ON co.id = c.organizationId
  LEFT JOIN Match m ON m.id = c.matchId LEFT JOIN TechRequest r ON r.id = m.requestId
  LEFT JOIN Organization ro ON ro.id = r.organizationId
  LEFT JOIN EventMeeting em ON em.conversationId = c.id LEFT JOIN Event ev ON ev.id = em.eventId`;
/** An agreement's fields: its technology's or listing's, the match's request's, the meeting's event's. */
const agreementLinks = Prisma.sql`
  SELECT a.id AS item, l.fieldId FROM Agreement a JOIN Conversation c ON c.id = a.conversationId
    JOIN OfferField l ON l.offerId = c.offerId WHERE a.status = 'confirmed'
  UNION SELECT a.id, l.fieldId FROM Agreement a JOIN Conversation c ON c.id = a.conversationId
    JOIN OrganizationField l ON l.organizationId = c.organizationId WHERE a.status = 'confirmed' AND c.offerId IS NULL
  UNION SELECT a.id, l.fieldId FROM Agreement a JOIN Conversation c ON c.id = a.conversationId
    JOIN Match m ON m.id = c.matchId JOIN RequestField l ON l.requestId = m.requestId WHERE a.status = 'confirmed'
  UNION SELECT a.id, l.fieldId FROM Agreement a JOIN EventMeeting em ON em.conversationId = a.conversationId
    JOIN EventField l ON l.eventId = em.eventId WHERE a.status = 'confirmed'`;

/** Sources of every figure but `transfers`, which is read off the agreements' rows by type. */
function sources(now: Date): Record<Exclude<Figure, "transfers">, Source> {
  const past = storedDate(now);
  const agreements = (where: Prisma.Sql): Source => ({
    from: agreementFrom,
    where,
    area: Prisma.sql`COALESCE(co.district, ro.district, ev.district)`,
    links: agreementLinks,
    date: { day: Prisma.sql`x.signedOn` },
  });
  return {
    matches: {
      from: Prisma.sql`Match x JOIN TechRequest r ON r.id = x.requestId LEFT JOIN Organization ro ON ro.id = r.organizationId`,
      where: Prisma.sql`r.status IN ${APPROVED}`,
      area: Prisma.sql`ro.district`,
      links: Prisma.sql`SELECT m.id AS item, l.fieldId FROM Match m JOIN RequestField l ON l.requestId = m.requestId`,
      date: { instant: Prisma.sql`x.createdAt` },
    },
    inquiries: {
      from: Prisma.sql`Conversation x LEFT JOIN Organization co ON co.id = x.organizationId`,
      where: Prisma.sql`x.kind = 'inquiry' AND EXISTS (SELECT 1 FROM Message g WHERE g.conversationId = x.id
        AND g.senderId <> x.starterId AND g.event IS NULL)`,
      area: Prisma.sql`co.district`,
      links: Prisma.sql`
        SELECT c.id AS item, l.fieldId FROM Conversation c JOIN OfferField l ON l.offerId = c.offerId WHERE c.kind = 'inquiry'
        UNION SELECT c.id, l.fieldId FROM Conversation c JOIN OrganizationField l ON l.organizationId = c.organizationId
          WHERE c.kind = 'inquiry' AND c.offerId IS NULL
        UNION SELECT c.id, l.fieldId FROM Conversation c JOIN ExpertField l ON l.expertId = c.expertId WHERE c.kind = 'inquiry'`,
      date: { instant: Prisma.sql`x.createdAt` },
    },
    agreements: agreements(Prisma.sql`x.status = 'confirmed'`),
    events: {
      from: Prisma.sql`Event x`,
      where: Prisma.sql`x.status = 'published' AND x.endsAt < ${past}`,
      area: Prisma.sql`x.district`,
      links: Prisma.sql`SELECT eventId AS item, fieldId FROM EventField`,
      date: { instant: Prisma.sql`x.startsAt` },
    },
    meetings: {
      from: Prisma.sql`EventMeeting x`,
      where: Prisma.sql`1`,
      area: Prisma.sql`ev.district`,
      links: Prisma.sql`SELECT eventId AS item, fieldId FROM EventField`,
      date: { instant: Prisma.sql`x.startsAt` },
      // Per event and UTC hour (a Hanoi quarter never splits an hour): the event's area and fields apply to each.
      weighted: (
        range,
      ) => Prisma.sql`(SELECT eventId AS id, substr(startsAt, 1, 13) || ':00:00' AS startsAt, COUNT(*) AS n
        FROM EventMeeting WHERE status = 'accepted' AND endsAt < ${past} AND ${inRange({ instant: Prisma.sql`startsAt` }, range)}
        GROUP BY eventId, substr(startsAt, 1, 13)) x JOIN Event ev ON ev.id = x.id`,
    },
    ipOffers: {
      from: Prisma.sql`Offer x LEFT JOIN Organization g ON g.id = x.organizationId`,
      where: Prisma.sql`x.status = 'published' AND x.hiddenAt IS NULL AND (g.id IS NULL OR g.status = 'published')
        AND x.ipStatus IN (${GRANTED})`,
      area: Prisma.sql`COALESCE(x.district, g.district)`,
      links: Prisma.sql`SELECT offerId AS item, fieldId FROM OfferField`,
    },
    startups: {
      from: Prisma.sql`Organization x`,
      where: Prisma.sql`x.status = 'published' AND x.kind = 'startup'`,
      area: Prisma.sql`x.district`,
      links: Prisma.sql`SELECT organizationId AS item, fieldId FROM OrganizationField`,
    },
    incubators: {
      from: Prisma.sql`Organization x`,
      where: Prisma.sql`x.status = 'published' AND x.kind = 'incubator'`,
      area: Prisma.sql`x.district`,
      links: Prisma.sql`SELECT organizationId AS item, fieldId FROM OrganizationField`,
    },
    experts: {
      from: Prisma.sql`ExpertProfile x LEFT JOIN Organization ao ON ao.id = x.affiliationId AND ao.status = 'published'`,
      where: Prisma.sql`x.status = 'published'`,
      area: Prisma.sql`ao.district`,
      links: Prisma.sql`SELECT expertId AS item, fieldId FROM ExpertField`,
    },
  };
}

/** SQLite modifier from UTC to Hanoi time (no daylight saving there). */
const HANOI = "+7 hours";

/** The Hanoi quarter "YYYY-Qn" of a flow's date, in SQL. */
function quarterOf(date: NonNullable<Source["date"]>) {
  if ("day" in date)
    return Prisma.sql`substr(${date.day}, 1, 4) || '-Q' || ((CAST(substr(${date.day}, 6, 2) AS INTEGER) + 2) / 3)`;
  return Prisma.sql`strftime('%Y', ${date.instant}, ${HANOI}) || '-Q' || ((CAST(strftime('%m', ${date.instant}, ${HANOI}) AS INTEGER) + 2) / 3)`;
}

/** The quarter range as bounds on the date's own column (index-friendly: no function of the column). */
function inRange(date: NonNullable<Source["date"]>, filters: IndicatorFilters) {
  const first = quarterDays(filters.from).first;
  const next = quarterDays(filters.to).next;
  if ("day" in date) return Prisma.sql`${date.day} >= ${first} AND ${date.day} < ${next}`;
  // A Hanoi midnight is 17:00 UTC the day before.
  const instant = (day: string) => storedDate(new Date(Date.parse(`${day}T00:00:00+07:00`)));
  return Prisma.sql`${date.instant} >= ${instant(first)} AND ${date.instant} < ${instant(next)}`;
}

type Scope = { fieldIds: string[] | null; district: string | null };

function conditions(source: Source, scope: Scope, filters: IndicatorFilters | null) {
  const parts = [source.where];
  // A weighted source has taken the range in its own rows.
  if (filters && source.date && !source.weighted) parts.push(inRange(source.date, filters));
  if (scope.district) parts.push(Prisma.sql`${source.area} = ${scope.district}`);
  if (scope.fieldIds)
    parts.push(
      scope.fieldIds.length
        ? Prisma.sql`x.id IN (SELECT item FROM (${source.links}) WHERE fieldId IN (${Prisma.join(scope.fieldIds)}))`
        : Prisma.sql`0`,
    );
  return Prisma.join(parts, " AND ");
}

type Row = { q: string | null; a: string | null; t: string | null; n: bigint | number };
type Split = { type: string | null };

/** Per quarter and area (flows), or per area (stocks); per `split` (an agreement's type) too, when given. */
async function byQuarterAndArea(
  source: Source,
  scope: Scope,
  filters: IndicatorFilters,
  db: DbClient,
  split: Prisma.Sql = Prisma.sql`NULL`,
) {
  const from = source.weighted ? source.weighted(filters) : source.from;
  const where = conditions(source, scope, filters);
  const quarter = source.date ? quarterOf(source.date) : Prisma.sql`NULL`;
  const count = source.weighted ? Prisma.sql`SUM(x.n)` : Prisma.sql`COUNT(*)`;
  const rows = await readRows<Row>(
    Prisma.sql`
    SELECT ${quarter} AS q, ${source.area} AS a, ${split} AS t, ${count} AS n FROM ${from} WHERE ${where}
    GROUP BY q, a, t`,
    db,
  );
  return rows.map((row) => ({ quarter: row.q, district: row.a, type: row.t, count: Number(row.n) }));
}

/** Per top-level field group (an item in several groups counts once in each), and per `split`. */
async function byFieldGroup(
  source: Source,
  scope: Scope,
  filters: IndicatorFilters,
  db: DbClient,
  split: Prisma.Sql = Prisma.sql`NULL`,
) {
  const from = source.weighted ? source.weighted(filters) : source.from;
  const where = conditions(source, scope, filters);
  const key = source.weighted ? Prisma.sql`x.startsAt` : Prisma.sql`NULL`;
  const weight = source.weighted ? Prisma.sql`x.n` : Prisma.sql`1`;
  const rows = await readRows<{ g: string; t: string | null; n: bigint | number }>(
    Prisma.sql`
    SELECT g, t, SUM(w) AS n FROM (
      SELECT DISTINCT x.id AS item, ${key} AS k, ${weight} AS w, ${split} AS t, COALESCE(f.parentId, f.id) AS g
      FROM ${from} JOIN (${source.links}) lk ON lk.item = x.id JOIN Field f ON f.id = lk.fieldId
      WHERE ${where})
    GROUP BY g, t`,
    db,
  );
  return rows.map((row) => ({ groupId: row.g, type: row.t, count: Number(row.n) }));
}

/** The field and its sub-fields' ids; an unknown slug matches nothing. */
async function fieldScope(slug: string | null, db: DbClient): Promise<string[] | null> {
  if (!slug) return null;
  const rows = await readRows<{ id: string }>(
    Prisma.sql`
    SELECT f.id FROM Field f WHERE f.slug = ${slug}
    UNION SELECT c.id FROM Field c JOIN Field p ON p.id = c.parentId WHERE p.slug = ${slug}`,
    db,
  );
  return rows.map((row) => row.id);
}

export type Indicators = {
  filters: IndicatorFilters;
  quarters: string[];
  computedAt: string;
  /** Each figure's total over the range (stocks: today) */
  totals: Record<Figure, number>;
  /** Flows per quarter of the range */
  byQuarter: Record<FlowFigure, Record<string, number>>;
  /** Each figure per area slug ("" for no area) */
  byArea: Record<Figure, Record<string, number>>;
  /** Each figure per top-level field (id) */
  byField: Record<Figure, Record<string, number>>;
  fieldGroups: { id: string; slug: string; nameVi: string; nameEn: string }[];
  agreementTypes: { type: string; count: number }[];
  /** What the sides of the meetings held said came of them: each side's answer once; "none" for no answer */
  meetingOutcomes: { outcome: string; count: number }[];
};

const isLicensing = (row: Split) => (LICENSING_TYPES as readonly (string | null)[]).includes(row.type);

/**
 * Every figure for the filters: per quarter and area in one statement each, per field
 * group in another (18 small aggregate statements). Agreements are grouped by type as
 * well: the transfers and the split by type are read off their rows.
 */
export async function loadIndicators(
  filters: IndicatorFilters,
  now = new Date(),
  db: DbClient = prisma,
): Promise<Indicators> {
  const all = sources(now);
  const scope: Scope = { fieldIds: await fieldScope(filters.field, db), district: filters.district };
  const quarters = quartersBetween(filters.from, filters.to);
  const queried = FIGURES.filter((figure): figure is Exclude<Figure, "transfers"> => figure !== "transfers");
  const splitOf = (figure: Figure) => (figure === "agreements" ? Prisma.sql`x.type` : undefined);
  const [grids, fieldRows, groups, outcomes] = await Promise.all([
    Promise.all(queried.map((figure) => byQuarterAndArea(all[figure], scope, filters, db, splitOf(figure)))),
    Promise.all(queried.map((figure) => byFieldGroup(all[figure], scope, filters, db, splitOf(figure)))),
    db.field.findMany({
      where: { parentId: null },
      orderBy: [{ position: "asc" }, { slug: "asc" }],
      select: { id: true, slug: true, nameVi: true, nameEn: true },
    }),
    meetingOutcomes(scope, filters, now, db),
  ]);
  const grid = new Map<Figure, Awaited<ReturnType<typeof byQuarterAndArea>>>(
    queried.map((figure, i) => [figure, grids[i]!]),
  );
  const fields = new Map<Figure, Awaited<ReturnType<typeof byFieldGroup>>>(
    queried.map((figure, i) => [figure, fieldRows[i]!]),
  );
  grid.set("transfers", grid.get("agreements")!.filter(isLicensing));
  fields.set("transfers", fields.get("agreements")!.filter(isLicensing));

  const totals = {} as Record<Figure, number>;
  const byQuarter = {} as Record<FlowFigure, Record<string, number>>;
  const byArea = {} as Record<Figure, Record<string, number>>;
  const byField = {} as Record<Figure, Record<string, number>>;
  for (const figure of FIGURES) {
    const rows = grid.get(figure)!;
    totals[figure] = rows.reduce((sum, row) => sum + row.count, 0);
    const areas: Record<string, number> = {};
    for (const row of rows) areas[row.district ?? ""] = (areas[row.district ?? ""] ?? 0) + row.count;
    byArea[figure] = areas;
    if ((FLOW_FIGURES as readonly string[]).includes(figure)) {
      const perQuarter: Record<string, number> = Object.fromEntries(quarters.map((q) => [q, 0]));
      for (const row of rows) if (row.quarter) perQuarter[row.quarter] = (perQuarter[row.quarter] ?? 0) + row.count;
      byQuarter[figure as FlowFigure] = perQuarter;
    }
    const perField: Record<string, number> = {};
    for (const row of fields.get(figure)!) perField[row.groupId] = (perField[row.groupId] ?? 0) + row.count;
    byField[figure] = perField;
  }
  const byType = new Map<string, number>();
  for (const row of grid.get("agreements")!)
    if (row.type) byType.set(row.type, (byType.get(row.type) ?? 0) + row.count);
  return {
    filters,
    quarters,
    computedAt: now.toISOString(),
    totals,
    byQuarter,
    byArea,
    byField,
    fieldGroups: groups,
    agreementTypes: AGREEMENT_TYPES.map((type) => ({ type, count: byType.get(type) ?? 0 })),
    meetingOutcomes: [...MEETING_OUTCOMES, "none"].map((outcome) => ({ outcome, count: outcomes.get(outcome) ?? 0 })),
  };
}

/**
 * The outcomes the two sides of the meetings held recorded (docs/decisions/073): each side's
 * answer counts once, a side that has not answered counts as "none". The meetings are those
 * the "meetings held" figure counts, under the same range, area and field filters.
 */
async function meetingOutcomes(scope: Scope, filters: IndicatorFilters, now: Date, db: DbClient) {
  const parts = [
    Prisma.sql`x.status = 'accepted' AND x.endsAt < ${storedDate(now)}`,
    inRange({ instant: Prisma.sql`x.startsAt` }, filters),
  ];
  if (scope.district) parts.push(Prisma.sql`ev.district = ${scope.district}`);
  if (scope.fieldIds)
    parts.push(
      scope.fieldIds.length
        ? Prisma.sql`x.eventId IN (SELECT eventId FROM EventField WHERE fieldId IN (${Prisma.join(scope.fieldIds)}))`
        : Prisma.sql`0`,
    );
  // One pass over the held meetings. A UNION ALL with a branch per side made SQLite search them
  // and join their events twice (EXPLAIN QUERY PLAN: two SEARCH x USING INDEX
  // EventMeeting_status_startsAt_endsAt_eventId_idx under a co-routine, then a temporary B-tree);
  // grouped by their pair of answers, one search reads each meeting once, and the few pairs
  // (an outcome or none, per side) are split into the two sides' counts here.
  const rows = await readRows<{ r: string | null; i: string | null; n: bigint | number }>(
    Prisma.sql`
    SELECT x.requesterOutcome AS r, x.inviteeOutcome AS i, COUNT(*) AS n
    FROM EventMeeting x JOIN Event ev ON ev.id = x.eventId WHERE ${Prisma.join(parts, " AND ")}
    GROUP BY r, i`,
    db,
  );
  const counts = new Map<string, number>();
  for (const row of rows)
    for (const outcome of [row.r ?? "none", row.i ?? "none"])
      counts.set(outcome, (counts.get(outcome) ?? 0) + Number(row.n));
  return counts;
}

/** Every field for the filter, each group followed by its sub-fields. */
export async function fieldFilterOptions(db: DbClient = prisma) {
  const fields = await db.field.findMany({
    orderBy: [{ position: "asc" }, { slug: "asc" }],
    select: { id: true, slug: true, nameVi: true, nameEn: true, parentId: true },
  });
  const groups = fields.filter((field) => !field.parentId);
  return groups.flatMap((group) => [group, ...fields.filter((field) => field.parentId === group.id)]);
}

/** The public programme counts of the ecosystem page: events and meetings held, confirmed agreements. */
export async function programmeCounts(now = new Date(), db: DbClient = prisma) {
  const past = storedDate(now);
  const [row] = await readRows<{ events: bigint | number; meetings: bigint | number; agreements: bigint | number }>(
    Prisma.sql`
    SELECT (SELECT COUNT(*) FROM Event WHERE status = 'published' AND endsAt < ${past}) AS events,
           (SELECT COUNT(*) FROM EventMeeting WHERE status = 'accepted' AND endsAt < ${past}) AS meetings,
           (SELECT COUNT(*) FROM Agreement WHERE status = 'confirmed') AS agreements`,
    db,
  );
  return {
    events: Number(row?.events ?? 0),
    meetings: Number(row?.meetings ?? 0),
    agreements: Number(row?.agreements ?? 0),
  };
}
