import { prisma } from "~/db/client.server";
import { PUBLIC_OFFER } from "~/domain/offer-values";
import { isLanguage, type Language } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { digestMail, type DigestContent } from "~/mail/alert-templates.server";
import { isSavedList, savedSearchUrl, SAVED_LISTS, type SavedList } from "~/utils/saved-search";
import { ALERT_ITEMS, alertItems, becamePublic, searchSaved, waitingForIndex, NewItems } from "./alerts.server";
import { queueMail } from "./mail.server";
import type { NotificationData } from "./notification.server";
import { unsubscribeHeaders, unsubscribeUrl } from "./unsubscribe.server";
import { write } from "./write.server";

/**
 * The weekly digest (docs/decisions/068): to each member who takes it, once a week, what is new
 * for them: their weekly saved searches' new results, requests suggested to their expert
 * profile, offers suggested for their open requests, and the notifications of the kinds they
 * chose to read here. Members are read in batches by id, each part with one query per batch;
 * `digestSentAt` is moved (compare-and-set) with the mail, so a second run the same week sends
 * nothing. A member with nothing new gets no mail; their time is moved on all the same.
 */
const WEEK = 7 * 24 * 3_600_000;
/** A digest is due a week after the last, less an hour for the task's round. */
const DUE_AFTER = WEEK - 3_600_000;
const SHOWN = 5;

type DigestUser = { id: string; email: string; name: string; locale: string; digestSentAt: Date | null };

export async function sendWeeklyDigests(
  options: { now?: Date; batch?: number } = {},
): Promise<{ users: number; sent: number }> {
  const now = options.now ?? new Date();
  const due = new Date(now.getTime() - DUE_AFTER);
  let cursor: string | undefined;
  let users = 0;
  let sent = 0;
  const candidates = new CandidateCache(now);
  for (;;) {
    const batch: DigestUser[] = await prisma.user.findMany({
      where: {
        weeklyDigest: true,
        OR: [{ digestSentAt: null }, { digestSentAt: { lte: due } }],
        ...(cursor ? { id: { gt: cursor } } : {}),
      },
      select: { id: true, email: true, name: true, locale: true, digestSentAt: true },
      orderBy: { id: "asc" },
      take: options.batch ?? 500,
    });
    if (batch.length === 0) break;
    cursor = batch.at(-1)!.id;
    users += batch.length;
    sent += await digestBatch(batch, now, candidates);
  }
  return { users, sent };
}

/** From when a member's digest counts: their last one, at most a week back. */
const sinceOf = (user: DigestUser, now: Date) =>
  new Date(Math.max(user.digestSentAt?.getTime() ?? 0, now.getTime() - WEEK));

async function digestBatch(batch: DigestUser[], now: Date, candidates: CandidateCache): Promise<number> {
  const ids = batch.map((user) => user.id);
  const earliest = new Date(Math.min(...batch.map((user) => sinceOf(user, now).getTime())));
  const [searches, suggestions, offers, preferences] = await Promise.all([
    prisma.savedSearch.findMany({
      where: { userId: { in: ids }, frequency: "weekly" },
      select: { id: true, userId: true, list: true, query: true, label: true, checkedAt: true },
    }),
    prisma.matchSuggestion.findMany({
      where: {
        targetType: "expert",
        expert: { userId: { in: ids } },
        computedAt: { gt: earliest },
        request: { status: "open" },
      },
      select: {
        computedAt: true,
        expert: { select: { userId: true } },
        request: { select: { id: true, title: true } },
      },
      orderBy: { computedAt: "desc" },
    }),
    // Offers told to a request's owner as fitting it (once per owner and offer).
    prisma.offerMatchNotice.findMany({
      where: { userId: { in: ids }, createdAt: { gt: earliest }, request: { status: "open" }, offer: PUBLIC_OFFER },
      select: { userId: true, createdAt: true, offer: { select: { id: true, nameVi: true, nameEn: true } } },
      orderBy: { createdAt: "desc" },
    }),
    prisma.notificationPreference.findMany({
      where: { userId: { in: ids }, channel: { in: ["digest", "off"] } },
      select: { userId: true, type: true, channel: true },
    }),
  ]);
  const digestTypes = new Map<string, Set<string>>();
  const alertsOff = new Set<string>();
  for (const preference of preferences) {
    if (preference.type === "alert" && preference.channel === "off") alertsOff.add(preference.userId);
    if (preference.channel !== "digest") continue;
    const types = digestTypes.get(preference.userId) ?? new Set();
    digestTypes.set(preference.userId, types.add(preference.type));
  }
  const notifications = digestTypes.size
    ? await prisma.notification.findMany({
        where: {
          userId: { in: [...digestTypes.keys()] },
          type: { in: [...new Set([...digestTypes.values()].flatMap((types) => [...types]))] },
          createdAt: { gt: earliest },
        },
        select: { userId: true, type: true, data: true, url: true, createdAt: true },
        orderBy: { createdAt: "desc" },
      })
    : [];
  const newResults = await weeklySearchResults(searches, candidates);

  // Each part by member, so each member's share is read without scanning the batch's rows.
  const searchesOf = groupBy(searches, (row) => row.userId);
  const suggestionsOf = groupBy(suggestions, (row) => row.expert?.userId ?? "");
  const offersOf = groupBy(offers, (row) => row.userId);
  const notificationsOf = groupBy(notifications, (row) => row.userId);

  let sent = 0;
  const quiet: DigestUser[] = [];
  for (const user of batch) {
    const since = sinceOf(user, now);
    const lang: Language = isLanguage(user.locale) ? user.locale : "vi";
    const name = (vi: string | null, en: string | null) => (lang === "en" ? (en ?? vi) : (vi ?? en)) ?? "";
    const mine = (searchesOf.get(user.id) ?? []).filter((search) => newResults.has(search.id));
    const content: DigestContent = {
      searches: [],
      suggestions: { count: 0, items: [] },
      offers: { count: 0, items: [] },
      notifications: [],
    };
    if (!alertsOff.has(user.id)) {
      for (const search of mine) {
        const found = newResults.get(search.id)!;
        if (found.length === 0 || !isSavedList(search.list)) continue;
        content.searches.push({
          label: search.label,
          count: found.length,
          url: savedSearchUrl(search.list, search.query),
          items: await alertItems(search.list, found.slice(0, ALERT_ITEMS), lang),
        });
      }
    }
    const suggested = uniqueBy(
      (suggestionsOf.get(user.id) ?? []).filter((row) => row.computedAt > since),
      (row) => row.request.id,
    );
    content.suggestions = {
      count: suggested.length,
      items: suggested.slice(0, SHOWN).map((row) => ({ name: row.request.title, path: `/requests/${row.request.id}` })),
    };
    const offered = uniqueBy(
      (offersOf.get(user.id) ?? []).filter((row) => row.createdAt > since),
      (row) => row.offer.id,
    );
    content.offers = {
      count: offered.length,
      items: offered.slice(0, SHOWN).map((row) => ({
        name: name(row.offer.nameVi, row.offer.nameEn),
        path: `/offers/${row.offer.id}`,
      })),
    };
    const types = digestTypes.get(user.id);
    content.notifications = types
      ? (notificationsOf.get(user.id) ?? [])
          .filter((row) => types.has(row.type) && row.createdAt > since)
          .map((row) => {
            const data = JSON.parse(row.data) as NotificationData;
            return { key: data.key as MessageKey, params: data.params, url: row.url };
          })
      : [];
    const empty =
      content.searches.length === 0 &&
      content.suggestions.count === 0 &&
      content.offers.count === 0 &&
      content.notifications.length === 0;
    if (empty) {
      quiet.push(user);
      continue;
    }
    if (await sendDigest(user, lang, content, mine, now)) sent += 1;
  }
  // Nothing new: their week is done all the same, their weekly searches' too (one statement each).
  if (quiet.length) {
    const quietIds = new Set(quiet.map((user) => user.id));
    const quietSearches = searches.filter((search) => quietIds.has(search.userId) && newResults.has(search.id));
    await write(async (tx) => {
      await tx.savedSearch.updateMany({
        where: { id: { in: quietSearches.map((search) => search.id) }, checkedAt: { lt: now } },
        data: { checkedAt: now },
      });
      await tx.user.updateMany({
        where: {
          id: { in: quiet.map((user) => user.id) },
          OR: [{ digestSentAt: null }, { digestSentAt: { lte: new Date(now.getTime() - DUE_AFTER) } }],
        },
        data: { digestSentAt: now },
      });
    });
  }
  return sent;
}

