import { Prisma } from "~/generated/prisma/client";
import { prisma, readRows, type DbClient } from "~/db/client.server";
import { setting } from "~/config/env.server";
import { dataCache } from "./cache.server";
import { UNLISTED_BUSINESS } from "~/domain/organization-values";
import { REQUESTER_TYPES } from "~/domain/request-values";
import { programmeCounts } from "./indicators.server";

/**
 * Figures about the ecosystem, each one aggregate SQL statement over indexed
 * columns (never rows loaded into the app). What the public sees counts only
 * published organizations and experts and requests an official approved;
 * officials also get per-organization figures and curators' workload.
 *
 * Dates are stored as ISO 8601 text (with +00:00); months are Hanoi months.
 */

/** Request statuses that passed review: what the public may count. */
const APPROVED = Prisma.sql`('open', 'closed', 'expired')`;
/** SQLite modifier from UTC to Hanoi time (no daylight saving there). */
const HANOI = "+7 hours";

type CountRow = { key: string | null; n: bigint | number };
export type KeyCount = { key: string | null; count: number };
export type FieldCount = { slug: string; nameVi: string; nameEn: string; count: number };

const toCounts = (rows: CountRow[]): KeyCount[] => rows.map((row) => ({ key: row.key, count: Number(row.n) }));

export type OrganizationCounts = { total: number; byKind: KeyCount[]; byDistrict: KeyCount[] };

/**
 * Published organizations by kind and by district, from one walk of the
 * (status, kind, district, verified) index: grouping by both follows the
 * index order, where grouping by district alone needs a temporary B-tree
 * (20 ms against 150 ms at 100,000 organizations).
 */
export async function organizationCounts(db: DbClient = prisma): Promise<OrganizationCounts> {
  const rows = await readRows<{ kind: string; district: string | null; n: bigint | number }>(
    Prisma.sql`
    SELECT kind, district, COUNT(*) AS n FROM Organization WHERE status = 'published' GROUP BY kind, district`,
    db,
  );
  const byKind = new Map<string, number>();
  const byDistrict = new Map<string | null, number>();
  let total = 0;
  for (const row of rows) {
    const n = Number(row.n);
    total += n;
    byKind.set(row.kind, (byKind.get(row.kind) ?? 0) + n);
    byDistrict.set(row.district, (byDistrict.get(row.district) ?? 0) + n);
  }
  return { total, byKind: sortCounts(byKind), byDistrict: sortCounts(byDistrict) };
}

/** Most first, then by key; the null key ("not given") always last. */
function sortCounts(counts: Map<string | null, number>): KeyCount[] {
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort(
      (a, b) =>
        Number(a.key === null) - Number(b.key === null) ||
        b.count - a.count ||
        String(a.key).localeCompare(String(b.key)),
    );
}

type FieldRow = { slug: string; nameVi: string; nameEn: string; n: bigint | number };
const toFieldCounts = (rows: FieldRow[]): FieldCount[] =>
  rows.map((row) => ({ slug: row.slug, nameVi: row.nameVi, nameEn: row.nameEn, count: Number(row.n) }));

/**
 * The fields with the most published organizations. Joining every link to its
 * organization to check the status costs a second at 100,000 organizations;
 * instead all links are counted from the field index, and the links of the
 * few unpublished organizations (found through the status index) subtracted.
 */
export async function organizationsByField(limit = 12, db: DbClient = prisma): Promise<FieldCount[]> {
  return topFields({ links: "OrganizationField", owners: "Organization", ownerId: "organizationId" }, limit, db);
}

/** The fields with the most published experts, counted the same way. */
export async function expertsByField(limit = 12, db: DbClient = prisma): Promise<FieldCount[]> {
  return topFields({ links: "ExpertField", owners: "ExpertProfile", ownerId: "expertId" }, limit, db);
}

type LinkTable =
  | { links: "OrganizationField"; owners: "Organization"; ownerId: "organizationId" }
  | { links: "ExpertField"; owners: "ExpertProfile"; ownerId: "expertId" };

