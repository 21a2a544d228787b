import { prisma } from "~/db/client.server";
import { canonicalQuery, savedSearchUrl, type Frequency, type SavedList, isSavedList } from "~/utils/saved-search";
import { write } from "./write.server";

/**
 * A member's saved searches (docs/decisions/068): a list and its canonical
 * query, a name and how often they hear of new results. Alerts and the weekly
 * digest run them (app/models/alerts.server.ts, digest.server.ts).
 */
export const MAX_SAVED_SEARCHES = 20;

export type SaveResult = { saved: "created" | "updated"; id: string } | { refused: "limit" };

/** Saves a list's search; the same list and query again changes the first rather than adding one. */
export async function saveSearch(
  userId: string,
  input: { list: SavedList; query: string; label: string; frequency: Frequency },
): Promise<SaveResult> {
  const query = canonicalQuery(input.list, input.query);
  return write(async (tx) => {
    const existing = await tx.savedSearch.findFirst({
      where: { userId, list: input.list, query },
      select: { id: true },
    });
    if (existing) {
      await tx.savedSearch.update({
        where: { id: existing.id },
        data: { label: input.label, frequency: input.frequency },
      });
      return { saved: "updated", id: existing.id };
    }
    if ((await tx.savedSearch.count({ where: { userId } })) >= MAX_SAVED_SEARCHES) return { refused: "limit" };
    const created = await tx.savedSearch.create({
      data: { userId, list: input.list, query, label: input.label, frequency: input.frequency },
      select: { id: true },
    });
    return { saved: "created", id: created.id };
  });
}

/** What /me/alerts shows: the member's own searches, newest first (no ids of anyone else). */
export async function listSavedSearches(userId: string) {
  const rows = await prisma.savedSearch.findMany({
    where: { userId },
    select: { id: true, list: true, query: true, label: true, frequency: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return rows.flatMap((row) =>
    isSavedList(row.list)
      ? [{ ...row, list: row.list, frequency: row.frequency as Frequency, url: savedSearchUrl(row.list, row.query) }]
      : [],
  );
}

/** Renames or changes how often; false when the search is not the member's (or gone). */
export async function updateSavedSearch(
  userId: string,
  id: string,
  change: { label: string; frequency: Frequency },
): Promise<boolean> {
  return write(async (tx) => {
    const { count } = await tx.savedSearch.updateMany({ where: { id, userId }, data: change });
    return count > 0;
  });
}

/** False when the search is not the member's (or already gone). */
export async function deleteSavedSearch(userId: string, id: string): Promise<boolean> {
  return write(async (tx) => {
    const { count } = await tx.savedSearch.deleteMany({ where: { id, userId } });
    return count > 0;
  });
}
