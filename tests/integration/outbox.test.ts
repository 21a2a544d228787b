import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startLocalMeilisearch, findFreePort, type LocalMeilisearch } from "#search/local-server";
import { openSearchableDataVersion } from "#search/data-version";
import { enqueueSearchSync } from "#search/outbox";
import { SearchOutboxWorker } from "#search/outbox-worker";
import { reindex } from "#search/reindex";
import { prepareSearch } from "#search/prepare";
import { deleteOrganization, updateOrganization } from "~/models/organization.server";
import { createPrismaClient, prisma } from "~/db/client.server";
import { databaseFilePath, resolveDatabaseUrl } from "~/db/database-url";
import { runDir } from "./run-dir";
import { makeOrganization } from "../factories";
import { drainOutbox, engineIds, eventually, organizationsIndex } from "./helpers";

/**
 * This file runs its own Meilisearch, so it can kill and restart it.
 */
let meili: LocalMeilisearch;
let port: number;
const dataDir = path.join(runDir(), `outbox-meili-${process.pid}`);
const sharedHost = process.env.MEILI_HOST;
const sharedKey = process.env.MEILI_MASTER_KEY;

beforeAll(async () => {
  port = await findFreePort();
  meili = await startLocalMeilisearch({ dataDir, port });
  process.env.MEILI_HOST = meili.host;
  process.env.MEILI_MASTER_KEY = meili.apiKey;
  await prepareSearch(prisma);
});

afterAll(async () => {
  await meili.stop();
  process.env.MEILI_HOST = sharedHost;
  process.env.MEILI_MASTER_KEY = sharedKey;
});

async function documentOf(id: string) {
  try {
    return await organizationsIndex().getDocument(id);
  } catch {
    return null;
  }
}