async function topFields(table: LinkTable, limit: number, db: DbClient): Promise<FieldCount[]> {
  // Table names are the constants above, never input.
  const links = Prisma.raw(table.links);
  const owners = Prisma.raw(table.owners);
  const ownerId = Prisma.raw(table.ownerId);
  // CROSS JOIN keeps the unpublished owners as the outer loop (SQLite does not reorder it).
  return toFieldCounts(
    await readRows<FieldRow>(
      Prisma.sql`
      SELECT f.slug, f.nameVi, f.nameEn, c.n
      FROM (SELECT fieldId, SUM(n) AS n FROM (
              SELECT fieldId, COUNT(*) AS n FROM ${links} GROUP BY fieldId
              UNION ALL
              SELECT l.fieldId, -COUNT(*) FROM ${owners} o CROSS JOIN ${links} l ON l.${ownerId} = o.id
              WHERE o.status < 'published' OR o.status > 'published' GROUP BY l.fieldId)
            GROUP BY fieldId HAVING SUM(n) > 0 ORDER BY n DESC, fieldId LIMIT ${limit}) c
      JOIN Field f ON f.id = c.fieldId
      ORDER BY c.n DESC, f.position, f.slug`,
      db,
    ),
  );
}

export type MonthActivity = { month: string; opened: number; matched: number };

/** `YYYY-MM` of the `count` Hanoi months up to and including the one `now` falls in, oldest first. */
export function lastMonths(count: number, now = new Date()): string[] {
  const hanoi = new Date(now.getTime() + 7 * 3_600_000);
  const year = hanoi.getUTCFullYear();
  const month = hanoi.getUTCMonth();
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(year, month - (count - 1 - i), 1));
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
  });
}

/**
 * Per month: approved requests opened (by publication date) and requests that
 * found their first match (by that match's date).
 */
export async function requestsByMonth(months = 12, now = new Date(), db: DbClient = prisma): Promise<MonthActivity[]> {
  const keys = lastMonths(months, now);
  const from = keys[0]!;
  const [opened, matched] = await Promise.all([
    readRows<CountRow>(
      Prisma.sql`
      SELECT strftime('%Y-%m', publishedAt, ${HANOI}) AS key, COUNT(*) AS n FROM TechRequest
      WHERE status IN ${APPROVED} AND publishedAt IS NOT NULL AND strftime('%Y-%m', publishedAt, ${HANOI}) >= ${from}
      GROUP BY key`,
      db,
    ),
    readRows<CountRow>(
      Prisma.sql`
      SELECT strftime('%Y-%m', first, ${HANOI}) AS key, COUNT(*) AS n
      FROM (SELECT MIN(m.createdAt) AS first FROM Match m JOIN TechRequest r ON r.id = m.requestId
            WHERE r.status IN ${APPROVED} GROUP BY m.requestId)
      WHERE strftime('%Y-%m', first, ${HANOI}) >= ${from}
      GROUP BY key`,
      db,
    ),
  ]);
  const openedBy = new Map(toCounts(opened).map((row) => [row.key, row.count]));
  const matchedBy = new Map(toCounts(matched).map((row) => [row.key, row.count]));
  return keys.map((month) => ({ month, opened: openedBy.get(month) ?? 0, matched: matchedBy.get(month) ?? 0 }));
}

/** Experts and requests (organizations are counted by organizationCounts). */
export type Totals = {
  experts: number;
  /** Approved requests */
  requests: number;
  /** Approved requests with at least one response */
  responded: number;
  /** Approved requests with at least one match */
  matched: number;
  /** Matches (accepted responses) on approved requests */
  matches: number;
  /** matched / requests, null when there are no requests */
  matchedShare: number | null;
  /** Median hours from publication to the first response, over requests that had one */
  medianHoursToFirstResponse: number | null;
};

export async function totals(db: DbClient = prisma): Promise<Totals> {
  const [counts, medianHoursToFirstResponse] = await Promise.all([
    countsOf(
      db,
      Prisma.sql`
      SELECT (SELECT COUNT(*) FROM ExpertProfile WHERE status = 'published') AS experts,
             COUNT(*) AS requests,
             COALESCE(SUM(EXISTS (SELECT 1 FROM RequestResponse x WHERE x.requestId = r.id)), 0) AS responded,
             COALESCE(SUM(EXISTS (SELECT 1 FROM Match m WHERE m.requestId = r.id)), 0) AS matched,
             (SELECT COUNT(*) FROM Match m JOIN TechRequest q ON q.id = m.requestId WHERE q.status IN ${APPROVED}) AS matches
      FROM TechRequest r WHERE r.status IN ${APPROVED}`,
      ["experts", "requests", "responded", "matched", "matches"],
    ),
    medianHoursToFirstResponseOf(db),
  ]);
  const { requests, matched } = counts;
  return { ...counts, matchedShare: requests > 0 ? matched / requests : null, medianHoursToFirstResponse };
}

