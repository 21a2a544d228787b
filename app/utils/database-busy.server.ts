import { isSqliteBusy } from "./sqlite-adapter.server";

/**
 * A request that failed because another process (a bulk import, a restore)
 * kept the database's write lock past the busy timeout: what waited (a
 * transaction, a single statement) never ran. It is answered 503 with
 * Retry-After, so people, browsers and proxies try again, not 500, which
 * reads as a bug (docs/decisions/017).
 */
export const DATABASE_BUSY_RETRY_AFTER_SECONDS = 5;

export function isDatabaseBusy(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const { code, message, meta, cause } = current as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: unknown }; cause?: unknown };
    if (isSqliteBusy(current) || isSqliteBusy(meta?.driverAdapterError)) return true;
    // Prisma's maxWait: the transaction waited its turn too long to start.
    if (code === "P2028" && typeof message === "string" && message.includes("Unable to start a transaction")) return true;
    current = cause;
  }
  return false;
}
