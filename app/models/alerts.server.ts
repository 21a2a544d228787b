import { readSearchConfig } from "#search/config";
import { reportSearchFailure, reportSearchSuccess, searchLooksDown } from "#search/availability";
import { searchClient } from "#search/client";
import { prisma } from "~/db/client.server";
import { DEFAULT_CHANNEL, isChannel, type Channel } from "~/domain/notification-preferences";
import { isLanguage, type Language } from "~/i18n/i18n";
import { alertMail, type AlertItem } from "~/mail/alert-templates.server";
import { readSavedQuery, savedSearchUrl, type Frequency, type SavedList, SAVED_LISTS } from "~/utils/saved-search";
import { unsubscribeHeaders, unsubscribeUrl } from "./unsubscribe.server";
import { queueMail } from "./mail.server";
import { searchDirectory, searchExperts, searchOffers, searchOpenRequests } from "./search-gateway.server";
import { write } from "./write.server";

/**
 * Alerts of saved searches (docs/decisions/068). A search's new results are the
 * items that became public after its `checkedAt` AND that the list's own search
 * (the gateway: engine or database) finds for its saved query: one matcher, the
 * page's. Instant searches are run by a short sweep, daily and weekly ones by
 * hourly tasks; `checkedAt` moves on in the same transaction as the alert, and
 * only if no other run moved it first, so nothing is sent twice.
 */

/** How many of a search's results are compared with the new items: its first page of this many. */
export const MATCH_WINDOW = 200;
/** An alert names this many new items; the link shows them all. */
export const ALERT_ITEMS = 10;
const HOUR = 3_600_000;
/** A daily search is due a day after it was last checked; a weekly one a week after (an hour's slack for the task's round). */
export const DUE_AFTER: Record<Frequency, number> = { instant: 0, daily: 23 * HOUR, weekly: 7 * 24 * HOUR - HOUR };

export type Candidate = { id: string; at: Date };

/** Items that became public, by id, and the latest time among them: each search takes its own part in O(its results). */
export class NewItems {
  readonly at: Map<string, number>;
  readonly latest: number;
  constructor(candidates: Candidate[]) {
    this.at = new Map(candidates.map((candidate) => [candidate.id, candidate.at.getTime()]));
    this.latest = candidates.reduce((latest, candidate) => Math.max(latest, candidate.at.getTime()), 0);
  }
  /** Anything public after this time? */
  anyAfter(time: Date) {
    return this.latest > time.getTime();
  }
  /** The search's results that became public after its check, in the search's order. */
  among(ids: string[], after: Date) {
    return ids.filter((id) => (this.at.get(id) ?? 0) > after.getTime());
  }
}

/** Items of a list that became public in (since, until], with when. */
export async function becamePublic(list: SavedList, since: Date, until: Date): Promise<Candidate[]> {
  const window = { gt: since, lte: until };
  switch (list) {
    case "requests": {
      const rows = await prisma.techRequest.findMany({
        where: { status: "open", publishedAt: window },
        select: { id: true, publishedAt: true },
      });
      return rows.map((row) => ({ id: row.id, at: row.publishedAt! }));
    }
    case "experts": {
      const rows = await prisma.expertProfile.findMany({
        where: { status: "published", publishedAt: window },
        select: { id: true, publishedAt: true },
      });
      return rows.map((row) => ({ id: row.id, at: row.publishedAt! }));
    }
    case "offers": {
      const rows = await prisma.offer.findMany({
        where: {
          status: "published",
          hiddenAt: null,
          publishedAt: window,
          OR: [{ organizationId: null }, { organization: { status: "published" } }],
        },
        select: { id: true, publishedAt: true },
      });
      return rows.map((row) => ({ id: row.id, at: row.publishedAt! }));
    }
    case "directory": {
      // Listings have no publication time: an approval or a restore is in the audit log,
      // a listing created public (an import) has its creation time.
      const [audited, created] = await Promise.all([
        prisma.auditEntry.findMany({
          where: { action: { in: ["organization.publish", "organization.restore"] }, createdAt: window },
          select: { entityId: true, createdAt: true },
        }),
        prisma.organization.findMany({
          where: { status: "published", createdAt: window },
          select: { id: true, createdAt: true },
        }),
      ]);
      const at = new Map<string, Date>();
      for (const row of created) at.set(row.id, row.createdAt);
      for (const row of audited) if ((at.get(row.entityId) ?? 0) < row.createdAt) at.set(row.entityId, row.createdAt);
      const published = await prisma.organization.findMany({
        where: { id: { in: [...at.keys()] }, status: "published" },
        select: { id: true },
      });
      return published.map((row) => ({ id: row.id, at: at.get(row.id)! }));
    }
  }
}

