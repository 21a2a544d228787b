import type { MeiliSearch } from "meilisearch";

/**
 * Asking Meilisearch for a dump (POST /dumps) and waiting for it. The engine
 * writes the file into its own dump directory (`--dump-dir`), named after the
 * dump uid; over HTTP there is no way to download it.
 */
export type DumpTask = { taskUid: number; dumpUid: string; ms: number };

export async function createDump(
  client: MeiliSearch,
  onWait?: (status: string, elapsedMs: number) => void,
): Promise<DumpTask> {
  const started = Date.now();
  const { taskUid } = await client.createDump();
  // A dump of a large index takes minutes: poll without a deadline, and say so now and then.
  for (let lastReport = started; ;) {
    const task = await client.tasks.getTask(taskUid);
    if (task.status === "succeeded") {
      const dumpUid = task.details?.dumpUid;
      if (!dumpUid) throw new Error(`dump task ${taskUid} succeeded without naming its dump`);
      return { taskUid, dumpUid, ms: Date.now() - started };
    }
    if (task.status === "failed" || task.status === "canceled") {
      throw new Error(`dump task ${taskUid} ${task.status}: ${task.error?.message ?? "no reason given"}`);
    }
    if (Date.now() - lastReport >= 2_000) {
      lastReport = Date.now();
      onWait?.(task.status, Date.now() - started);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Documents per index uid, as the engine reports them now. */
export async function documentCounts(client: MeiliSearch): Promise<Record<string, number>> {
  const { indexes } = await client.getStats();
  return Object.fromEntries(Object.entries(indexes).map(([uid, stats]) => [uid, stats.numberOfDocuments]));
}

/** Waits until the engine has no enqueued or processing task (after an import, its carried tasks). */
export async function waitUntilIdle(client: MeiliSearch): Promise<void> {
  for (;;) {
    const { total } = await client.tasks.getTasks({ statuses: ["enqueued", "processing"], limit: 1 });
    if (total === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
