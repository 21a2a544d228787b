/**
 * `npm run loadtest`: the production portal under a realistic mix of people,
 * on the loopback address only, bounded in time and in requests.
 *
 *   npm run loadtest [-- --duration 120] [--clients 50] [--max-requests 100000]
 *                    [--organizations 10000] [--experts 3000] [--think 1] [--reuse]
 *
 * 1. Builds a database under .data/loadtest/: the real seed plus generated
 *    organizations and expertise profiles (--reuse keeps one made earlier),
 *    and one signed-in business member per client, each with an open request
 *    and a match thread.
 * 2. Starts the production build with its own local Meilisearch, waits until
 *    the indexes are built.
 * 3. Runs CLIENTS simulated people for DURATION seconds (scripts/lib/load-mix.ts):
 *    search as you type, facets, organization, expert and request pages,
 *    signed-in pages, messages, sign-in, the API; each with a person's pauses
 *    (--think 0 removes them: a stress test, not people).
 * 4. Reports throughput, p50/p95/p99 per kind of request, and errors, checks
 *    that every message acknowledged is stored and that the search outbox
 *    drained; writes JSON to bench-results/loadtest.json.
 */
// First: the files this script makes are private (docs/decisions/027).
import "./lib/private-data";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  ensureBuild,
  cpuSeconds,
  machine,
  peakMemoryMb,
  percentile,
  round,
  startServer,
  stopServer,
  summarize,
} from "./lib/production-server";

const root = path.resolve(import.meta.dirname, "..");
const USAGE = `npm run loadtest [-- options]
  --duration S        seconds of load (default 120)
  --clients N         simulated people at once (default 50)
  --max-requests N    stop after this many requests, whichever comes first (default 100000)
  --organizations N   generated organizations besides the real seed (default 10000)
  --experts N         generated expertise profiles (default 3000)
  --think X           multiplies people's pauses; 0 for none (default 1)
  --reuse             keep the database and indexes of an earlier run
  --help              this text`;
const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "120" },
    clients: { type: "string", default: "50" },
    "max-requests": { type: "string", default: "100000" },
    organizations: { type: "string", default: "10000" },
    experts: { type: "string", default: "3000" },
    think: { type: "string", default: "1" },
    reuse: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const DURATION = Number(values.duration);
const CLIENTS = Number(values.clients);
const MAX_REQUESTS = Number(values["max-requests"]);
const ORGANIZATIONS = Number(values.organizations);
const EXPERTS = Number(values.experts);
const THINK = Number(values.think);
for (const [flag, value, min, max] of [
  ["--duration", DURATION, 1, 3_600],
  ["--clients", CLIENTS, 1, 500],
  ["--max-requests", MAX_REQUESTS, 1, 10_000_000],
  ["--organizations", ORGANIZATIONS, 0, 1_000_000],
  ["--experts", EXPERTS, 0, 500_000],
] as const) {
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`${flag} must be a whole number from ${min} to ${max}\n\n${USAGE}`);
    process.exit(2);
  }
}
if (!Number.isFinite(THINK) || THINK < 0 || THINK > 10) {
  console.error(`--think must be a number from 0 to 10\n\n${USAGE}`);
  process.exit(2);
}

const dir = path.join(root, ".data/loadtest");
const databaseFile = path.join(dir, "portal.db");
const databaseUrl = `file:${databaseFile}`;
process.env.DATABASE_URL = databaseUrl;
process.env.LOG_LEVEL = "warn";
const step = (text: string) => console.log(`\n▶ ${text}`);

// ---------------------------------------------------------------- data
const { generateOrganizations, mulberry32 } = await import("./lib/organization-fixtures");
const { generateExperts } = await import("./lib/expert-fixtures");
const { prepareLoadActors } = await import("./lib/load-actors");
const { runClient, SEARCH_CATEGORIES } = await import("./lib/load-mix");
type Sample = import("./lib/load-mix").Sample;
const { findFreePort } = await import("#search/local-server");
const { seedDirectory } = await import("~/models/seed.server");
const { prisma } = await import("~/db/client.server");
const { applyMigrations } = await import("~/db/migrate.server");

