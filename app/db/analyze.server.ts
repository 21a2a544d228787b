import { Worker } from "node:worker_threads";
import { BUSY_TIMEOUT_MS } from "./sqlite-adapter.server";
import { driverPath } from "./read-workers.server";

/**
 * ANALYZE on a worker thread, with its own connection and no analysis_limit.
 *
 * Exact statistics, because sampled ones mislead the planner: with
 * `analysis_limit = 1000`, 100,000 organizations that are all published were
 * recorded as about 1,000 per status, so `status = 'published'` looked
 * selective and the fallback search planned through the status indexes (a
 * filtered search 25 ms on exact numbers, 93 ms on sampled ones). Exact
 * numbers cost about a second at 100,000 listings: on Node's only thread
 * every request would wait that long, hence the worker. It waits for the
 * write lock like any writer; the app's own writes wait for it in turn.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true, timeout: workerData.timeoutMs });
  db.pragma("analysis_limit = 0");
  db.exec("ANALYZE");
  parentPort.postMessage({ ok: true });
} catch (error) {
  parentPort.postMessage({ error: String(error && error.message) });
} finally {
  db?.close();
}
`;

export function analyzeOnWorkerThread(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, driver: driverPath(), timeoutMs: 6 * BUSY_TIMEOUT_MS },
    });
    worker.once("message", (message: { ok?: true; error?: string }) =>
      message.error ? reject(new Error(message.error)) : resolve(),
    );
    worker.once("error", reject);
    worker.once("exit", () => reject(new Error("the ANALYZE worker exited without an answer")));
  });
}