/** A one-row query of counts (SQLite answers bigint or number): each as a number, 0 without a row. */
async function countsOf<K extends string>(db: DbClient, query: Prisma.Sql, names: K[]): Promise<Record<K, number>> {
  const [row] = await readRows<Record<K, bigint | number>>(query, db);
  return Object.fromEntries(names.map((name) => [name, Number(row?.[name] ?? 0)])) as Record<K, number>;
}

function medianHoursToFirstResponseOf(db: DbClient): Promise<number | null> {
  return medianHours(
    Prisma.sql`SELECT julianday(MIN(x.createdAt)) - julianday(r.publishedAt) AS days
               FROM TechRequest r JOIN RequestResponse x ON x.requestId = r.id
               WHERE r.status IN ${APPROVED} AND r.publishedAt IS NOT NULL
               GROUP BY r.id`,
    db,
  );
}

/**
 * The median, in hours, of `durations` (a query giving a `days` column), in
 * SQL: only the middle one or two of the sorted values leave the database.
 * Durations are rounded to whole seconds first (julianday's fractions of a
 * day would make 10 hours 10.00000001), and never negative.
 */
async function medianHours(durations: Prisma.Sql, db: DbClient): Promise<number | null> {
  const rows = await readRows<{ hours: number }>(
    Prisma.sql`
    WITH waits AS (SELECT MAX(0, ROUND(days * 86400)) / 3600.0 AS hours FROM (${durations})),
         n AS (SELECT COUNT(*) AS c FROM waits)
    SELECT hours FROM waits ORDER BY hours
    LIMIT (SELECT 2 - c % 2 FROM n) OFFSET (SELECT (c - 1) / 2 FROM n)`,
    db,
  );
  if (rows.length === 0) return null;
  return rows.reduce((sum, row) => sum + Number(row.hours), 0) / rows.length;
}

export type KindLink = { from: string | null; to: string | null; count: number };

/**
 * Matches by the kind of the requester's listing and of the expert's
 * affiliation: how enterprises and research organizations meet. A requester
 * with no published listing shown is `business` when they signed up as a
 * business (most do), else `null`; an expert with no published listing is `null`.
 * Only kinds are shown to the public: which company works with whom is theirs to tell.
 * An anonymous request's listing counts as none: its kind, with the request's
 * public sector, size and district, would narrow the company down to a few.
 */
export async function collaborationsByKind(db: DbClient = prisma): Promise<KindLink[]> {
  const rows = await readRows<{ source: string | null; target: string | null; n: bigint | number }>(
    Prisma.sql`
    SELECT COALESCE(ro.kind, CASE WHEN u.accountType = 'business' THEN ${UNLISTED_BUSINESS} END) AS source, eo.kind AS target, COUNT(*) AS n
    FROM Match m
    JOIN TechRequest r ON r.id = m.requestId
    JOIN User u ON u.id = r.authorId
    JOIN RequestResponse x ON x.id = m.responseId
    JOIN ExpertProfile e ON e.id = x.expertId
    LEFT JOIN Organization ro ON ro.id = r.organizationId AND ro.status = 'published' AND r.visibility = 'public'
    LEFT JOIN Organization eo ON eo.id = e.affiliationId AND eo.status = 'published'
    WHERE r.status IN ${APPROVED}
    GROUP BY source, target ORDER BY n DESC, source, target`,
    db,
  );
  return rows.map((row) => ({ from: row.source, to: row.target, count: Number(row.n) }));
}

/**
 * Published organizations under a published parent, by the two kinds (a
 * university's labs, say). `parentId > ''` rather than IS NOT NULL, which the
 * planner reads as a full table scan.
 */