const OUTBOX_ENTITY: Record<SavedList, string> = {
  directory: "organization",
  experts: "expert",
  requests: "request",
  offers: "offer",
};

/**
 * True while the engine answers and rows of the list's kind, written before `until`, wait in
 * the search outbox: the engine might not find the newest items yet, so the run waits for the
 * next round rather than miss them. A row that keeps failing stops holding alerts back after
 * a few attempts (the outbox worker reports it).
 */
export async function waitingForIndex(list: SavedList, until: Date): Promise<boolean> {
  if (!readSearchConfig() || searchLooksDown()) return false;
  const pending = await prisma.searchOutbox.findFirst({
    where: { entity: OUTBOX_ENTITY[list], processedAt: null, createdAt: { lte: until }, attempts: { lt: 5 } },
    select: { id: true },
  });
  if (pending === null) return false;
  // Rows wait for an engine that is down: nothing drains them until it is back, and the database
  // fallback reads the new items itself. Waiting would hold a weekly digest's results a week.
  return engineAnswers();
}

async function engineAnswers(): Promise<boolean> {
  try {
    await searchClient().health();
    reportSearchSuccess();
    return true;
  } catch (error) {
    reportSearchFailure(error);
    return false;
  }
}

/** The ids the list's own search finds for a saved query, best first (its first MATCH_WINDOW). */
export async function searchSaved(list: SavedList, query: string): Promise<string[]> {
  const page = { page: 1, perPage: MATCH_WINDOW };
  switch (list) {
    case "directory": {
      const read = readSavedQuery(list, query);
      // Without words the newest first, so the new ones are within the window.
      const sort = read.q ? read.sort : "newest";
      const found = await searchDirectory({ ...read, ...page, sort, lang: "vi", facets: false });
      return found.results.map((result) => result.organization.id);
    }
    case "experts":
      return (await searchExperts({ ...readSavedQuery(list, query), fields: [], ...page })).hits.map((hit) => hit.id);
    case "requests":
      return (await searchOpenRequests({ ...readSavedQuery(list, query), fields: [], ...page })).hits.map(
        (hit) => hit.id,
      );
    case "offers": {
      const read = readSavedQuery(list, query);
      const sort = read.q ? read.sort : "newest";
      const found = await searchOffers({ ...read, ...page, sort, lang: "vi", facets: false });
      return found.hits.map((hit) => hit.id);
    }
  }
}

/** The new items' names and pages, in the recipient's language. */
export async function alertItems(list: SavedList, ids: string[], lang: Language): Promise<AlertItem[]> {
  const name = (vi: string | null, en: string | null) => (lang === "en" ? (en ?? vi) : (vi ?? en)) ?? "";
  let items: (AlertItem & { id: string })[];
  switch (list) {
    case "directory":
      items = (
        await prisma.organization.findMany({
          where: { id: { in: ids } },
          select: { id: true, slug: true, nameVi: true, nameEn: true },
        })
      ).map((row) => ({ id: row.id, name: name(row.nameVi, row.nameEn), path: `/organizations/${row.slug}` }));
      break;
    case "experts":
      items = (
        await prisma.expertProfile.findMany({
          where: { id: { in: ids } },
          select: { id: true, slug: true, fullName: true },
        })
      ).map((row) => ({ id: row.id, name: row.fullName, path: `/experts/${row.slug}` }));
      break;
    case "requests":
      items = (
        await prisma.techRequest.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })
      ).map((row) => ({ id: row.id, name: row.title, path: `/requests/${row.id}` }));
      break;
    case "offers":
      items = (
        await prisma.offer.findMany({ where: { id: { in: ids } }, select: { id: true, nameVi: true, nameEn: true } })
      ).map((row) => ({ id: row.id, name: name(row.nameVi, row.nameEn), path: `/offers/${row.id}` }));
      break;
  }
  const byId = new Map(items.map((item) => [item.id, item]));
  return ids.flatMap((id) => {
    const item = byId.get(id);
    return item ? [{ name: item.name, path: item.path }] : [];
  });
}

/** A member's channel for one kind of notification: their row, else the default. */
export async function alertChannel(userId: string): Promise<Channel> {
  const row = await prisma.notificationPreference.findUnique({
    where: { userId_type: { userId, type: "alert" } },
    select: { channel: true },
  });
  return row && isChannel(row.channel) ? row.channel : DEFAULT_CHANNEL;
}

type DueSearch = { id: string; userId: string; list: string; query: string; label: string; checkedAt: Date };

/**
 * The new results of one saved search, told to its member: the notification and (by their
 * channel) the mail, with `checkedAt` moved to `until` in the same transaction, provided no
 * other run moved it first. Returns how many new items were told (0: none, or already told).
 */
