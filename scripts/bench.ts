/**
 * `npm run bench`: the portal's performance at scale, measured, not asserted.
 *
 *   npm run bench [-- --count 100000] [--reuse] [--requests 400]
 *
 * 1. Generates COUNT synthetic organizations (plus the real seed) into a separate
 *    database under .data/bench/ (--reuse keeps one generated earlier).
 * 2. Starts a Meilisearch for it and times a full index build.
 * 3. Serves a production build twice: against Meilisearch, and with the engine
 *    unreachable (database fallback). Measures the directory's data request
 *    over HTTP for a fixed mix of queries and filters, at 1 and 16 clients.
 * 4. Times writes until they are searchable (p95), and reads the app's peak memory.
 * Prints a table and writes JSON to bench-results/latest.json.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    count: { type: "string", default: "100000" },
    reuse: { type: "boolean", default: false },
    requests: { type: "string", default: "480" },
  },
});
const COUNT = Number(values.count);
const REQUESTS = Number(values.requests);
const benchDir = path.join(root, ".data/bench");
const databaseFile = path.join(benchDir, "bench.db");
const databaseUrl = `file:${databaseFile}`;
process.env.DATABASE_URL = databaseUrl;
process.env.LOG_LEVEL = "warn";
process.env.MEILI_INDEX_PREFIX = "bench_";

const results: Record<string, unknown> = { date: new Date().toISOString(), organizations: 0, machine: machine() };
const step = (text: string) => console.log(`\n▶ ${text}`);

// ---------------------------------------------------------------- data
const { startLocalMeilisearch, findFreePort } = await import("#search/local-server");
const { generateOrganizations } = await import("./lib/organization-fixtures");
const { seedDirectory } = await import("~/models/seed.server");
const { prisma } = await import("~/utils/db.server");
const { applyMigrations } = await import("~/utils/migrate.server");

const reuse = values.reuse && fs.existsSync(databaseFile);
if (!reuse) {
  step(`generating ${COUNT.toLocaleString("en")} organizations into ${path.relative(root, databaseFile)}`);
  fs.rmSync(benchDir, { recursive: true, force: true });
  fs.mkdirSync(benchDir, { recursive: true });
  applyMigrations();
  await seedDirectory();
  const started = Date.now();
  generateOrganizations({
    count: COUNT,
    outbox: false,
    databaseUrl,
    onProgress: (done) => process.stdout.write(`\r  ${done.toLocaleString("en")} / ${COUNT.toLocaleString("en")}`),
  });
  process.stdout.write(`\n  done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  // The seed's outbox rows are not needed: the index is built in full below.
  await prisma.searchOutbox.deleteMany();
}
const organizations = await prisma.organization.count({ where: { status: "published" } });
results.organizations = organizations;

// ---------------------------------------------------------------- index build
const meiliDir = path.join(benchDir, "meilisearch");
if (!reuse) fs.rmSync(meiliDir, { recursive: true, force: true });
const meili = await startLocalMeilisearch({ dataDir: meiliDir });
process.env.MEILI_HOST = meili.host;
process.env.MEILI_MASTER_KEY = meili.apiKey;
const { indexingClient } = await import("#search/client");
const indexed = await indexingClient()
  .index("bench_organizations")
  .getStats()
  .then((stats) => stats.numberOfDocuments)
  .catch(() => 0);
if (reuse && indexed === organizations) {
  step("index reused (--reuse): build time not measured this run");
  results.indexBuildSeconds = null;
} else {
  step(`building the index (${organizations.toLocaleString("en")} published organizations)`);
  const { reindexOrganizations } = await import("#search/reindex");
  const indexBuild = await reindexOrganizations(prisma, {
    onProgress: ({ indexed, total }) => void process.stdout.write(`\r  sent ${indexed.toLocaleString("en")} / ${total.toLocaleString("en")}`),
  });
  process.stdout.write(`\n  index built and swapped in ${(indexBuild.ms / 1000).toFixed(1)} s\n`);
  results.indexBuildSeconds = round(indexBuild.ms / 1000, 1);
}

// ---------------------------------------------------------------- servers
buildIfStale();
const queries = queryMix();
results.queryMix = queries;
const latency: Record<string, unknown> = {};

const MODES = {
  engine: "Meilisearch (with the app's 30 s result cache)",
  engineUncached: "Meilisearch, result cache off (SEARCH_CACHE=off)",
  database: "database fallback (engine unreachable), with the result cache",
  databaseUncached: "database fallback, result cache off",
} as const;
for (const mode of Object.keys(MODES) as (keyof typeof MODES)[]) {
  step(`directory data request, ${MODES[mode]}`);
  const port = await findFreePort();
  const meiliHost = mode.startsWith("database") ? `http://127.0.0.1:${await findFreePort()}` : meili.host;
  const uncached = mode === "engineUncached" || mode === "databaseUncached";
  const server = await startServer(port, meiliHost, meili.apiKey, uncached ? { SEARCH_CACHE: "off" } : {});
  try {
    const base = `http://127.0.0.1:${port}`;
    await measure(base, queries, 1, mode === "databaseUncached" ? 10 : 40); // warm-up
    for (const clients of [1, 16]) {
      // Each uncached fallback request scans the table: fewer of them, or the run takes many minutes.
      const stats = await measure(base, queries, clients, mode === "databaseUncached" ? Math.min(REQUESTS, 96) : REQUESTS);
      latency[`${mode}_${clients}`] = stats;
      console.log(
        `  ${String(clients).padStart(2)} client(s): p50 ${stats.p50} ms, p95 ${stats.p95} ms, p99 ${stats.p99} ms, ` +
          `${stats.throughput} req/s, ${stats.errors} errors, modes ${JSON.stringify(stats.modes)}`,
      );
    }
    const memory = peakMemoryMb(server.pid!);
    latency[`${mode}_peakMemoryMb`] = memory;
    console.log(`  app process peak memory (VmHWM): ${memory} MB`);
  } finally {
    await stopServer(server);
  }
}
results.searchLatency = latency;

// ---------------------------------------------------------------- write to searchable
step("write → searchable");
const { SearchOutboxWorker } = await import("#search/outbox-worker");
const { updateOrganization } = await import("~/models/organization.server");
const { searchClient, indexUid } = await import("#search/client");
const worker = new SearchOutboxWorker({ db: prisma, pollIntervalMs: 1_000 });
worker.start();
const index = searchClient().index(indexUid("organizations"));
const sample = await prisma.organization.findMany({ where: { status: "published" }, select: { id: true }, take: 60, skip: 1_000 });
const writeTimes: number[] = [];
for (const [i, { id }] of sample.entries()) {
  const token = `benchtoken${Date.now().toString(36)}x${i}`;
  const started = performance.now();
  await updateOrganization(id, { summaryEn: `Updated for the benchmark: ${token}` }, { origin: "portal" });
  for (;;) {
    const found = await index.search(token, { limit: 1, attributesToRetrieve: ["id"] });
    if (found.hits[0]?.id === id) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  writeTimes.push(performance.now() - started);
}
await worker.stop();
results.writeToSearchable = summarize(writeTimes);
console.log(`  p50 ${percentile(writeTimes, 50)} ms, p95 ${percentile(writeTimes, 95)} ms over ${writeTimes.length} writes`);

await meili.stop();
await prisma.$disconnect();

// ---------------------------------------------------------------- report
const targets = {
  "search p95 at 16 clients (Meilisearch) < 50 ms": (latency.engine_16 as Stats).p95 < 50,
  "search p95 at 16 clients, no cache < 50 ms": (latency.engineUncached_16 as Stats).p95 < 50,
  "index build < 60 s": results.indexBuildSeconds === null ? null : (results.indexBuildSeconds as number) < 60,
  "write → searchable p95 < 1000 ms": percentile(writeTimes, 95) < 1_000,
  "app peak memory < 300 MB": Math.max(...Object.keys(MODES).map((mode) => latency[`${mode}_peakMemoryMb`] as number)) < 300,
};
results.targets = targets;
printTable(results, latency);
fs.mkdirSync(path.join(root, "bench-results"), { recursive: true });
fs.writeFileSync(path.join(root, "bench-results/latest.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nJSON: bench-results/latest.json\n${JSON.stringify(results)}`);

// ================================================================= helpers
type Stats = { requests: number; errors: number; p50: number; p95: number; p99: number; throughput: number; modes: Record<string, number> };

/** The fixed mix: typing prefixes, words with and without marks, English, acronyms, filters, sorts, pages. */
function queryMix(): string[] {
  return [
    "q=v", "q=vi", "q=vie", "q=vien", "q=vien+cong+nghe",
    "q=phong+thi+nghiem+vat+lieu", "q=materials+lab", "q=tr%C3%AD+tu%E1%BB%87+nh%C3%A2n+t%E1%BA%A1o", "q=tri+tue+nhan+tao",
    "q=HUST", "q=bach+khao", "q=nano&kind=lab", "q=cong+nghe+sinh+hoc&verified=1",
    "kind=startup", "kind=lab&kind=institute&district=cau-giay", "area=materials-nanotechnology",
    "field=artificial-intelligence&sort=newest", "sort=name&page=3", "q=robot&kind=lab&kind=institute", "q=fintech&kind=startup",
    "q=ban+dan", "q=semiconductor&verified=1", "district=hai-ba-trung&sort=name", "q=vien&page=2",
  ];
}

