/**
 * `npm start`: build the app if the build is missing or older than the code,
 * then run the portal on http://localhost:3000 (PORT to change it) with a
 * migrated database, the seed data and a search engine.
 * `npm run dev` (--dev): the same with Vite's dev server and hot reload.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
// Always production outside dev, even when started by a test runner that set NODE_ENV=test:
// the build and React must be the production ones.
process.env.NODE_ENV = dev ? "development" : "production";
process.chdir(root);

if (!dev && process.env.SKIP_BUILD !== "1" && buildIsStale()) {
  // Two starts at once (two test runs, say) must not write the build together:
  // the second waits for the first, then finds the build fresh.
  const status = await withBuildLock(() => {
    if (!buildIsStale()) return 0;
    console.log("Building the portal (first start or code changed)…");
    const result = spawnSync(path.join(root, "node_modules/.bin/remix"), ["vite:build"], { stdio: "inherit", env: process.env });
    return result.status ?? 1;
  });
  if (status !== 0) process.exit(status);
}

const { startPortal } = await import("~/server/boot.server");
const port = Number(process.env.PORT ?? 3000);
const portal = await startPortal({
  root,
  port,
  host: process.env.HOST,
  dev,
  dataDir: process.env.MEILI_DATA_DIR ?? path.join(root, ".data/meilisearch"),
  seed: process.env.SEED_ON_START !== "false",
}).catch((error: NodeJS.ErrnoException) => {
  if (error.code === "EADDRINUSE") console.error(`Port ${port} is already in use: stop the other server or set PORT.`);
  else console.error(error);
  process.exit(1);
});

console.log(`\nHanoi Innovation Network portal ready at ${portal.url}\n`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1); // a second Ctrl-C forces it
    stopping = true;
    void portal.close().then(() => process.exit(0));
  });
}

/** True when the build is missing or any source it depends on is newer. */
function buildIsStale(): boolean {
  const output = path.join(root, "build/server/index.js");
  if (!fs.existsSync(output)) return true;
  const built = fs.statSync(output).mtimeMs;
  // search/ too: the routes' search code is bundled into the build.
  const sources = ["app", "search", "public", "vite.config.ts", "tsconfig.json", "package-lock.json"];
  return sources.some((source) => newestMtime(path.join(root, source)) > built);
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
async function withBuildLock(build: () => number): Promise<number> {
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
    return build();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
