import Database from "better-sqlite3";
import { indexGeneration } from "./index-generation";

/**
 * A value that moves whenever searchable data may have changed: a write from
 * any process adds an outbox row in its transaction (the table's
 * AUTOINCREMENT sequence never goes back), and this process's index
 * generation moves when the outbox worker applies rows or a reindex swaps.
 * Caches of whole answers key on it (app/server/shared-responses.server.ts).
 *
 * It is read on every search as you type, so it is one prepared statement on
 * a read-only connection of its own (microseconds), not a Prisma query (a
 * third of a kept answer's cost). In WAL mode a reader never waits; busy (a
 * crashed writer's journal being recovered) it throws, and the caller answers
 * without the cache.
 */
export type DataVersion = { read(): string; close(): void };

export function openSearchableDataVersion(databaseFile: string): DataVersion {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true, timeout: 0 });
  const sequence = db
    .prepare<[], number | bigint | undefined>("SELECT seq FROM sqlite_sequence WHERE name = 'SearchOutbox'")
    .pluck();
  return {
    read: () => `${indexGeneration()}:${Number(sequence.get() ?? 0)}`,
    close: () => db.close(),
  };
}