type WeeklySearch = { id: string; userId: string; list: string; query: string; label: string; checkedAt: Date };

/**
 * What became public for the weekly searches, per list: read once per run, from the oldest
 * weekly search's check; null while the list's newest items wait for the index.
 */
class CandidateCache {
  #lists = new Map<SavedList, Promise<NewItems | null>>();
  constructor(readonly now: Date) {}

  get(list: SavedList): Promise<NewItems | null> {
    let found = this.#lists.get(list);
    if (!found) this.#lists.set(list, (found = this.#read(list)));
    return found;
  }

  async #read(list: SavedList) {
    if (await waitingForIndex(list, this.now)) return null;
    const where = { list, frequency: "weekly", user: { weeklyDigest: true } };
    const oldest = (await prisma.savedSearch.aggregate({ where, _min: { checkedAt: true } }))._min.checkedAt;
    return new NewItems(oldest ? await becamePublic(list, oldest, this.now) : []);
  }
}

/** Each weekly search's new results (through the list's own search); a list waiting for the index is left for next week. */
async function weeklySearchResults(searches: WeeklySearch[], cache: CandidateCache): Promise<Map<string, string[]>> {
  const results = new Map<string, string[]>();
  for (const list of SAVED_LISTS) {
    const ofList = searches.filter((search) => search.list === list);
    if (ofList.length === 0) continue;
    const items = await cache.get(list);
    if (items === null) continue;
    const found = new Map<string, string[]>();
    for (const search of ofList) {
      let ids: string[] = [];
      if (items.anyAfter(search.checkedAt)) {
        let all = found.get(search.query);
        if (!all) found.set(search.query, (all = await searchSaved(list, search.query)));
        ids = items.among(all, search.checkedAt);
      }
      results.set(search.id, ids);
    }
  }
  return results;
}

/** The mail, the member's time and their searches' windows in one transaction; false when another run sent it. */
async function sendDigest(
  user: DigestUser,
  lang: Language,
  content: DigestContent,
  searches: WeeklySearch[],
  now: Date,
) {
  const headers = await unsubscribeHeaders(user.id, { kind: "digest" });
  const mail = digestMail({ name: user.name, lang }, content, await unsubscribeUrl(user.id, { kind: "digest" }));
  return write(async (tx, effects) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, digestSentAt: user.digestSentAt },
      data: { digestSentAt: now },
    });
    if (count === 0) return false;
    for (const search of searches) {
      await tx.savedSearch.updateMany({
        where: { id: search.id, checkedAt: search.checkedAt },
        data: { checkedAt: now },
      });
    }
    await queueMail({ to: user.email, headers, ...mail }, tx, effects);
    return true;
  });
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

function uniqueBy<T>(rows: T[], key: (row: T) => string): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const value = key(row);
    if (seen.has(value)) return false;
    seen.add(value);
    return true;
  });
}