export async function tellSavedSearch(search: DueSearch & { list: SavedList }, newIds: string[], until: Date) {
  const channel = newIds.length > 0 ? await alertChannel(search.userId) : "off";
  const user =
    channel === "email"
      ? await prisma.user.findUnique({
          where: { id: search.userId },
          select: { email: true, name: true, locale: true },
        })
      : null;
  const lang: Language = user && isLanguage(user.locale) ? user.locale : "vi";
  const items = user ? await alertItems(search.list, newIds.slice(0, ALERT_ITEMS), lang) : [];
  const headers = user ? await unsubscribeHeaders(search.userId, { kind: "search", id: search.id }) : undefined;
  const unsubscribe = user ? await unsubscribeUrl(search.userId, { kind: "search", id: search.id }) : undefined;
  const url = savedSearchUrl(search.list, search.query);
  return write(async (tx, effects) => {
    // Compare-and-set: a concurrent run that moved it first has told this already.
    const { count } = await tx.savedSearch.updateMany({
      where: { id: search.id, checkedAt: search.checkedAt },
      data: { checkedAt: until },
    });
    if (count === 0 || newIds.length === 0 || channel === "off") return 0;
    const data = { key: "alerts.notify", params: { label: search.label, count: newIds.length } };
    await tx.notification.create({ data: { userId: search.userId, type: "alert", data: JSON.stringify(data), url } });
    if (user) {
      const mail = alertMail(
        { name: user.name, lang },
        { label: search.label, count: newIds.length, items, url, unsubscribe: unsubscribe! },
      );
      await queueMail({ to: user.email, headers, ...mail }, tx, effects);
    }
    return newIds.length;
  });
}

/**
 * Runs the due saved searches of one frequency: for each list with any, the items that became
 * public since the oldest of them were checked (nothing to do when there are none), then each
 * search through the list's search. Batched by id, so memory stays bounded.
 */
export async function runAlerts(
  frequency: Frequency,
  options: { now?: Date; batch?: number; userIds?: string[] } = {},
): Promise<{ searches: number; alerts: number }> {
  const until = options.now ?? new Date();
  const dueBefore = new Date(until.getTime() - DUE_AFTER[frequency]);
  let searches = 0;
  let alerts = 0;
  for (const list of SAVED_LISTS) {
    const due = {
      list,
      frequency,
      checkedAt: { lte: dueBefore },
      // A weekly search of a member who takes the weekly digest is told in the digest.
      ...(frequency === "weekly" ? { user: { weeklyDigest: false } } : {}),
      ...(options.userIds ? { userId: { in: options.userIds } } : {}),
    };
    const oldest = (await prisma.savedSearch.aggregate({ where: due, _min: { checkedAt: true } }))._min.checkedAt;
    if (!oldest) continue;
    // Not yet in the engine: this list waits for the next round, nothing is moved on.
    if (await waitingForIndex(list, until)) continue;
    // What became public since the oldest due search was checked: read once for every batch.
    const candidates = new NewItems(await becamePublic(list, oldest, until));
    let cursor: string | undefined;
    for (;;) {
      const batch: DueSearch[] = await prisma.savedSearch.findMany({
        where: { ...due, ...(cursor ? { id: { gt: cursor } } : {}) },
        select: { id: true, userId: true, list: true, query: true, label: true, checkedAt: true },
        orderBy: { id: "asc" },
        take: options.batch ?? 500,
      });
      if (batch.length === 0) break;
      cursor = batch.at(-1)!.id;
      alerts += await runBatch(list, batch, candidates, until, frequency === "instant");
      searches += batch.length;
    }
  }
  return { searches, alerts };
}

/** `onlyWithNew`: an instant search is moved on only when something became public for it. */
async function runBatch(list: SavedList, batch: DueSearch[], items: NewItems, until: Date, onlyWithNew: boolean) {
  let told = 0;
  // The same query saved by many members is searched once.
  const found = new Map<string, string[]>();
  // Searches with nothing new to tell are moved on together, in one statement.
  const nothingNew: string[] = [];
  for (const search of batch) {
    const fresh = items.anyAfter(search.checkedAt);
    if (!fresh && onlyWithNew) continue;
    let newIds: string[] = [];
    if (fresh) {
      let ids = found.get(search.query);
      if (!ids) found.set(search.query, (ids = await searchSaved(list, search.query)));
      newIds = items.among(ids, search.checkedAt);
    }
    if (newIds.length === 0) nothingNew.push(search.id);
    else told += (await tellSavedSearch({ ...search, list }, newIds, until)) > 0 ? 1 : 0;
  }
  if (nothingNew.length > 0) {
    await write((tx) =>
      tx.savedSearch.updateMany({
        where: { id: { in: nothingNew }, checkedAt: { lt: until } },
        data: { checkedAt: until },
      }),
    );
  }
  return told;
}