export async function structureByKind(db: DbClient = prisma): Promise<KindLink[]> {
  const rows = await readRows<{ source: string; target: string; n: bigint | number }>(
    Prisma.sql`
    SELECT p.kind AS source, c.kind AS target, COUNT(*) AS n
    FROM Organization c JOIN Organization p ON p.id = c.parentId
    WHERE c.parentId > '' AND c.status = 'published' AND p.status = 'published'
    GROUP BY source, target ORDER BY n DESC, source, target`,
    db,
  );
  return rows.map((row) => ({ from: row.source, to: row.target, count: Number(row.n) }));
}

// ---------------------------------------------------------------- officials only

export type OrganizationActivity = {
  slug: string;
  nameVi: string | null;
  nameEn: string | null;
  acronym: string | null;
  kind: string;
  status: string;
  experts: number;
  requests: number;
  matches: number;
};

/**
 * The most active organizations: published experts affiliated, approved
 * requests posted under the listing, matches on either side. Counted from the
 * activity tables (small) and joined to the few organizations kept.
 */
export async function topOrganizations(limit = 12, db: DbClient = prisma): Promise<OrganizationActivity[]> {
  type Row = Omit<OrganizationActivity, "experts" | "requests" | "matches"> & {
    experts: bigint | number;
    requests: bigint | number;
    matches: bigint | number;
  };
  const rows = await readRows<Row>(
    Prisma.sql`
    WITH activity(id, experts, requests, matches) AS (
      SELECT affiliationId, 1, 0, 0 FROM ExpertProfile WHERE status = 'published' AND affiliationId IS NOT NULL
      UNION ALL
      SELECT organizationId, 0, 1, 0 FROM TechRequest WHERE status IN ${APPROVED} AND organizationId IS NOT NULL
      UNION ALL
      SELECT id, 0, 0, 1 FROM (
        SELECT r.organizationId AS id, m.id AS matchId FROM Match m JOIN TechRequest r ON r.id = m.requestId
        WHERE r.status IN ${APPROVED} AND r.organizationId IS NOT NULL
        UNION
        SELECT e.affiliationId, m.id FROM Match m
        JOIN TechRequest r ON r.id = m.requestId
        JOIN RequestResponse x ON x.id = m.responseId
        JOIN ExpertProfile e ON e.id = x.expertId
        WHERE r.status IN ${APPROVED} AND e.affiliationId IS NOT NULL)
    ), totals AS (
      SELECT id, SUM(experts) AS experts, SUM(requests) AS requests, SUM(matches) AS matches
      FROM activity GROUP BY id ORDER BY matches DESC, requests DESC, experts DESC, id LIMIT ${limit}
    )
    SELECT o.slug, o.nameVi, o.nameEn, o.acronym, o.kind, o.status, t.experts, t.requests, t.matches
    FROM totals t JOIN Organization o ON o.id = t.id
    ORDER BY t.matches DESC, t.requests DESC, t.experts DESC, o.sortNameVi`,
    db,
  );
  return rows.map((row) => ({
    ...row,
    experts: Number(row.experts),
    requests: Number(row.requests),
    matches: Number(row.matches),
  }));
}

export type CuratorLoad = {
  id: string;
  name: string;
  role: string;
  requestsReviewed: number;
  claimsReviewed: number;
  /** Everything else the audit log holds for them: profile and edit reviews, listing upkeep */
  otherActions: number;
};

/**
 * Reviews per official: anyone who reviewed something, and every current
 * curator or admin (at zero if need be). Requests and claims are counted from
 * their own reviewer column, which predates the audit log; the rest of the
 * curation work from the audit log.
 */
