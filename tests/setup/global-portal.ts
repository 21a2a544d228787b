import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { findFreePort } from "#search/local-server";
import { freshDir, ROOT } from "./paths";

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
  }
}

export default async function setup(project: TestProject) {
  const dir = freshDir("e2e");
  const port = await findFreePort();
  const logFile = path.join(dir, "portal.log");
  const log = fs.openSync(logFile, "w");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `file:${path.join(dir, "portal.db")}`,
    MEILI_DATA_DIR: path.join(dir, "meilisearch"),
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
    MAILBOX_FILE: path.join(dir, "mailbox.mbox"),
    // Tests pose as different clients (X-Forwarded-For), so that rate limits
    // meant for one address do not add up across unrelated tests.
    TRUST_PROXY: "loopback",
    APP_URL: `http://localhost:${port}`,
  };
  delete env.MEILI_HOST;
  delete env.MEILI_MASTER_KEY;
  delete env.MEILI_INDEX_PREFIX;
  const portal = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", log, log],
  });
  const exited = new Promise<number | null>((resolve) => portal.once("exit", (code) => resolve(code)));
  const baseURL = `http://localhost:${port}`;

  try {
    await waitUntilReady(baseURL, exited);
  } catch (error) {
    portal.kill("SIGKILL");
    throw new Error(`${(error as Error).message}\n--- ${logFile} ---\n${fs.readFileSync(logFile, "utf8").slice(-4000)}`);
  }
  project.provide("baseURL", baseURL);
  project.provide("portalDatabase", path.join(dir, "portal.db"));
  project.provide("mailbox", path.join(dir, "mailbox.mbox"));

  return async () => {
    portal.kill("SIGTERM");
    const force = setTimeout(() => portal.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(force);
    fs.closeSync(log);
  };
}

/** Ready means: serving, search engine up, and the seed data indexed. */
async function waitUntilReady(baseURL: string, exited: Promise<number | null>) {
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`the portal exited with code ${gone} during start-up`);
    try {
      const response = await fetch(`${baseURL}/readyz`);
      const body = (await response.json()) as { status: string; outbox: { pending: number } };
      if (body.status === "ready" && body.outbox.pending === 0) return;
    } catch {
      /* still starting */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the portal did not become ready within 240 s");
}