const reuse = values.reuse && fs.existsSync(databaseFile);
if (!reuse) {
  step(
    `making the database: the real seed, ${ORGANIZATIONS.toLocaleString("en")} organizations and ${EXPERTS.toLocaleString("en")} experts generated`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  applyMigrations();
  await seedDirectory();
  const progress = (total: number) => (done: number) =>
    process.stdout.write(`\r  ${done.toLocaleString("en")} / ${total.toLocaleString("en")}`);
  if (ORGANIZATIONS > 0)
    generateOrganizations({ count: ORGANIZATIONS, outbox: false, databaseUrl, onProgress: progress(ORGANIZATIONS) });
  if (EXPERTS > 0) generateExperts({ count: EXPERTS, outbox: false, databaseUrl, onProgress: progress(EXPERTS) });
  process.stdout.write("\n");
} else {
  step(`reusing ${path.relative(root, databaseFile)} (--reuse)`);
  applyMigrations();
}
// Before the portal starts, which would otherwise do it in the background while it is measured.
const { refreshStaleSearchText } = await import("~/models/search-text.server");
await refreshStaleSearchText();
step(`signing in ${CLIENTS} business members, each with an open request and a match thread`);
const actors = await prepareLoadActors(prisma, CLIENTS);
const organizationSlugs = (
  await prisma.organization.findMany({ where: { status: "published" }, select: { slug: true }, take: 5_000 })
).map((row) => row.slug);
const expertSlugs = (
  await prisma.expertProfile.findMany({ where: { status: "published" }, select: { slug: true }, take: 2_000 })
).map((row) => row.slug);
const messagesBefore = await prisma.message.count();
await prisma.$disconnect();

// ---------------------------------------------------------------- portal
await ensureBuild(step);
const port = await findFreePort();
const base = `http://127.0.0.1:${port}`;
step(`starting the production portal on ${base} with its own Meilisearch`);
const server = await startServer(port, {
  DATABASE_URL: databaseUrl,
  MEILI_HOST: undefined,
  MEILI_MASTER_KEY: undefined,
  MEILI_INDEX_PREFIX: undefined,
  MEILI_DATA_DIR: path.join(dir, "meilisearch"),
  MAILBOX_FILE: path.join(dir, "mailbox.mbox"),
  SEED_ON_START: "false",
  // Each simulated person has an address of their own (X-Forwarded-For from the loopback "proxy"),
  // so per-address limits apply to each as they would to real people.
  TRUST_PROXY: "loopback",
});
let exitCode = 0;
try {
  await untilIndexed(base);

  // ---------------------------------------------------------------- load
  step(
    `${CLIENTS} people for ${DURATION} s (at most ${MAX_REQUESTS.toLocaleString("en")} requests${THINK === 0 ? ", no pauses" : ""})`,
  );
  const samples: Sample[] = [];
  const cpuBefore = cpuSeconds(server.pid!);
  const started = performance.now();
  const deadline = started + DURATION * 1_000;
  const going = () => performance.now() < deadline && samples.length < MAX_REQUESTS;
  const progress = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    const errors = samples.filter((sample) => sample.error).length;
    process.stdout.write(
      `\r  ${seconds.toFixed(0)} s: ${samples.length.toLocaleString("en")} requests, ${(samples.length / seconds).toFixed(1)}/s, ${errors} errors   `,
    );
  }, 1_000);
  let seed = 20_261_122;
  await Promise.all(
    actors.map((actor, index) => {
      const random = mulberry32(seed++);
      const address = `10.${(index >> 8) & 255}.${index & 255}.${1 + (index % 250)}`;
      return runClient({
        base,
        actor,
        address,
        slugs: { organizations: organizationSlugs, experts: expertSlugs },
        random,
        think: THINK,
        record: (sample) => samples.push(sample),
        going,
        remainingMs: () => deadline - performance.now(),
      });
    }),
  );
  clearInterval(progress);
  const seconds = (performance.now() - started) / 1000;
  // How busy the app's one thread was: near 100% means answers wait in its queue.
  const appCpuPercent = round(((cpuSeconds(server.pid!) - cpuBefore) / seconds) * 100, 0);
  process.stdout.write("\n");

  // ---------------------------------------------------------------- afterwards
  const ready = await untilIndexed(base);
  const memory = peakMemoryMb(server.pid!);
  const { prisma: after } = await import("~/db/client.server");
  const messagesStored = (await after.message.count()) - messagesBefore;
  await after.$disconnect();
  const report = {
    ...summarizeRun(samples, seconds, { memory, messagesStored, outboxAfter: ready.outbox.pending }),
    searchP95By10s: searchP95Over(samples, started),
    appCpuPercent,
  };
  fs.mkdirSync(path.join(root, "bench-results"), { recursive: true });
  fs.writeFileSync(path.join(root, "bench-results/loadtest.json"), `${JSON.stringify(report, null, 2)}\n`);
  printReport(report);
  console.log("\nJSON: bench-results/loadtest.json");
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await stopServer(server);
}
process.exit(exitCode);

// ================================================================= helpers

