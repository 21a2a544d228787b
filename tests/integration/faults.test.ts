import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { createPrismaClient } from "~/db/client.server";
import { inconsistencies, outboxBaseline } from "./faults/consistency";
import {
  engine,
  enginePid,
  isAlive,
  logTail,
  portalFiles,
  readyState,
  startPortalProcess,
  type PortalFiles,
  type PortalProcess,
} from "../setup/portal-process";
import {
  editableListings,
  editStream,
  postEdit,
  postProposal,
  signedInUser,
  type Attempt,
  type EditableListing,
  type Proposal,
} from "./faults/writes";
import { runDir } from "./run-dir";

/**
 * Faults against real processes (docs/decisions/017): the portal as
 * `npm start` runs it, in a child process with its own database and its own
 * local Meilisearch, takes a stream of writes over HTTP while its engine is
 * killed, while another process holds the database's write lock, and while it
 * is killed itself. Afterwards every acknowledged write is in the database and
 * in the index, exactly once, and the outbox is empty.
 */
// The stream is far more writes per user than a person makes.
const PORTAL_ENV = { RATE_LIMIT_FACTOR: "100" };

let files: PortalFiles;
let portal: PortalProcess;
let db: PrismaClient;
let curator: { cookie: string };
let listings: EditableListing[];
/** Engines a test left running on purpose, stopped at the end whatever happened. */
const strays: number[] = [];

beforeAll(async () => {
  files = await portalFiles(path.join(runDir(), `faults-${process.pid}`));
  // The first start may build the app (a clean checkout), under the build's lock.
  portal = await startPortalProcess(files, { env: PORTAL_ENV });
  db = createPrismaClient(`file:${files.database}`);
  curator = await signedInUser(db, "curator");
  listings = await editableListings(db, 32);
  // Four tests, each with its own share of the seed's listings.
  expect(listings).toHaveLength(32);
}, 300_000);

