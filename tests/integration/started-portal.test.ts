import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { portalFiles, startPortalProcess, type PortalFiles, type PortalProcess } from "../setup/portal-process";
import { runDir } from "./run-dir";

/**
 * The portal as `npm start` runs it (its own process, database, mailbox and
 * local Meilisearch), checked from outside: what it leaves on disk and what
 * its search engine lets through.
 */
let files: PortalFiles;
let portal: PortalProcess;

beforeAll(async () => {
  files = await portalFiles(path.join(runDir(), `started-${process.pid}`));
  // What an older version left behind, readable by everyone.
  fs.mkdirSync(files.engineDir, { mode: 0o755 });
  fs.writeFileSync(path.join(files.engineDir, "meilisearch.log"), "older log\n", { mode: 0o644 });
  fs.writeFileSync(path.join(files.dir, "mailbox.mbox"), "From old\nreset link\n\n", { mode: 0o644 });
  portal = await startPortalProcess(files);
}, 300_000);

afterAll(async () => {
  await portal?.stop();
});

/** Permission bits (as "600") of each path, and of every entry under a folder. */
function modesUnder(...targets: string[]): Record<string, string> {
  const modes: Record<string, string> = {};
  const visit = (target: string) => {
    const stat = fs.lstatSync(target);
    modes[path.relative(files.dir, target)] = (stat.mode & 0o777).toString(8);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(target)) visit(path.join(target, entry));
  };
  for (const target of targets) visit(target);
  return modes;
}

describe("files", () => {
  test("the database, its WAL and shared memory, the mailbox and the engine's data are readable by the portal's user only", () => {
    const database = files.database;
    const modes = modesUnder(database, `${database}-wal`, `${database}-shm`, path.join(files.dir, "mailbox.mbox"), files.engineDir);
    expect(modes).toMatchObject({
      "portal.db": "600",
      "portal.db-wal": "600",
      "portal.db-shm": "600",
      "mailbox.mbox": "600",
      meilisearch: "700",
      "meilisearch/master-key": "600",
      "meilisearch/meilisearch.log": "600",
      "meilisearch/data.ms": "700",
    });
    // Was a bug: 644 files and 755 folders, the live password-reset links among them.
    const open = Object.entries(modes).filter(([, mode]) => mode !== "600" && mode !== "700");
    expect(open, "files or folders readable by others").toEqual([]);
  });
});
