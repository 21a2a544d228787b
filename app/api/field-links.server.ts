import { Prisma } from "~/generated/prisma/client";
import { prisma, type DbClient } from "~/db/client.server";

/**
 * Every field slug of a page of listings, in one statement. The cards the
 * pages use carry only their first four or five fields (enough for a card);
 * an API client filtering on its side needs them all.
 */
const LINK_TABLES = {
  organization: { table: Prisma.raw("OrganizationField"), owner: Prisma.raw("organizationId") },
  expert: { table: Prisma.raw("ExpertField"), owner: Prisma.raw("expertId") },
  request: { table: Prisma.raw("RequestField"), owner: Prisma.raw("requestId") },
  event: { table: Prisma.raw("EventField"), owner: Prisma.raw("eventId") },
} as const;

export async function fieldSlugsOf(kind: keyof typeof LINK_TABLES, ids: readonly string[], db: DbClient = prisma) {
  const byOwner = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byOwner;
  const { table, owner } = LINK_TABLES[kind];
  const rows = await db.$queryRaw<{ ownerId: string; slug: string }[]>`
    SELECT l.${owner} AS ownerId, f.slug AS slug FROM ${table} l JOIN Field f ON f.id = l.fieldId
    WHERE l.${owner} IN (${Prisma.join([...ids])}) ORDER BY f.position, f.slug`;
  for (const row of rows) byOwner.get(row.ownerId)?.push(row.slug);
  return byOwner;
}
