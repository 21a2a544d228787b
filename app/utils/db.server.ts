import { PrismaClient } from "~/generated/prisma/client";
import { resolveDatabaseUrl } from "./database-url";
import { singleton } from "./singleton.server";
import { createSqliteAdapter } from "./sqlite-adapter.server";

export type Db = PrismaClient;
/** A Prisma client or the client of an open transaction. */
export type DbClient = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createPrismaClient(url = resolveDatabaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: createSqliteAdapter(url) });
}

export const prisma: PrismaClient = singleton("prisma", () => createPrismaClient());
