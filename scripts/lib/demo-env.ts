/**
 * Imported first by scripts/demo.ts, before anything opens a database or an engine: the
 * demonstration lives in its own folder, .data/demo/, with its own database, engine data,
 * mailbox and index names. It never reads or writes the real portal's files.
 */
import path from "node:path";

export const DEMO_DIR = path.resolve(import.meta.dirname, "../../.data/demo");

Object.assign(process.env, {
  DATABASE_URL: `file:${path.join(DEMO_DIR, "portal.db")}`,
  MEILI_DATA_DIR: path.join(DEMO_DIR, "meilisearch"),
  MAILBOX_FILE: path.join(DEMO_DIR, "mailbox.mbox"),
  MEILI_INDEX_PREFIX: "demo_",
  PORTAL_DEMO: "1",
});
// An external engine would be the real one: the demonstration always runs its own.
delete process.env.MEILI_HOST;
delete process.env.MEILI_MASTER_KEY;
delete process.env.MEILI_SEARCH_KEY;
