import crypto from "node:crypto";
import Database from "better-sqlite3";

/**
 * What the portal's database holds, as one digest per table, to show that a
 * refused request changed nothing. Tables written in the background (search
 * outbox, sessions, jobs, mail, notifications, suggestions) are left out:
 * they move on their own after any earlier accepted write. So is a
 * conversation's read state: opening a thread with something new in it
 * records that its member has read it, as a session records a visit.
 *
 * Columns the portal's periodic tasks write are left out too (a request's reminder
 * times, a saved search's and a member's alert and digest clocks, a profile's yearly
 * reconfirmation, an event's day-before reminder), set whenever the task's turn comes.
 *
 * Digesting every row takes tens of milliseconds, so it is redone only when
 * another connection has committed since (SQLite's `data_version`).
 */
const BACKGROUND = new Set([
  "SearchOutbox",
  "Session",
  "Job",
  "MailMessage",
  "Notification",
  "MatchSuggestion",
  "ConversationRead",
  "_prisma_migrations",
]);
const BACKGROUND_COLUMNS: Record<string, string[]> = {
  TechRequest: ["deadlineReminderAt", "feedbackReminderAt"],
  // Alerts and the weekly digest move a saved search's and a member's clock.
  SavedSearch: ["checkedAt"],
  User: ["digestSentAt", "updatedAt"],
  // The yearly reconfirmation of profiles.
  ExpertProfile: ["staleSince", "hiddenAt"],
  // The day-before reminder of an event, sent once per registration.
  EventRegistration: ["reminderSentAt"],
};

export function databaseState(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const tables = // Plain tables: the full-text index's shadow tables have no rowid to order by.
    (
      db
        .prepare(
          "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .all() as {
        name: string;
      }[]
    )
      .map((row) => row.name)
      .filter((name) => !BACKGROUND.has(name));
  let cached: { version: number; digests: Record<string, string> } | null = null;

  const digests = () =>
    Object.fromEntries(
      tables.map((table) => {
        const hash = crypto.createHash("sha1");
        const skipped = BACKGROUND_COLUMNS[table] ?? [];
        const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[])
          .map((column) => column.name)
          .filter((name) => !skipped.includes(name))
          .map((name) => `"${name}"`)
          .join(", ");
        for (const row of db.prepare(`SELECT ${columns} FROM "${table}" ORDER BY rowid`).raw().iterate())
          hash.update(
            JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value)),
          );
        return [table, hash.digest("hex")];
      }),
    );

  return {
    /** Per-table digests of the data now. */
    current(): Record<string, string> {
      const version = db.pragma("data_version", { simple: true }) as number;
      if (cached?.version !== version) cached = { version, digests: digests() };
      return cached.digests;
    },
    /** Tables whose digest differs between two readings. */
    changed(before: Record<string, string>, after: Record<string, string>) {
      return tables.filter((table) => before[table] !== after[table]);
    },
    close() {
      db.close();
    },
  };
}
