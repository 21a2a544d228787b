import Database from "better-sqlite3";
import { remember } from "@epic-web/remember";
import { sqliteValues, type ReadStatement } from "./read-workers.server";

/**
 * Short reads on the app's own thread (docs/decisions/078): a read-only
 * connection of its own, each statement prepared once. For reads too small to
 * be worth a read worker (a page's 20 cards: under a millisecond), which
 * through Prisma were prepared again and their values converted on every call,
 * and which on a worker waited behind other searches' reads and kept two more
 * threads' memory in a portal whose engine answers every search.
 * In WAL mode a reader never waits for a writer; busy (a crashed writer's
 * journal being recovered) it throws at once, and the caller reads elsewhere.
 */
type Reader = { db: Database.Database; statements: Map<string, Database.Statement>; stale: boolean };

const readers = remember("thread-readers", () => new Map<string, Reader>());

/** At most this many prepared statements are kept per connection (a card read's SQL varies with its id count). */
const MAX_STATEMENTS = 200;

export function readOnThisThread<Row>(file: string, statement: ReadStatement): Row[] {
  let reader = readers.get(file);
  if (reader?.stale) {
    reader.db.close();
    reader = undefined;
  }
  if (!reader) {
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 0 });
    reader = { db, statements: new Map(), stale: false };
    readers.set(file, reader);
  }
  let prepared = reader.statements.get(statement.sql);
  if (!prepared) {
    if (reader.statements.size >= MAX_STATEMENTS) reader.statements.clear();
    prepared = reader.db.prepare(statement.sql);
    reader.statements.set(statement.sql, prepared);
  }
  return prepared.all(...sqliteValues(statement.values)) as Row[];
}

/** After an ANALYZE: the next read opens the connection again, which reads the new statistics. */
export function reopenThreadReaders() {
  for (const reader of readers.values()) reader.stale = true;
}
