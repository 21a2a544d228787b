import { DOCUMENT_FORMAT } from "#search/document-format";
import { expertIndexInclude, expertSearchText } from "#search/expert-document";
import { offerIndexInclude, offerSearchFields } from "#search/offer-document";
import { loadIndexSources, organizationDocument, organizationSearchText } from "#search/organization-document";
import { requestIndexInclude, requestSearchText } from "#search/request-document";
import { prisma, type Db, type DbClient } from "~/db/client.server";
import { eventSearchInclude, eventSearchText } from "./event.server";
import { write } from "./write.server";

/**
 * The database fallback's search columns (`searchText`, and the sort names) brought
 * up to the code's document format (docs/decisions/081). Every write stores them as
 * the code of its day computes them; a change to what documents hold (a bump of
 * DOCUMENT_FORMAT) rebuilds the engine's indexes at the next start, but rows nobody
 * edited since kept their old text: with the engine down, experts abroad could not
 * be found by their country's name. SQLite's `user_version` records the format the
 * columns were last brought to; a start that finds another reads every row in the
 * background, a batch at a time, and writes only the rows whose columns differ (a new
 * database's rows, written by this code, none).
 */

/** Rows per batch: one read of their sources, one short write transaction. */
const BATCH = 200;

type Columns = Record<string, string>;
/** A batch: each row's id, its stored columns and the columns this code computes. */
type Batch = { id: string; stored: Columns; computed: Columns }[];

/** Each table with search columns (its name in SQL) and how a batch of its rows is read after an id. */
const TABLES: { table: string; batch: (db: DbClient, after: string | undefined) => Promise<Batch> }[] = [
  {
    table: "Organization",
    batch: async (db, after) => {
      const sources = await loadIndexSources(db, { afterId: after, limit: BATCH });
      const stored = await db.organization.findMany({
        where: { id: { in: sources.map((source) => source.id) } },
        select: { id: true, searchText: true, sortNameVi: true, sortNameEn: true },
      });
      const byId = new Map(stored.map(({ id, ...columns }) => [id, columns]));
      return sources.map((source) => {
        const { sortNameVi, sortNameEn } = organizationDocument(source);
        const computed = { searchText: organizationSearchText(source), sortNameVi, sortNameEn };
        return { id: source.id, stored: byId.get(source.id) ?? {}, computed };
      });
    },
  },
  {
    table: "ExpertProfile",
    batch: async (db, after) =>
      (await db.expertProfile.findMany({ ...page(after), include: expertIndexInclude })).map((expert) => ({
        id: expert.id,
        stored: { searchText: expert.searchText },
        computed: { searchText: expertSearchText(expert) },
      })),
  },
  {
    table: "TechRequest",
    batch: async (db, after) =>
      (await db.techRequest.findMany({ ...page(after), include: requestIndexInclude })).map((request) => ({
        id: request.id,
        stored: { searchText: request.searchText },
        computed: { searchText: requestSearchText(request) },
      })),
  },
  {
    table: "Offer",
    batch: async (db, after) =>
      (await db.offer.findMany({ ...page(after), include: offerIndexInclude })).map((offer) => ({
        id: offer.id,
        stored: { searchText: offer.searchText, sortNameVi: offer.sortNameVi, sortNameEn: offer.sortNameEn },
        computed: offerSearchFields(offer),
      })),
  },
  {
    table: "Event",
    batch: async (db, after) =>
      (await db.event.findMany({ ...page(after), include: eventSearchInclude })).map((event) => ({
        id: event.id,
        stored: { searchText: event.searchText },
        computed: { searchText: eventSearchText(event) },
      })),
  },
];

const page = (after: string | undefined) => ({
  where: after ? { id: { gt: after } } : {},
  orderBy: { id: "asc" as const },
  take: BATCH,
});

const differs = ({ stored, computed }: Batch[number]) =>
  Object.entries(computed).some(([column, value]) => stored[column] !== value);

/** The document format the search columns were last brought to (0: a database older than this record). */
export async function searchTextFormat(db: DbClient = prisma): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ user_version: number | bigint }[]>("PRAGMA user_version");
  return Number(row?.user_version ?? 0);
}

/**
 * Refreshes the search columns of every row when they were written for an older
 * format, then records the current one; null when they were current. `shouldStop`
 * is asked between batches (the portal is closing): the format is then left as it
 * was, and the next start goes again.
 */
export async function refreshStaleSearchText(
  options: { db?: Db; shouldStop?: () => boolean } = {},
): Promise<{ from: number; to: number; rows: number; changed: number } | null> {
  const { db = prisma, shouldStop = () => false } = options;
  const from = await searchTextFormat(db);
  if (from === DOCUMENT_FORMAT) return null;
  let rows = 0;
  let changed = 0;
  for (const table of TABLES) {
    let after: string | undefined;
    for (;;) {
      if (shouldStop()) return null;
      const batch = await table.batch(db, after);
      if (batch.length === 0) break;
      const stale = batch.filter(differs);
      if (stale.length > 0) {
        await write(
          async (tx, effects) => {
            for (const { id, computed } of stale) await updateColumns(tx, table.table, id, computed);
            // Kept answers of the fallback went with the old text.
            await effects.searchableDataChanged();
          },
          { db },
        );
      }
      rows += batch.length;
      changed += stale.length;
      after = batch.at(-1)!.id;
    }
  }
  if (changed > 0) await optimizeFullTextIndexes(db);
  // PRAGMA takes no bound parameter; the value is the code's own constant.
  await db.$executeRawUnsafe(`PRAGMA user_version = ${Number(DOCUMENT_FORMAT)}`);
  return { from, to: DOCUMENT_FORMAT, rows, changed };
}

/**
 * Raw, so the row's `updatedAt` stays as its last edit left it (Prisma's update would move it,
 * and lists sort and the API filters by it). Table and column names are this module's own.
 */
async function updateColumns(tx: DbClient, table: string, id: string, data: Columns) {
  const columns = Object.keys(data);
  await tx.$executeRawUnsafe(
    `UPDATE "${table}" SET ${columns.map((column) => `"${column}" = ?`).join(", ")} WHERE id = ?`,
    ...columns.map((column) => data[column]),
    id,
  );
}

/**
 * Merges each full-text index into one segment. A bulk rewrite (this refresh, a large
 * import and its removal) leaves the FTS5 indexes in many segments, which every match
 * then reads: at 100,000 organizations the fallback's CPU per search was 15% higher
 * until they were merged (about 6 s, holding the write lock, so only after bulk work).
 */
export async function optimizeFullTextIndexes(db: DbClient = prisma) {
  for (const table of ["OrganizationSearch", "OfferSearch", "ExpertSearch"]) {
    await db.$executeRawUnsafe(`INSERT INTO "${table}" ("${table}") VALUES ('optimize')`);
  }
}