export async function curatorWorkload(db: DbClient = prisma): Promise<CuratorLoad[]> {
  type Row = {
    id: string;
    name: string;
    role: string;
    requests: bigint | number;
    claims: bigint | number;
    other: bigint | number;
  };
  const rows = await readRows<Row>(
    Prisma.sql`
    WITH work(userId, requests, claims, other) AS (
      SELECT reviewedById, 1, 0, 0 FROM TechRequest WHERE reviewedById IS NOT NULL
      UNION ALL
      SELECT reviewedById, 0, 1, 0 FROM OrganizationClaim WHERE reviewedById IS NOT NULL
      UNION ALL
      SELECT actorId, 0, 0, 1 FROM AuditEntry
      WHERE actorId IS NOT NULL AND action NOT LIKE 'request.%' AND action NOT LIKE 'claim.%'
      UNION ALL
      SELECT id, 0, 0, 0 FROM User WHERE role IN ('curator', 'admin')
    )
    SELECT u.id, u.name, u.role, SUM(w.requests) AS requests, SUM(w.claims) AS claims, SUM(w.other) AS other
    FROM work w JOIN User u ON u.id = w.userId
    GROUP BY u.id ORDER BY SUM(w.requests + w.claims + w.other) DESC, u.name`,
    db,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    role: row.role,
    requestsReviewed: Number(row.requests),
    claimsReviewed: Number(row.claims),
    otherActions: Number(row.other),
  }));
}

/** What waits for officials (as counted on /admin), and how long a request waits for review. */
export type CurationQueue = {
  pendingRequests: number;
  pendingClaims: number;
  pendingRevisions: number;
  pendingProfiles: number;
  staleListings: number;
  /** Median hours from submission to review, over reviewed requests */
  medianHoursToReview: number | null;
};

export async function curationQueue(db: DbClient = prisma): Promise<CurationQueue> {
  const [pending, medianHoursToReview] = await Promise.all([
    countsOf(
      db,
      Prisma.sql`
      SELECT (SELECT COUNT(*) FROM TechRequest WHERE status = 'pending') AS requests,
             (SELECT COUNT(*) FROM OrganizationClaim WHERE status = 'pending') AS claims,
             (SELECT COUNT(*) FROM OrganizationRevision WHERE status = 'pending') AS revisions,
             (SELECT COUNT(*) FROM ExpertProfile WHERE status = 'published' AND reviewState = 'pending') AS profiles,
             (SELECT COUNT(*) FROM Organization WHERE status = 'published' AND staleSince IS NOT NULL) AS stale`,
      ["requests", "claims", "revisions", "profiles", "stale"],
    ),
    medianHours(
      Prisma.sql`SELECT julianday(reviewedAt) - julianday(createdAt) AS days FROM TechRequest WHERE reviewedAt IS NOT NULL`,
      db,
    ),
  ]);
  return {
    pendingRequests: pending.requests,
    pendingClaims: pending.claims,
    pendingRevisions: pending.revisions,
    pendingProfiles: pending.profiles,
    staleListings: pending.stale,
    medianHoursToReview,
  };
}

// ---------------------------------------------------------------- snapshots

/** How many rows the top-N charts keep. */
export const TOP = 12;
/** Months in the requests chart. */
export const MONTHS = 12;

export type OfferCounts = { total: number; byType: KeyCount[]; byArea: FieldCount[]; byDistrict: KeyCount[] };

/** Public offers (published, not hidden): by type, by field group, by area (an instrument's own, else its owner's). */
export async function offerCounts(db: DbClient = prisma): Promise<OfferCounts> {
  const isPublic = Prisma.sql`o.status = 'published' AND o.hiddenAt IS NULL`;
  const [byType, byDistrict, byArea] = await Promise.all([
    readRows<CountRow>(
      Prisma.sql`SELECT o.type AS key, COUNT(*) AS n FROM Offer o WHERE ${isPublic} GROUP BY o.type`,
      db,
    ),
    readRows<CountRow>(
      Prisma.sql`SELECT COALESCE(o.district, g.district) AS key, COUNT(*) AS n
      FROM Offer o LEFT JOIN Organization g ON g.id = o.organizationId WHERE ${isPublic} GROUP BY key`,
      db,
    ),
    readRows<FieldRow>(
      Prisma.sql`SELECT a.slug, a.nameVi, a.nameEn, COUNT(DISTINCT o.id) AS n
      FROM Offer o JOIN OfferField l ON l.offerId = o.id JOIN Field f ON f.id = l.fieldId
      JOIN Field a ON a.id = f.parentId WHERE ${isPublic}
      GROUP BY a.id ORDER BY n DESC, a.position LIMIT ${TOP}`,
      db,
    ),
  ]);
  const types = toCounts(byType);
  return {
    total: types.reduce((sum, row) => sum + row.count, 0),
    byType: sortCounts(new Map(types.map((row) => [row.key, row.count]))),
    byArea: toFieldCounts(byArea),
    byDistrict: sortCounts(new Map(toCounts(byDistrict).map((row) => [row.key, row.count]))),
  };
}

