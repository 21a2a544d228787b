import { afterAll, inject } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { createPrismaClient } from "~/db/client.server";

/**
 * Direct access to the running portal's database (e2e), to create users and
 * sessions without clicking through sign-up each time (the sign-up journey
 * has its own test), and to look at what a journey left behind.
 */
let client: PrismaClient | null = null;
export function portalDb(): PrismaClient {
  client ??= createPrismaClient(`file:${inject("portalDatabase")}`);
  return client;
}

afterAll(async () => {
  await client?.$disconnect();
  client = null;
});