async function measure(base: string, mix: string[], clients: number, total: number): Promise<Stats> {
  const times: number[] = [];
  const modes: Record<string, number> = {};
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const query = mix[next++ % mix.length]!;
        const t = performance.now();
        try {
          // What the browser requests while searching: the directory route's data only.
          const response = await fetch(`${base}/directory.data?${query}&_routes=routes%2Fdirectory`);
          const body = await response.text();
          if (response.status !== 200) errors++;
          const mode = /"(engine|database)"/.exec(body)?.[1] ?? "unknown";
          modes[mode] = (modes[mode] ?? 0) + 1;
        } catch {
          errors++;
        }
        times.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { requests: times.length, errors, ...summarize(times), throughput: round(times.length / seconds, 1), modes };
}

function summarize(times: number[]) {
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round(sorted[rank] ?? 0, 1);
}

function round(value: number, digits: number) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function buildIfStale() {
  const server = path.join(root, "build/server/index.js");
  const result = spawnSync(process.execPath, ["--import", "tsx", "-e", "0"], { cwd: root });
  if (result.status !== 0) throw new Error("tsx is not available");
  if (!fs.existsSync(server) || process.env.BENCH_BUILD === "1") {
    step("building the production app");
    const build = spawnSync(path.join(root, "node_modules/.bin/remix"), ["vite:build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });
    if (build.status !== 0) throw new Error("build failed");
  }
}

async function startServer(
  port: number,
  meiliHost: string,
  meiliKey: string,
  extraEnv: Record<string, string>,
): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      MEILI_HOST: meiliHost,
      MEILI_MASTER_KEY: meiliKey,
      MEILI_INDEX_PREFIX: "bench_",
      NODE_ENV: "production",
      SEED_ON_START: "false",
      LOG_LEVEL: "error",
      ...extraEnv,
    },
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
  throw new Error("the app did not start");
}

