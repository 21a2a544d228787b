import path from "node:path";
import type { TestProject } from "vitest/node";
import { freshDir } from "./paths";
import { portalFiles, startPortalProcess } from "./portal-process";

/**
 * Once per run of the e2e project: the portal exactly as `npm start` runs it
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

export default async function setup(project: TestProject) {
  const files = await portalFiles(freshDir("e2e"));
  // Tests pose as different clients (X-Forwarded-For), so that rate limits
  // meant for one address do not add up across unrelated tests.
  const portal = await startPortalProcess(files, {
    // A busy machine can take over 3 s between two pages of the outage tests,
    // which check that the second one does not try the engine again.
    env: { TRUST_PROXY: "loopback", SEARCH_RETRY_PAUSE_MS: "10000" },
  });
  project.provide("baseURL", portal.baseURL);
  project.provide("portalDatabase", files.database);
  project.provide("mailbox", path.join(files.dir, "mailbox.mbox"));
  project.provide("portalLog", files.log);
  return () => portal.stop();
}
