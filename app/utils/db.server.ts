import { PrismaClient } from "~/generated/prisma/client";
import { resolveDatabaseUrl } from "./database-url";
import { singleton } from "./singleton.server";
import { BUSY_TIMEOUT_MS, createSqliteAdapter, runAsTransactionCallback } from "./sqlite-adapter.server";

export type Db = PrismaClient;
/** A Prisma client or the client of an open transaction. */
export type DbClient = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createPrismaClient(url = resolveDatabaseUrl()): PrismaClient {
  const client = new PrismaClient({
    adapter: createSqliteAdapter(url),
    // Starting a transaction may wait BUSY_TIMEOUT_MS for another process's
    // write lock, after this process's own transactions ahead of it; Prisma's
    // default (2 s) would give up first.
    transactionOptions: { maxWait: 2 * BUSY_TIMEOUT_MS },
  });
  // Interactive transactions run their callback marked, so that a stray query
  // on the shared client inside one fails at once (sqlite-adapter.server.ts).
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  client.$transaction = ((...args: unknown[]) =>
    typeof args[0] === "function" ? runAsTransactionCallback(() => transaction(...args)) : transaction(...args)) as PrismaClient["$transaction"];
  return client;
}

export const prisma: PrismaClient = singleton("prisma", () => createPrismaClient());
