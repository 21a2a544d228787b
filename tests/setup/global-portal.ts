import path from "node:path";
import type { TestProject } from "vitest/node";
import { freshDir } from "./paths";
import { portalFiles, startPortalProcess } from "./portal-process";

/**
 * Once per run of the e2e projects: the portal exactly as `npm start` runs it
 * (production build, migrations, seed, its own local Meilisearch), on a free
 * port with its own database and engine data.
 */
declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    portalDatabase: string;
    mailbox: string;
    portalLog: string;
  }
}

type Started = {
  files: Awaited<ReturnType<typeof portalFiles>>;
  portal: Awaited<ReturnType<typeof startPortalProcess>>;
};
/** Shared by the e2e and slow-e2e projects (same process): started once, stopped after the last. */
const shared = globalThis as typeof globalThis & { __hinE2ePortal?: { started: Promise<Started>; users: number } };

async function start(): Promise<Started> {
  const files = await portalFiles(freshDir("e2e"));
  // Tests pose as different clients (X-Forwarded-For), so that rate limits
  // meant for one address do not add up across unrelated tests.
  const portal = await startPortalProcess(files, {
    // A busy machine can take over 3 s between two pages of the outage tests,
    // which check that the second one does not try the engine again.
    env: { TRUST_PROXY: "loopback", SEARCH_RETRY_PAUSE_MS: "10000" },
  });
  return { files, portal };
}

export default async function setup(project: TestProject) {
  const entry = (shared.__hinE2ePortal ??= { started: start(), users: 0 });
  entry.users += 1;
  const { files, portal } = await entry.started;
  project.provide("baseURL", portal.baseURL);
  project.provide("portalDatabase", files.database);
  project.provide("mailbox", path.join(files.dir, "mailbox.mbox"));
  project.provide("portalLog", files.log);
  return async () => {
    entry.users -= 1;
    if (entry.users > 0) return;
    shared.__hinE2ePortal = undefined;
    await portal.stop();
  };
}