export type PublicStatistics = {
  /** ISO time the figures were computed */
  computedAt: string;
  organizations: OrganizationCounts;
  fields: FieldCount[];
  expertFields: FieldCount[];
  months: MonthActivity[];
  totals: Totals;
  collaborations: KindLink[];
  structure: KindLink[];
  offers: OfferCounts;
  requesters: RequesterCounts[];
  /** Events and meetings held, confirmed agreements: counts only (docs/decisions/075) */
  programme: Awaited<ReturnType<typeof programmeCounts>>;
};

/** Approved requests by who posted them (business or public agency): posted, still open, matched. */
export type RequesterCounts = { requesterType: string; posted: number; open: number; matched: number };

export async function requestsByRequester(db: DbClient = prisma): Promise<RequesterCounts[]> {
  const rows = await readRows<{ requesterType: string; posted: bigint; open: bigint; matched: bigint }>(
    Prisma.sql`
    SELECT r.requesterType AS requesterType, COUNT(*) AS posted,
           COALESCE(SUM(r.status = 'open'), 0) AS open,
           COALESCE(SUM(EXISTS (SELECT 1 FROM Match m WHERE m.requestId = r.id)), 0) AS matched
    FROM TechRequest r WHERE r.status IN ${APPROVED} GROUP BY r.requesterType`,
    db,
  );
  const byType = new Map(rows.map((row) => [row.requesterType, row]));
  // Both kinds always, in a fixed order, so the chart reads the same with none of one.
  return REQUESTER_TYPES.map((requesterType) => {
    const row = byType.get(requesterType);
    return {
      requesterType,
      posted: Number(row?.posted ?? 0),
      open: Number(row?.open ?? 0),
      matched: Number(row?.matched ?? 0),
    };
  });
}

export async function loadPublicStatistics(now = new Date(), db: DbClient = prisma): Promise<PublicStatistics> {
  const [
    organizations,
    fields,
    expertFields,
    months,
    totalsNow,
    collaborations,
    structure,
    offers,
    requesters,
    programme,
  ] = await Promise.all([
    organizationCounts(db),
    organizationsByField(TOP, db),
    expertsByField(TOP, db),
    requestsByMonth(MONTHS, now, db),
    totals(db),
    collaborationsByKind(db),
    structureByKind(db),
    offerCounts(db),
    requestsByRequester(db),
    programmeCounts(now, db),
  ]);
  return {
    computedAt: now.toISOString(),
    organizations,
    fields,
    expertFields,
    months,
    totals: totalsNow,
    collaborations,
    structure,
    offers,
    requesters,
    programme,
  };
}

/**
 * The public figures take about 0.3 s of SQLite time at 100,000
 * organizations, and every query holds the one connection: computed for each
 * visitor they would queue behind each other. So they are kept for a minute,
 * and dropped sooner when the data version moves (app/models/cache.server.ts:
 * any process's write to listings, profiles or requests). Concurrent visitors
 * after a change share one computation.
 */
const statisticsCache = dataCache<PublicStatistics>("ecosystem-statistics", { max: 2, ttlMs: 60_000 });

export async function getPublicStatistics(): Promise<PublicStatistics> {
  if (setting("STATISTICS_CACHE")) return loadPublicStatistics(); // STATISTICS_CACHE=off
  return statisticsCache.fetch("public", () => loadPublicStatistics());
}

export type OfficialStatistics = {
  organizations: OrganizationActivity[];
  curators: CuratorLoad[];
  queue: CurationQueue;
};

/** Officials' figures: always fresh (they act on them), and cheap, being counted from the small activity tables. */
export async function getOfficialStatistics(db: DbClient = prisma): Promise<OfficialStatistics> {
  const [organizations, curators, queue] = await Promise.all([
    topOrganizations(TOP, db),
    curatorWorkload(db),
    curationQueue(db),
  ]);
  return { organizations, curators, queue };
}
