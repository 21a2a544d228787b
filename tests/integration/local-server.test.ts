import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import {
  defaultIndexingMemory,
  findRunningLocalMeilisearch,
  readOrCreateMasterKey,
  resolveMeilisearchBinary,
  startLocalMeilisearch,
} from "#search/local-server";
import { ROOT } from "../setup/paths";
import { runDir } from "./run-dir";

/** Running (not a zombie). The process may vanish between any two reads of /proc. */
function alive(pid: number): boolean {
  try {
    return !fs.readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");
  } catch {
    return false;
  }
}

async function until(check: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe("local Meilisearch launcher", () => {
  test("starts on loopback with a kept key, and stops", async () => {
    const dataDir = path.join(runDir(), `launcher-${process.pid}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    const meili = await startLocalMeilisearch({ dataDir });
    try {
      expect(meili.host).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const keyFile = path.join(dataDir, "master-key");
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(readOrCreateMasterKey(dataDir)).toBe(meili.apiKey);
      // The key is required, and it is not on the command line.
      expect((await fetch(`${meili.host}/indexes`)).status).toBe(401);
      expect(
        (await fetch(`${meili.host}/indexes`, { headers: { Authorization: `Bearer ${meili.apiKey}` } })).status,
      ).toBe(200);
      const argv = fs.readFileSync(`/proc/${meili.pid}/cmdline`, "utf8").split("\0");
      expect(argv.join(" ")).not.toContain(meili.apiKey);
      // Not the engine's default indexing memory (two thirds of the RAM), which makes every small update slow (decision 021).
      expect(argv[argv.indexOf("--max-indexing-memory") + 1]).toBe(
        process.env.MEILI_MAX_INDEXING_MEMORY ?? defaultIndexingMemory(),
      );
      // Scripts find it instead of starting a second one on the same data.
      expect(await findRunningLocalMeilisearch(dataDir)).toEqual({ host: meili.host, apiKey: meili.apiKey });
      await expect(startLocalMeilisearch({ dataDir })).rejects.toThrow(/already uses/);
    } finally {
      await meili.stop();
    }
    expect(alive(meili.pid)).toBe(false);
    expect(await findRunningLocalMeilisearch(dataDir)).toBeNull();
  });

  test("dies with the process that started it, even on SIGKILL", async () => {
    const dataDir = path.join(runDir(), `launcher-orphan-${process.pid}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true });
    const script = path.join(dataDir, "owner.ts");
    fs.writeFileSync(
      script,
      `import { startLocalMeilisearch } from ${JSON.stringify(path.join(ROOT, "search/local-server.ts"))};
      const meili = await startLocalMeilisearch({ dataDir: ${JSON.stringify(dataDir)} });
      console.log("pid=" + meili.pid);
      setInterval(() => {}, 1000);`,
    );
    const owner = spawn(process.execPath, ["--import", "tsx", script], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const pid = await new Promise<number>((resolve) => {
      let out = "";
      owner.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const match = /pid=(\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
    });
    expect(alive(pid)).toBe(true);
    owner.kill("SIGKILL");
    expect(await until(() => !alive(pid))).toBe(true);
  });

  test("gives the engine 1 GiB of indexing memory, or two thirds of a smaller machine's RAM", () => {
    expect(defaultIndexingMemory(24 * 1024 ** 3)).toBe("1024MiB");
    expect(defaultIndexingMemory(1024 ** 3)).toBe("682MiB");
  });

  test("finds the packaged binary and makes it executable", () => {
    const binary = resolveMeilisearchBinary({ PATH: "" });
    expect(binary).toMatch(/@gaubee\/meilisearch-linux-amd64\/meilisearch$/);
    fs.accessSync(binary, fs.constants.X_OK);
    expect(() => resolveMeilisearchBinary({ MEILI_BIN: "/nonexistent/meilisearch" })).toThrow(/MEILI_BIN/);
  });
});