/** Waits until the portal serves with its indexes complete (the outbox drained). */
async function untilIndexed(baseUrl: string) {
  const deadline = Date.now() + 600_000;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const body = (await (await fetch(`${baseUrl}/readyz`)).json()) as { status: string; outbox: { pending: number } };
      last = JSON.stringify(body);
      if (body.status === "ready" && body.outbox.pending === 0) return body;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the portal was not ready with its indexes built within 10 minutes: ${last}`);
}

function summarizeRun(
  samples: Sample[],
  seconds: number,
  checks: { memory: number; messagesStored: number; outboxAfter: number },
) {
  const byCategory: Record<string, { requests: number; errors: number; p50: number; p95: number; p99: number }> = {};
  for (const category of [...new Set(samples.map((sample) => sample.category))]) {
    const mine = samples.filter((sample) => sample.category === category);
    byCategory[category] = {
      requests: mine.length,
      errors: mine.filter((sample) => sample.error).length,
      ...summarize(mine.map((sample) => sample.ms)),
    };
  }
  const search = samples.filter((sample) => SEARCH_CATEGORIES.includes(sample.category));
  const errors = samples.filter((sample) => sample.error);
  const messagesAcknowledged = samples.filter((sample) => sample.category === "message sent" && !sample.error).length;
  return {
    date: new Date().toISOString(),
    machine: machine(),
    settings: {
      durationSeconds: DURATION,
      clients: CLIENTS,
      maxRequests: MAX_REQUESTS,
      think: THINK,
      organizations: ORGANIZATIONS,
      experts: EXPERTS,
    },
    seconds: round(seconds, 1),
    requests: samples.length,
    throughput: round(samples.length / seconds, 1),
    errors: errors.length,
    errorExamples: [...new Set(errors.map((sample) => `${sample.category}: ${sample.error}`))].slice(0, 10),
    all: summarize(samples.map((sample) => sample.ms)),
    search: { requests: search.length, ...summarize(search.map((sample) => sample.ms)) },
    byCategory,
    appPeakMemoryMb: checks.memory,
    messages: { acknowledged: messagesAcknowledged, stored: checks.messagesStored },
    outboxPendingAfter: checks.outboxAfter,
    targets: {
      "zero errors": errors.length === 0,
      "search p95 < 100 ms":
        percentile(
          search.map((sample) => sample.ms),
          95,
        ) < 100,
      "every acknowledged message stored": checks.messagesStored === messagesAcknowledged,
    },
  };
}

/** The search p95 in each 10-second slice of the run: shows whether slow answers come steadily or in bursts. */
function searchP95Over(samples: Sample[], started: number) {
  const slices: number[][] = [];
  for (const sample of samples) {
    if (!SEARCH_CATEGORIES.includes(sample.category)) continue;
    (slices[Math.floor((sample.startedAt - started) / 10_000)] ??= []).push(sample.ms);
  }
  return Array.from(slices, (slice) => (slice ? percentile(slice, 95) : null));
}

function printReport(
  report: ReturnType<typeof summarizeRun> & { searchP95By10s: (number | null)[]; appCpuPercent: number },
) {
  const line = "─".repeat(84);
  const row = (cells: string[]) =>
    console.log(
      `│ ${cells[0]!.padEnd(26)}${cells
        .slice(1)
        .map((cell) => cell.padStart(11))
        .join("")} │`,
    );
  console.log(`\n┌${line}┐`);
  row(["", "requests", "errors", "p50 ms", "p95 ms", "p99 ms"]);
  for (const [category, stats] of Object.entries(report.byCategory))
    row([
      category,
      String(stats.requests),
      String(stats.errors),
      String(stats.p50),
      String(stats.p95),
      String(stats.p99),
    ]);
  console.log(`├${line}┤`);
  row([
    "search (typing + facets)",
    String(report.search.requests),
    "",
    String(report.search.p50),
    String(report.search.p95),
    String(report.search.p99),
  ]);
  row([
    "all requests",
    String(report.requests),
    String(report.errors),
    String(report.all.p50),
    String(report.all.p95),
    String(report.all.p99),
  ]);
  console.log(`├${line}┤`);
  console.log(
    `│ ${`throughput ${report.throughput} requests/s over ${report.seconds} s; app peak memory ${report.appPeakMemoryMb} MB`.padEnd(82)} │`,
  );
  console.log(
    `│ ${`messages acknowledged ${report.messages.acknowledged}, stored ${report.messages.stored}; outbox after: ${report.outboxPendingAfter}`.padEnd(82)} │`,
  );
  for (const [target, met] of Object.entries(report.targets))
    console.log(`│ ${target.padEnd(60)}${(met ? "met" : "NOT MET").padStart(22)} │`);
  console.log(`└${line}┘`);
  console.log(`  app process CPU during the load: ${report.appCpuPercent}% of one core`);
  console.log(`  search p95 per 10 s: ${report.searchP95By10s.join(", ")} ms`);
  for (const example of report.errorExamples) console.log(`  error: ${example}`);
}
