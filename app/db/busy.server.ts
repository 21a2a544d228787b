import { isSqliteBusy } from "./sqlite-adapter.server";

/**
 * A request that failed because another process (a bulk import, a restore)
 * kept the database's write lock past the busy timeout: what waited (a
 * transaction, a single statement) never ran. It is answered 503 with
 * Retry-After, so people, browsers and proxies try again, not 500, which
 * reads as a bug (docs/decisions/017). The same for a transaction that waited
 * too long for its turn or ran past its time limit in this process.
 */
export const DATABASE_BUSY_RETRY_AFTER_SECONDS = 5;

export function isDatabaseBusy(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const { name, code, message, meta, cause } = current as {
      name?: unknown;
      code?: unknown;
      message?: unknown;
      meta?: { driverAdapterError?: unknown };
      cause?: unknown;
    };
    if (isSqliteBusy(current) || isSqliteBusy(meta?.driverAdapterError)) return true;
    // Too many fallback reads queued for the read workers (app/db/read-workers.server.ts); by
    // name, as the server entry and the Remix build each have their own copy of the class.
    if (name === "ReadWorkersBusy") return true;
    // Prisma's maxWait: the transaction waited its turn too long to start. Or
    // its timeout: on a swamped machine it did not finish in time, and Prisma
    // rolled it back. Either way nothing was written and a retry may succeed.
    if (
      code === "P2028" &&
      typeof message === "string" &&
      /Unable to start a transaction|expired transaction/.test(message)
    )
      return true;
    current = cause;
  }
  return false;
}