async function stopServer(server: ChildProcess) {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}

function peakMemoryMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return round(kb / 1024, 1);
}

function machine() {
  const cpus = fs.readFileSync("/proc/cpuinfo", "utf8").match(/^processor/gm)?.length ?? 0;
  return { cpus, node: process.version };
}

function printTable(all: Record<string, unknown>, byMode: Record<string, unknown>) {
  const row = (label: string, value: string) => console.log(`│ ${label.padEnd(52)} │ ${value.padStart(14)} │`);
  const line = "─".repeat(71);
  console.log(`\n┌${line}┐`);
  row(`organizations`, (all.organizations as number).toLocaleString("en"));
  row("index build (s)", String(all.indexBuildSeconds));
  const short = {
    engine: "Meilisearch",
    engineUncached: "Meilisearch, no cache",
    database: "DB fallback",
    databaseUncached: "DB fallback, no cache",
  };
  for (const mode of Object.keys(short) as (keyof typeof short)[]) {
    for (const clients of [1, 16]) {
      const stats = byMode[`${mode}_${clients}`] as Stats;
      row(`${short[mode]}, ${clients} client(s): p50 / p95 (ms)`, `${stats.p50} / ${stats.p95}`);
    }
    row(`${short[mode]}: app peak memory (MB)`, String(byMode[`${mode}_peakMemoryMb`]));
  }
  const write = all.writeToSearchable as { p50: number; p95: number };
  row("write → searchable p50 / p95 (ms)", `${write.p50} / ${write.p95}`);
  console.log(`├${line}┤`);
  for (const [target, met] of Object.entries(all.targets as Record<string, boolean | null>)) {
    row(target, met === null ? "not measured" : met ? "met" : "NOT MET");
  }
  console.log(`└${line}┘`);
}
