import { reportSearchSuccess } from "#search/availability";
import { searchClient, indexUid } from "#search/client";
import { findFreePort } from "#search/local-server";
import { requireSearchConfig } from "#search/config";
import { ORGANIZATIONS_INDEX } from "#search/indexes";
import type { OrganizationSearchInput } from "#search/organization-search";
import { SearchOutboxWorker } from "#search/outbox-worker";
import { prepareSearch } from "#search/prepare";
import { seedDirectory } from "~/models/seed.server";
import { Prisma } from "~/generated/prisma/client";
import { prisma, readRows } from "~/db/client.server";
import { readWorkerCount } from "~/db/read-workers.server";

/** The real seed data, indexed: the state `npm start` brings a fresh machine to. */
export async function seedAndIndex() {
  await seedDirectory();
  await prepareSearch(prisma);
  await drainOutbox();
}

export async function drainOutbox() {
  return new SearchOutboxWorker({ db: prisma, prepare: () => prepareSearch(prisma).then(() => {}) }).drain();
}

export function organizationsIndex() {
  return searchClient().index(indexUid(ORGANIZATIONS_INDEX.base, requireSearchConfig()));
}

/** Ids the engine returns for a query, best first. */
export async function engineIds(q: string, options: { filter?: string; limit?: number } = {}) {
  const result = await organizationsIndex().search(q, {
    limit: options.limit ?? 20,
    filter: options.filter,
    attributesToRetrieve: ["id"],
  });
  return result.hits.map((hit) => String(hit.id));
}

export async function slugsOf(ids: string[]) {
  const rows = await prisma.organization.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } });
  const byId = new Map(rows.map((row) => [row.id, row.slug]));
  return ids.map((id) => byId.get(id) ?? `?${id}`);
}

/** Polls until the check passes or the time runs out. */
export async function eventually<T>(
  check: () => Promise<T>,
  { timeoutMs = 15_000, intervalMs = 100 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
  throw lastError;
}

/** Runs with the engine out of reach (a closed port), so searches answer from the database. */
export async function withEngineDown<T>(run: () => Promise<T>): Promise<T> {
  const host = process.env.MEILI_HOST;
  process.env.MEILI_HOST = `http://127.0.0.1:${await findFreePort()}`;
  try {
    return await run();
  } finally {
    process.env.MEILI_HOST = host;
    reportSearchSuccess();
  }
}

/** A directory search with nothing chosen: tests spread their words and filters over it. */
export const DIRECTORY_SEARCH: OrganizationSearchInput = {
  q: "",
  kinds: [],
  areas: [],
  fields: [],
  districts: [],
  verifiedOnly: false,
  sort: "relevance",
  lang: "vi",
  page: 1,
  perPage: 20,
};

/**
 * Whether `work` leaves the app's thread free (decision 059): a timer is set just after it
 * starts. On the read workers the timer fires first ("timer", then "work"); on the app's
 * thread the work ends first. The workers are kept busy with a slow count first, so that the
 * order does not hang on a race.
 */
export async function orderAgainstTimer<T>(work: () => Promise<T>): Promise<{ order: string[]; result: T }> {
  const slow = Prisma.sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${300_000})
    SELECT COUNT(*) AS c FROM n`;
  const busy = Array.from({ length: readWorkerCount() }, () => readRows(slow, prisma));
  const order: string[] = [];
  const done = work().then((result) => {
    order.push("work");
    return result;
  });
  await new Promise((resolve) => setTimeout(resolve, 0));
  order.push("timer");
  const [result] = await Promise.all([done, ...busy]);
  return { order, result };
}
