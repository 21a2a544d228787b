import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { build as bundle } from "esbuild";

/**
 * The production build: Remix's (client assets and build/server/index.js,
 * the routes) and the server's entry, scripts/serve.ts with the boot code it
 * imports, bundled to build/server/serve.js. The served process is plain
 * Node: no TypeScript loader in it (docs/decisions/019).
 */
const root = path.resolve(import.meta.dirname, "../..");
export const SERVER_ENTRY = path.join(root, "build/server/serve.js");
const ROUTES_BUNDLE = path.join(root, "build/server/index.js");
/** What the build is made from: a change to any of these makes it stale. */
const SOURCES = ["app", "search", "public", "scripts/serve.ts", "vite.config.ts", "tsconfig.json", "package-lock.json"];

/**
 * How the served process is started, as `npm start` starts it (package.json):
 * with a ceiling on the JavaScript heap, PORTAL_HEAP_MB (default 1024), so
 * that the garbage collector works before the process grows (docs/decisions/022).
 */
export function serverArguments(): string[] {
  const heapMb = process.env.PORTAL_HEAP_MB ?? "1024";
  if (!/^[1-9]\d*$/.test(heapMb))
    throw new Error(`PORTAL_HEAP_MB must be a whole number of megabytes, not "${heapMb}"`);
  return [`--max-old-space-size=${heapMb}`, SERVER_ENTRY];
}

export async function buildPortal(): Promise<void> {
  // Remix's build empties build/server first: the entry is bundled after it.
  const remix = spawnSync(path.join(root, "node_modules/.bin/remix"), ["vite:build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (remix.status !== 0) throw new Error("the Remix build failed");
  await bundle({
    entryPoints: [path.join(root, "scripts/serve.ts")],
    outfile: SERVER_ENTRY,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Dependencies load from node_modules as they do for the routes' bundle.
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "warning",
  });
}

/** True when the build is missing or any source it depends on is newer. */
export function buildIsStale(): boolean {
  if (!fs.existsSync(ROUTES_BUNDLE) || !fs.existsSync(SERVER_ENTRY)) return true;
  const built = Math.min(fs.statSync(ROUTES_BUNDLE).mtimeMs, fs.statSync(SERVER_ENTRY).mtimeMs);
  return SOURCES.some((source) => newestMtime(path.join(root, source)) > built);
}

/**
 * Builds when stale. Two starts at once (two test runs, say) must not write
 * the build together: the second waits for the first, then finds it fresh.
 * Returns whether it built.
 */
export async function buildIfStale(log: (text: string) => void = console.log): Promise<boolean> {
  if (!buildIsStale()) return false;
  return withBuildLock(async () => {
    if (!buildIsStale()) return false;
    log("Building the portal (first start or code changed)…");
    await buildPortal();
    return true;
  });
}

function newestMtime(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

/** Runs `build` holding a lock directory (mkdir is atomic); a lock older than 10 minutes is a crashed build's. */
async function withBuildLock<T>(build: () => Promise<T>): Promise<T> {
  const lock = path.join(root, ".data/build.lock");
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 10 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await build();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
