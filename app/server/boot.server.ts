import type { Server } from "node:http";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { pageSearchClient } from "#search/client";
import { readSearchConfig, setLocalEngine } from "#search/config";
import { startLocalMeilisearch, type LocalMeilisearch } from "#search/local-server";
import { SearchOutboxWorker } from "#search/outbox-worker";
import { backoffMs } from "#search/polling-loop";
import { prepareSearch } from "#search/prepare";
import { createJobWorker } from "~/jobs/handlers.server";
import { refreshStaleSearchText } from "~/models/search-text.server";
import { seedDirectory } from "~/models/seed.server";
import { prisma, refreshPlannerStatistics } from "~/db/client.server";
import { allowedOrigins } from "~/config/env.server";
import { log } from "~/config/log.server";
import { applyMigrations } from "~/db/migrate.server";
import { protectPrivateData } from "~/db/private-data.server";
import { createHttpApp } from "./http.server";
import { readiness } from "./readiness.server";

/**
 * Brings the whole portal up in one process: migrated database, seed data,
 * a search engine (the configured one, or a local Meilisearch started here),
 * the outbox worker, and the HTTP server. `close()` takes it all down again.
 */
export type PortalOptions = {
  root: string;
  port: number;
  host?: string;
  dev: boolean;
  /** Where the local Meilisearch keeps its data (default `.data/meilisearch`) */
  dataDir: string;
  seed: boolean;
};

export type RunningPortal = { url: string; close: () => Promise<void> };

export async function startPortal(options: PortalOptions): Promise<RunningPortal> {
  const step = (event: string, fields: Record<string, unknown> = {}) => log("info", event, fields);
  let closing = false;

  // Before the database, the mailbox or the engine's data is touched (docs/decisions/027).
  protectPrivateData({ root: options.root, meiliDataDir: options.dataDir });
  step("migrate", applyMigrations());

  if (options.seed) {
    const report = await seedDirectory();
    step("seed", report);
  }

  let localSearch: LocalMeilisearch | null = null;
  if (!readSearchConfig()) {
    localSearch = await startLocalMeilisearch({ dataDir: options.dataDir });
    setLocalEngine({ host: localSearch.host, apiKey: localSearch.apiKey });
    step("search_local_started", { host: localSearch.host, dataDir: options.dataDir });
    // A local engine that dies is started again on the same port and data;
    // meanwhile pages use the database and writes wait in the outbox.
    const supervise = (running: LocalMeilisearch, failures: number): void => {
      void running.exited.then(async () => {
        if (closing) return;
        log("error", "search_local_exited", { restartInMs: backoffMs(failures + 1) });
        await new Promise((resolve) => setTimeout(resolve, backoffMs(failures + 1)));
        if (closing) return;
        try {
          localSearch = await startLocalMeilisearch({ dataDir: options.dataDir, port: running.port });
          setLocalEngine({ host: localSearch.host, apiKey: localSearch.apiKey });
          step("search_local_restarted", { host: localSearch.host });
          supervise(localSearch, 0);
        } catch (error) {
          log("error", "search_local_restart_failed", { error: String(error) });
          supervise(running, failures + 1);
        }
      });
    };
    supervise(localSearch, 0);
  } else {
    step("search_configured", { host: readSearchConfig()!.host });
  }

  try {
    const prepared = await prepareSearch(prisma, { onRebuild: (reason) => step("search_rebuild", { reason }) });
    step("search_ready", prepared);
  } catch (error) {
    // The portal still serves (database fallback); the worker retries and heals the index.
    log("warn", "search_unavailable_at_start", { error: String(error) });
  }
  // Pages search with a key that may only search: found or made now rather than on the first page.
  await pageSearchClient().catch((error) => log("warn", "search_key_unavailable", { error: String(error) }));

  const worker = new SearchOutboxWorker({
    db: prisma,
    prepare: async () => {
      await prepareSearch(prisma);
    },
    log: (event, fields) => log("warn", event, fields),
  });
  worker.start();
  const jobs = createJobWorker();
  jobs.start();
  // Rows written before the last change of what search text holds get it now, in the background
  // (docs/decisions/081); a fresh database is read once and nothing written.
  const refreshingSearchText = refreshStaleSearchText({ shouldStop: () => closing })
    .then((refreshed) => refreshed && step("search_text_refreshed", refreshed))
    .catch((error) => log("warn", "search_text_refresh_failed", { error: String(error) }));
  // Long-lived connections keep the statistics of the day they opened: refresh them now and then.
  const maintenance = setInterval(
    () => {
      refreshPlannerStatistics().catch((error) => log("warn", "sqlite_analyze_failed", { error: String(error) }));
    },
    60 * 60 * 1000,
  );
  maintenance.unref();

  const build = options.dev
    ? await (await import("vite")).createServer({ root: options.root, server: { middlewareMode: true } })
    : ((await import(path.join(options.root, "build/server/index.js"))) as ServerBuild);
  const { app, close: closeApp } = createHttpApp({
    root: options.root,
    build,
    readiness: () => readiness(worker),
    allowedOrigins: allowedOrigins(),
  });

  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(options.port, options.host ?? "", () => resolve(listening));
    listening.once("error", reject);
  });
  // Keep idle connections longer than clients and proxies do (they reuse them for about 4-60 s): a
  // server that closes first races the client's next request on that connection ("fetch failed").
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const url = `http://localhost:${port}`;

  const close = async () => {
    if (closing) return;
    closing = true;
    step("shutdown");
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Idle keep-alive connections would hold close() open.
      server.closeIdleConnections?.();
      setTimeout(() => {
        server.closeAllConnections?.();
        resolve();
      }, 10_000).unref();
    });
    clearInterval(maintenance);
    await Promise.all([worker.stop(), jobs.stop(), refreshingSearchText]);
    if ("close" in build && typeof build.close === "function") await build.close();
    closeApp();
    await localSearch?.stop();
    await prisma.$disconnect();
  };
  return { url, close };
}
