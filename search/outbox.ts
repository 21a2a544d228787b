import { EventEmitter } from "node:events";
import type { DbClient } from "~/db/client.server";
import { storedDate } from "~/db/sqlite-adapter.server";
import { remember } from "@epic-web/remember";
import { bumpIndexGeneration } from "./index-generation";

/**
 * The write side of the search outbox. Models reach it through `write()`
 * (app/models/write.server.ts): `enqueueSearchSync` inside the transaction
 * that changes the entity, `notifySearchOutbox` after it commits so the
 * worker in this process picks the rows up at once (other processes'
 * workers find them on their next poll).
 */
export const SEARCH_ENTITIES = ["organization", "expert", "request", "offer", "event"] as const;
export type SearchEntity = (typeof SEARCH_ENTITIES)[number];

/** Rows per INSERT: 4 parameters each, far below SQLite's limit (32,766). */
const ROWS_PER_INSERT = 500;

/**
 * Raw multi-row INSERTs of bound values, not createMany: Prisma's query
 * compiler and interpreter handle each row of a createMany, which nearly
 * doubled the CPU of a 50,000-listing import's write (docs/decisions/043).
 */
export async function enqueueSearchSync(db: DbClient, entity: SearchEntity, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  // Formatted once, as the adapter would format each Date parameter.
  const now = storedDate(new Date());
  for (let start = 0; start < unique.length; start += ROWS_PER_INSERT) {
    const chunk = unique.slice(start, start + ROWS_PER_INSERT);
    await db.$executeRawUnsafe(
      `INSERT INTO "SearchOutbox" ("entity", "entityId", "createdAt", "availableAt") VALUES ${chunk
        .map(() => "(?, ?, ?, ?)")
        .join(", ")}`,
      ...chunk.flatMap((entityId) => [entity, entityId, now, now]),
    );
  }
}

/**
 * Documents carry their fields' names and aliases (decision 007), so a field
 * edited in the taxonomy re-indexes everything listed under it.
 */
export async function enqueueFieldHolders(db: DbClient, fieldIds: readonly string[]) {
  if (fieldIds.length === 0) return;
  const where = { fieldId: { in: [...fieldIds] } };
  const [organizations, experts, requests, offers] = await Promise.all([
    db.organizationField.findMany({ where, select: { organizationId: true } }),
    db.expertField.findMany({ where, select: { expertId: true } }),
    db.requestField.findMany({ where, select: { requestId: true } }),
    db.offerField.findMany({ where, select: { offerId: true } }),
  ]);
  await enqueueSearchSync(
    db,
    "organization",
    organizations.map((row) => row.organizationId),
  );
  await enqueueSearchSync(
    db,
    "expert",
    experts.map((row) => row.expertId),
  );
  await enqueueSearchSync(
    db,
    "request",
    requests.map((row) => row.requestId),
  );
  await enqueueSearchSync(
    db,
    "offer",
    offers.map((row) => row.offerId),
  );
  const events = await db.eventField.findMany({ where, select: { eventId: true } });
  await enqueueSearchSync(
    db,
    "event",
    events.map((row) => row.eventId),
  );
}

/**
 * An organization's offers carry its names, kind and place, and are public only
 * while it is: a change to the organization re-indexes them too.
 */
export async function enqueueOwnedOffers(db: DbClient, organizationIds: readonly string[]) {
  for (let start = 0; start < organizationIds.length; start += ROWS_PER_INSERT) {
    const chunk = organizationIds.slice(start, start + ROWS_PER_INSERT);
    // Raw, as the inserts above: an import re-indexes 50,000 organizations through here.
    const offers = await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT "id" FROM "Offer" WHERE "organizationId" IN (${chunk.map(() => "?").join(", ")})`,
      ...chunk,
    );
    await enqueueSearchSync(
      db,
      "offer",
      offers.map((offer) => offer.id),
    );
  }
}

/** An organization's events carry its names (docs/decisions/072): a change to it re-indexes them too. */
export async function enqueueOrganizedEvents(db: DbClient, organizationIds: readonly string[]) {
  for (let start = 0; start < organizationIds.length; start += ROWS_PER_INSERT) {
    const chunk = organizationIds.slice(start, start + ROWS_PER_INSERT);
    const events = await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT "id" FROM "Event" WHERE "organizationId" IN (${chunk.map(() => "?").join(", ")})`,
      ...chunk,
    );
    await enqueueSearchSync(
      db,
      "event",
      events.map((event) => event.id),
    );
  }
}

/**
 * Moves the searchable data version (search/data-version.ts) for a change
 * that adds no outbox row: an index swapped in, a batch the engine has
 * applied (seen by every process, not only the worker's), a taxonomy label
 * renamed. SQLite lets the AUTOINCREMENT sequence be updated like a row;
 * the next outbox id just skips one.
 */
export async function markSearchableDataChanged(db: DbClient) {
  await db.$executeRawUnsafe("UPDATE sqlite_sequence SET seq = seq + 1 WHERE name = 'SearchOutbox'");
}

const signal = remember("search-outbox-signal", () => {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(50);
  return emitter;
});

export function notifySearchOutbox() {
  // Cached search answers are keyed on the generation: drop them at once.
  bumpIndexGeneration();
  signal.emit("written");
}

export function onSearchOutboxWritten(listener: () => void): () => void {
  signal.on("written", listener);
  return () => signal.off("written", listener);
}
