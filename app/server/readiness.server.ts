import { readSearchConfig } from "#search/config";
import { searchClient } from "#search/client";
import type { SearchOutboxWorker } from "#search/outbox-worker";
import { prisma } from "~/db/client.server";

/**
 * What /readyz reports: the database must answer (else 503); the search engine
 * may be down, since the directory falls back to the database ("degraded").
 */
export async function readiness(worker: SearchOutboxWorker | null) {
  let database = "ok";
  let pending = 0;
  let oldestPendingSeconds = 0;
  try {
    const [count, oldest] = await Promise.all([
      prisma.searchOutbox.count({ where: { processedAt: null } }),
      prisma.searchOutbox.findFirst({
        where: { processedAt: null },
        orderBy: { id: "asc" },
        select: { createdAt: true },
      }),
    ]);
    pending = count;
    oldestPendingSeconds = oldest ? Math.round((Date.now() - oldest.createdAt.getTime()) / 1000) : 0;
  } catch {
    database = "unreachable";
  }

  let search = "not configured";
  const config = readSearchConfig();
  if (config) {
    try {
      await searchClient(config).health();
      search = "ok";
    } catch {
      search = "unreachable";
    }
  }
  const ok = database === "ok";
  const status = !ok ? "unavailable" : search === "ok" ? "ready" : "degraded";
  return {
    ok,
    body: {
      status,
      database,
      search,
      outbox: {
        pending,
        oldestPendingSeconds,
        failingRounds: worker?.failures ?? 0,
        lastError: worker?.lastError ?? null,
      },
    },
  };
}
