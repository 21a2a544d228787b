import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { MeiliSearch } from "meilisearch";
import { searchClient } from "#search/client";
import { findFreePort } from "#search/local-server";
import { buildIfStale, serverArguments } from "../../scripts/lib/build";
import { ROOT } from "./paths";

/**
 * The portal as `npm start` runs it, in a child process: production build
 * (built here if missing or stale, under the build's lock), its own
 * SQLite file and its own local Meilisearch. The e2e project's portal and the
 * fault tests' (which kill it) both start here.
 */
export type PortalFiles = {
  dir: string;
  database: string;
  engineDir: string;
  log: string;
  port: number;
};

export type PortalProcess = {
  baseURL: string;
  pid: number;
  exited: Promise<number | null>;
  /** SIGKILL, no chance to clean up; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, the orderly shutdown. */
  stop(): Promise<void>;
};

export async function portalFiles(dir: string): Promise<PortalFiles> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return {
    dir,
    database: path.join(dir, "portal.db"),
    engineDir: path.join(dir, "meilisearch"),
    log: path.join(dir, "portal.log"),
    port: await findFreePort(),
  };
}

export type ReadyState = {
  status: string;
  search: string;
  outbox: { pending: number; failingRounds: number; lastError: string | null };
};

export async function readyState(baseURL: string): Promise<ReadyState | null> {
  try {
    const response = await fetch(`${baseURL}/readyz`, { signal: AbortSignal.timeout(5_000) });
    return (await response.json()) as ReadyState;
  } catch {
    return null;
  }
}

export async function startPortalProcess(
  files: PortalFiles,
  options: { seed?: boolean; timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<PortalProcess> {
  await buildIfStale();
  const log = fs.openSync(files.log, "a");
  const baseURL = `http://localhost:${files.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(files.port),
    DATABASE_URL: `file:${files.database}`,
    MEILI_DATA_DIR: files.engineDir,
    NODE_ENV: "production",
    SEED_ON_START: options.seed === false ? "false" : "true",
    LOG_LEVEL: "warn",
    MAILBOX_FILE: path.join(files.dir, "mailbox.mbox"),
    APP_URL: baseURL,
    ...options.env,
  };
  // The integration setup points the test process at the shared engine: the portal starts its own.
  for (const name of ["MEILI_HOST", "MEILI_MASTER_KEY", "MEILI_INDEX_PREFIX"]) delete env[name];
  const child = spawn(process.execPath, serverArguments(), { cwd: ROOT, env, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  const portal: PortalProcess = {
    baseURL,
    pid: child.pid!,
    exited,
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      child.kill("SIGTERM");
      const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(force);
    },
  };
  try {
    await waitForReady(baseURL, exited, options.timeoutMs ?? 240_000);
  } catch (error) {
    await portal.kill();
    throw new Error(`${(error as Error).message}\n--- ${files.log} ---\n${logTail(files)}`);
  }
  return portal;
}

/** Ready: serving, engine up, outbox empty. */
export async function waitForReady(baseURL: string, exited: Promise<unknown>, timeoutMs: number) {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error("the portal exited during start-up");
    const state = await readyState(baseURL);
    if (state?.status === "ready" && state.outbox.pending === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the portal was not ready within ${timeoutMs} ms`);
}

export function logTail(files: PortalFiles, chars = 4_000): string {
  return fs.existsSync(files.log) ? fs.readFileSync(files.log, "utf8").slice(-chars) : "";
}

/** The engine the portal started: its pid (from the pid file), and a client with the master key. */
export function enginePid(files: PortalFiles): number | null {
  const pidFile = path.join(files.engineDir, "meilisearch.pid");
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export function engine(files: PortalFiles): MeiliSearch {
  const [, , port] = fs.readFileSync(path.join(files.engineDir, "meilisearch.pid"), "utf8").split("\n");
  const apiKey = fs.readFileSync(path.join(files.engineDir, "master-key"), "utf8").trim();
  return searchClient({ host: `http://127.0.0.1:${port}`, apiKey, indexPrefix: "" });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