describe("search outbox", () => {
  test("writes its rows in the same transaction as the change", async () => {
    const before = await prisma.searchOutbox.count({ where: { processedAt: null } });
    const organization = await makeOrganization({ nameEn: "Outbox Row Lab" });
    const rows = await prisma.searchOutbox.findMany({ where: { entityId: organization.id } });
    expect(rows).toHaveLength(1);
    expect(await prisma.searchOutbox.count({ where: { processedAt: null } })).toBe(before + 1);

    // A failing transaction leaves neither the row nor the organization.
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.searchOutbox.create({ data: { entity: "organization", entityId: "ghost" } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await prisma.searchOutbox.count({ where: { entityId: "ghost" } })).toBe(0);
  });

  test("delivers every create, update and delete", async () => {
    const organization = await makeOrganization({
      nameEn: "Quantum Sensing Lab",
      nameVi: "Phòng thí nghiệm Cảm biến Lượng tử",
    });
    await drainOutbox();
    expect((await documentOf(organization.id))?.nameEn).toBe("Quantum Sensing Lab");
    expect(await engineIds("cam bien luong tu")).toContain(organization.id);

    await updateOrganization(organization.id, { nameEn: "Quantum Metrology Lab" }, { origin: "portal" });
    await drainOutbox();
    expect((await documentOf(organization.id))?.nameEn).toBe("Quantum Metrology Lab");
    expect(await engineIds("metrology")).toContain(organization.id);

    // Leaving the published state removes it from search.
    await updateOrganization(organization.id, { status: "archived" }, { origin: "portal" });
    await drainOutbox();
    expect(await documentOf(organization.id)).toBeNull();

    await updateOrganization(organization.id, { status: "published" }, { origin: "portal" });
    await drainOutbox();
    expect(await documentOf(organization.id)).not.toBeNull();

    await deleteOrganization(organization.id);
    await drainOutbox();
    expect(await documentOf(organization.id)).toBeNull();
    expect(await prisma.searchOutbox.count({ where: { processedAt: null } })).toBe(0);
  });

  test("the searchable data version moves with every searchable write and when the index has it, for every process", async () => {
    const dataVersion = openSearchableDataVersion(databaseFilePath(resolveDatabaseUrl())!);
    const version = () => dataVersion.read();
    // What another process sees: the sequence part (this process's index generation is its own).
    const shared = () => version().split(":")[1];
    try {
      const organization = await makeOrganization({ nameEn: "Version Counter Lab" });
      await drainOutbox();
      const start = shared();
      expect(shared()).toBe(start);

      // Another process's write (its own connection) is seen through the outbox's sequence.
      const other = createPrismaClient(resolveDatabaseUrl());
      try {
        await other.$transaction(async (tx) => {
          await tx.organization.update({
            where: { id: organization.id },
            data: { nameEn: "Version Counter Laboratory" },
          });
          await enqueueSearchSync(tx, "organization", [organization.id]);
        });
      } finally {
        await other.$disconnect();
      }
      const written = shared();
      expect(written).not.toBe(start);
      // The engine applying it moves it again, for other processes too.
      await drainOutbox();
      const applied = shared();
      expect(applied).not.toBe(written);
      // So does an index swapped in by a rebuild (`npm run reindex` runs in a process of its own).
      await reindex(prisma, "organization");
      const rebuilt = shared();
      expect(rebuilt).not.toBe(applied);

      // What no search shows (a session, a user) leaves it alone.
      const user = await prisma.user.create({
        data: {
          email: `version-${Date.now()}@example.vn`,
          name: "Version",
          passwordHash: "!",
          accountType: "business",
        },
      });
      await prisma.session.create({
        data: { id: `version-${Date.now()}`, userId: user.id, expiresAt: new Date(Date.now() + 60_000) },
      });
      expect(shared()).toBe(rebuilt);
    } finally {
      dataVersion.close();
    }
  });

  test("renaming a parent updates its children's documents", async () => {
    const parent = await makeOrganization({ kind: "university", nameEn: "Old Name University", acronym: "ONU" });
    const child = await makeOrganization({ nameEn: "Child Robotics Lab", parentId: parent.id });
    await drainOutbox();
    expect((await documentOf(child.id))?.parentNames).toContain("ONU");
    await updateOrganization(parent.id, { acronym: "NNU", nameEn: "New Name University" }, { origin: "portal" });
    await drainOutbox();
    expect((await documentOf(child.id))?.parentNames).toEqual(expect.arrayContaining(["NNU", "New Name University"]));
  });

  test("an unpublished parent is not named in its children's documents", async () => {
    const parent = await makeOrganization({
      kind: "university",
      nameEn: "Hidden Parent University",
      acronym: "HPU",
      status: "draft",
    });
    const child = await makeOrganization({ nameEn: "Visible Child Lab", parentId: parent.id });
    await drainOutbox();
    expect((await documentOf(child.id))?.parentNames).toEqual([]);
    expect(await engineIds("HPU")).toEqual([]);
  });

  test("loses nothing while Meilisearch is killed mid-stream, and delivers it all once it is back", async () => {
    const worker = new SearchOutboxWorker({
      db: prisma,
      pollIntervalMs: 200,
      prepare: () => prepareSearch(prisma).then(() => {}),
    });
    worker.start();
    try {
      const created: string[] = [];
      for (let i = 0; i < 10; i++) created.push((await makeOrganization({ nameEn: `Before Crash Lab ${i}` })).id);

      process.kill(meili.pid, "SIGKILL");
      await meili.exited;

      for (let i = 0; i < 10; i++) created.push((await makeOrganization({ nameEn: `During Outage Lab ${i}` })).id);
      await updateOrganization(created[0]!, { nameEn: "Renamed During Outage" }, { origin: "portal" });
      await deleteOrganization(created[1]!);
      await updateOrganization(created[2]!, { status: "archived" }, { origin: "portal" });

      // The writes are committed and waiting; the worker is backing off, not dropping them.
      await eventually(async () => {
        const failed = await prisma.searchOutbox.count({ where: { processedAt: null, attempts: { gt: 0 } } });
        expect(failed).toBeGreaterThan(0);
      });
      expect(await prisma.organization.count({ where: { id: { in: created } } })).toBe(19);

      meili = await startLocalMeilisearch({ dataDir, port });
      await eventually(async () => expect(await prisma.searchOutbox.count({ where: { processedAt: null } })).toBe(0), {
        timeoutMs: 45_000,
        intervalMs: 250,
      });

      // The index now matches the database exactly, without duplicates.
      const published = await prisma.organization.findMany({
        where: { status: "published" },
        select: { id: true, nameEn: true },
      });
      const documents = await organizationsIndex().getDocuments({ limit: 10_000, fields: ["id", "nameEn"] });
      expect(documents.results.map((doc) => doc.id).sort()).toEqual(published.map((row) => row.id).sort());
      expect((await documentOf(created[0]!))?.nameEn).toBe("Renamed During Outage");
      expect(await documentOf(created[1]!)).toBeNull();
      expect(await documentOf(created[2]!)).toBeNull();
      expect(worker.failures).toBe(0);
    } finally {
      await worker.stop();
    }
  });

  test("a document the engine refuses is set aside; the rest of its batch goes through", async () => {
    const good = await makeOrganization({ nameEn: "Good Neighbour Lab" });
    // Meilisearch refuses ids with spaces: the whole batch's task fails.
    const refused = await prisma.organization.create({
      data: { id: "refused id!", slug: "refused-lab", kind: "lab", nameEn: "Refused Lab", status: "published" },
    });
    await prisma.searchOutbox.create({ data: { entity: "organization", entityId: refused.id } });
    try {
      await drainOutbox();
      expect((await documentOf(good.id))?.nameEn).toBe("Good Neighbour Lab");
      const [row] = await prisma.searchOutbox.findMany({ where: { entityId: refused.id } });
      expect(row).toMatchObject({ processedAt: null, attempts: 1 });
      expect(row?.lastError).toContain("Document identifier");
    } finally {
      await prisma.searchOutbox.deleteMany({ where: { entityId: refused.id } });
      await prisma.organization.delete({ where: { id: refused.id } });
    }
  });

  test("rows claimed by a worker that died are taken over when its lease ends", async () => {
    const organization = await makeOrganization({ nameEn: "Lease Test Lab" });
    // A worker claims the row and dies before acknowledging it.
    await prisma.searchOutbox.updateMany({
      where: { entityId: organization.id, processedAt: null },
      data: { claimToken: "dead-worker", lockedUntil: new Date(Date.now() + 60_000) },
    });
    expect(await drainOutbox()).toBe(0);
    expect(await documentOf(organization.id)).toBeNull();

    await prisma.searchOutbox.updateMany({
      where: { claimToken: "dead-worker" },
      data: { lockedUntil: new Date(Date.now() - 1) },
    });
    expect(await drainOutbox()).toBe(1);
    expect(await documentOf(organization.id)).not.toBeNull();
  });
});
