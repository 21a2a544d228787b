import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildIfStale, buildPortal, serverArguments } from "./build";

/**
 * The production portal as the measuring scripts (`npm run bench`,
 * `npm run loadtest`) run it: built if stale, started as `npm start` starts
 * it (build/server/serve.js, plain Node) on the loopback address with the
 * environment they give, stopped with SIGTERM.
 */
const root = path.resolve(import.meta.dirname, "../..");

export async function ensureBuild(log: (text: string) => void) {
  if (process.env.BENCH_BUILD === "1") {
    log("building the production app");
    await buildPortal();
  } else if (await buildIfStale(() => log("building the production app"))) {
    log("built");
  }
}

/** Starts the portal on 127.0.0.1:port and resolves once it serves /healthz. */
export async function startServer(port: number, env: Record<string, string | undefined>): Promise<ChildProcess> {
  // An undefined value removes the variable (MEILI_HOST: undefined, for the portal's own engine).
  const merged = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    LOG_LEVEL: "error",
    ...env,
  };
  const server = spawn(process.execPath, serverArguments(), {
    cwd: root,
    env: Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)) as NodeJS.ProcessEnv,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return server;
    } catch {
      /* starting */
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill("SIGKILL");
  throw new Error("the app did not start within 180 s");
}

export async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}

/** The process's peak resident memory so far (VmHWM), in MB. */
export function peakMemoryMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return round(kb / 1024, 1);
}

/** CPU time the process has used so far (user + system), in seconds. */
export function cpuSeconds(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 a second on Linux); the name in
  // field 2 may hold spaces, so count from after its closing parenthesis.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export function summarize(times: number[]) {
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round(sorted[rank] ?? 0, 1);
}

export function round(value: number, digits: number) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function machine() {
  const cpus = fs.readFileSync("/proc/cpuinfo", "utf8").match(/^processor/gm)?.length ?? 0;
  return { cpus, node: process.version };
}