afterAll(async () => {
  await db?.$disconnect();
  await portal?.stop();
  for (const pid of strays.filter(isAlive)) process.kill(pid, "SIGKILL");
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 30_000, what = "the condition") {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n--- portal log ---\n${logTail(files)}`);
    await sleep(50);
  }
}

/** Until /readyz says the engine is up and the outbox is empty; returns how long it took. */
async function drained(timeoutMs = 30_000): Promise<number> {
  const started = Date.now();
  await until(
    async () => {
      const state = await readyState(portal.baseURL);
      return state?.status === "ready" && state.outbox.pending === 0;
    },
    timeoutMs,
    "the outbox to drain",
  );
  return Date.now() - started;
}

const outcomes = (attempts: Attempt[]) =>
  attempts.map((item) => `${item.marker}: ${item.outcome} ${item.status ?? ""} ${item.detail.slice(0, 120)}`);
const report = (figures: Record<string, unknown>) => console.info(`faults: ${JSON.stringify(figures)}`);

describe("faults", () => {
  test("Meilisearch killed twice during a stream of writes: every write is acknowledged, and all reach the index once it is back", async () => {
    const baseline = await outboxBaseline(db);
    const stream = editStream({
      baseURL: () => portal.baseURL,
      cookie: curator.cookie,
      listings: listings.slice(0, 12),
      writers: 3,
      tag: "engine",
    });
    const outages: { killedToReadyMs: number; writesDuringOutage: number }[] = [];
    try {
      await until(() => stream.count("acknowledged") >= 15, 30_000, "writes before the kill");
      for (let kill = 0; kill < 2; kill++) {
        const pid = enginePid(files)!;
        process.kill(pid, "SIGKILL");
        const killedAt = Date.now();
        const before = stream.attempts.length;
        // The portal starts it again (on the same port and data) after a back-off.
        await until(
          // A new pid on record: while it restarts, the file is briefly absent (null).
          async () => ![null, pid].includes(enginePid(files)) && (await readyState(portal.baseURL))?.search === "ok",
          30_000,
          "the engine to be restarted",
        );
        outages.push({ killedToReadyMs: Date.now() - killedAt, writesDuringOutage: stream.attempts.length - before });
        expect(isAlive(pid)).toBe(false);
        await sleep(500);
      }
    } finally {
      await stream.stop();
    }
    const drainMs = await drained();

    expect(outcomes(stream.attempts.filter((item) => item.outcome !== "acknowledged"))).toEqual([]);
    expect(await inconsistencies(db, engine(files), stream.attempts, baseline)).toEqual([]);
    for (const outage of outages) expect(outage.writesDuringOutage).toBeGreaterThan(0);
    // The worker met the outage and retried: rows of this stream failed at least once.
    expect(await db.searchOutbox.count({ where: { id: { gt: baseline }, attempts: { gt: 0 } } })).toBeGreaterThan(0);
    report({ test: "engine", writes: stream.attempts.length, outages, drainAfterStreamMs: drainMs });
  }, 120_000);

  describe("another process holds the database's write lock", () => {
    let other: Database.Database;
    beforeAll(() => {
      other = new Database(files.database);
    });
    afterAll(() => {
      release();
      other.close();
    });
    const release = () => {
      if (other.inTransaction) other.exec("ROLLBACK");
    };

    /** Pages answered meanwhile, and how long each took. */
    async function readWhile(running: () => boolean) {
      const reads: { path: string; status: number; ms: number }[] = [];
      const paths = ["/directory?kind=lab", `/organizations/${listings[0]!.slug}`, "/readyz"];
      while (running()) {
        const page = paths[reads.length % paths.length]!;
        const started = Date.now();
        const response = await fetch(`${portal.baseURL}${page}`, { signal: AbortSignal.timeout(20_000) });
        await response.text();
        reads.push({ path: page, status: response.status, ms: Date.now() - started });
      }
      return reads;
    }

    test("shorter than the busy timeout: writes wait for it and succeed, reads go on meanwhile", async () => {
      const baseline = await outboxBaseline(db);
      const mine = listings.slice(12, 16);
      other.exec("BEGIN IMMEDIATE");
      const heldAt = Date.now();
      const writes = mine.map((listing, i) => postEdit(portal.baseURL, curator.cookie, listing, `lock-short-${i}`));
      const reads = await readWhile(() => Date.now() - heldAt < 2_000).finally(release);
      const releasedAt = Date.now();
      const attempts = await Promise.all(writes);

      expect(outcomes(attempts.filter((item) => item.outcome !== "acknowledged"))).toEqual([]);
      // They waited for the lock rather than going around it.
      for (const item of attempts) expect(item.startedAt + item.ms).toBeGreaterThanOrEqual(releasedAt);
      expect(reads.length).toBeGreaterThan(3);
      expect(reads.filter((read) => read.status !== 200 || read.ms > 2_500)).toEqual([]);
      await drained();
      expect(await inconsistencies(db, engine(files), attempts, baseline)).toEqual([]);
      report({
        test: "lock 2 s",
        writeMs: attempts.map((item) => item.ms),
        reads: reads.length,
        slowestReadMs: Math.max(...reads.map((read) => read.ms)),
      });
    }, 60_000);

    test("longer than the busy timeout: writes get 503 with Retry-After and leave nothing, reads go on, the outbox worker carries on", async () => {
      const baseline = await outboxBaseline(db);
      const mine = listings.slice(16, 20);
      // An edit whose delivery is under way when the lock is taken: the engine
      // is frozen until the worker has claimed the edit's outbox row.
      const enginePidNow = enginePid(files)!;
      process.kill(enginePidNow, "SIGSTOP");
      let before: Attempt;
      try {
        before = await postEdit(portal.baseURL, curator.cookie, mine[0]!, "lock-long-before");
        await until(
          async () => (await db.searchOutbox.count({ where: { id: { gt: baseline }, claimToken: { not: null } } })) > 0,
          10_000,
          "the worker to claim the row",
        );
        other.exec("BEGIN IMMEDIATE");
      } finally {
        process.kill(enginePidNow, "SIGCONT");
      }
      const heldAt = Date.now();
      // The last as the page's JavaScript sends it: the same answer.
      const writes = mine
        .slice(1)
        .map((listing, i) => postEdit(portal.baseURL, curator.cookie, listing, `lock-long-${i}`, { script: i === 2 }));
      // Held past two busy timeouts: the worker fails to record the delivery,
      // then fails to put the row back, and must still deliver it afterwards.
      const reads = await readWhile(() => Date.now() - heldAt < 11_000).finally(release);
      const refused = await Promise.all(writes);
      const after = await postEdit(portal.baseURL, curator.cookie, mine[1]!, "lock-long-after");
      const drainMs = await drained();

      expect(before.outcome).toBe("acknowledged");
      expect(after.outcome).toBe("acknowledged");
      for (const item of refused) {
        expect({ status: item.status, retryAfter: item.retryAfter }).toEqual({ status: 503, retryAfter: "5" });
        // The busy timeout, not an immediate failure.
        expect(item.ms).toBeGreaterThanOrEqual(4_900);
      }
      expect(reads.filter((read) => read.status !== 200 || read.ms > 2_500)).toEqual([]);
      expect(fs.readFileSync(files.log, "utf8")).toMatch(/"event":"database_busy"/);
      expect(await inconsistencies(db, engine(files), [before, ...refused, after], baseline)).toEqual([]);
      report({
        test: "lock 11 s",
        refusedAfterMs: refused.map((item) => item.ms),
        reads: reads.length,
        slowestReadMs: Math.max(...reads.map((read) => read.ms)),
        drainAfterReleaseMs: drainMs,
      });
    }, 90_000);
  });

  test("the portal killed in the middle of a stream of writes: after a restart every acknowledged write is there once, half-done ones all or nothing", async () => {
    const baseline = await outboxBaseline(db);
    const member = await signedInUser(db, "member");
    const field = await db.field.findFirstOrThrow({
      where: { parentId: { not: null } },
      orderBy: { slug: "asc" },
      select: { slug: true },
    });
    const edits = editStream({
      baseURL: () => portal.baseURL,
      cookie: curator.cookie,
      listings: listings.slice(20, 32),
      writers: 3,
      tag: "crash",
    });
    const proposals: { proposal: Proposal; attempt: Attempt }[] = [];
    let proposing = true;
    const proposer = (async () => {
      for (let n = 0; proposing; n++) {
        const proposal = {
          name: `Fault Proposal Lab ${n}`,
          formToken: `fault-crash-token-${String(n).padStart(4, "0")}`,
        };
        proposals.push({ proposal, attempt: await postProposal(portal.baseURL, member.cookie, proposal, field.slug) });
      }
    })();

    await until(() => edits.count("acknowledged") >= 20 && proposals.length >= 5, 30_000, "writes before the kill");
    // Freeze the engine so the portal's worker is caught holding claimed rows.
    const oldEngine = enginePid(files)!;
    strays.push(oldEngine);
    process.kill(oldEngine, "SIGSTOP");
    await until(
      async () =>
        (await db.searchOutbox.count({
          where: { id: { gt: baseline }, processedAt: null, claimToken: { not: null } },
        })) > 0,
      10_000,
      "a claimed row",
    );
    // The portal and the engine's guard die together, leaving the engine running, its pid file behind.
    const guard = parentOf(oldEngine);
    expect(fs.readFileSync(`/proc/${guard}/cmdline`, "utf8")).toContain("meili-guard");
    process.kill(guard, "SIGKILL");
    await portal.kill();
    const killedAt = Date.now();
    proposing = false;
    await Promise.all([edits.stop(), proposer]);
    process.kill(oldEngine, "SIGCONT");
    expect(isAlive(oldEngine)).toBe(true);
    const stranded = await db.searchOutbox.count({ where: { processedAt: null, lockedUntil: { gt: new Date() } } });

    portal = await startPortalProcess(files, { timeoutMs: 60_000, env: PORTAL_ENV });
    const recoveryMs = Date.now() - killedAt;
    // The new portal stopped the engine left behind and started its own.
    expect(isAlive(oldEngine)).toBe(false);
    expect(enginePid(files)).not.toBe(oldEngine);

    // A person whose form got no answer sends it again: still one listing each.
    const resent = await Promise.all(
      proposals
        .filter(({ attempt }) => attempt.outcome !== "acknowledged")
        .map(({ proposal }) => postProposal(portal.baseURL, member.cookie, proposal, field.slug)),
    );
    expect(outcomes(resent.filter((item) => item.outcome !== "acknowledged"))).toEqual([]);
    const created = await db.organization.groupBy({
      by: ["nameEn"],
      where: { nameEn: { startsWith: "Fault Proposal Lab " } },
      _count: true,
    });
    expect(created.map((row) => row._count).filter((count) => count !== 1)).toEqual([]);
    expect(created.length).toBe(proposals.length);
    // Each with its proposal record and its form token, written in the same transaction.
    expect(
      await db.organizationRevision.count({
        where: { organization: { nameEn: { startsWith: "Fault Proposal Lab " } } },
      }),
    ).toBe(proposals.length);
    expect(await db.formSubmission.count({ where: { userId: member.userId } })).toBe(proposals.length);
    const drainMs = await drained();

    expect(stranded).toBeGreaterThan(0);
    expect(edits.count("acknowledged")).toBeGreaterThanOrEqual(20);
    expect(await inconsistencies(db, engine(files), edits.attempts, baseline)).toEqual([]);
    report({
      test: "crash",
      edits: edits.attempts.length,
      proposals: proposals.length,
      unknownAtKill: edits.count("unknown") + proposals.filter(({ attempt }) => attempt.outcome === "unknown").length,
      strandedClaims: stranded,
      killToReadyMs: recoveryMs,
      drainAfterReadyMs: drainMs,
    });
  }, 180_000);
});

/** The parent of a process, from /proc. */
function parentOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}
