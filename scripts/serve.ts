/**
 * The portal's process: http://localhost:3000 (PORT to change it) with a
 * migrated database, the seed data and a search engine.
 * - Production (`npm start`): bundled to build/server/serve.js by the build
 *   and run by plain Node, without a TypeScript loader (docs/decisions/019).
 * - `npm run dev` (--dev): run from source under tsx, with Vite's dev server
 *   and hot reload.
 */
// First: the files the portal makes are private (docs/decisions/027).
import "~/db/private-data.server";
import fs from "node:fs";
import path from "node:path";
import { startPortal } from "~/server/boot.server";

const dev = process.argv.includes("--dev");
// Always production outside dev, even when started by a test runner that set NODE_ENV=test:
// the build and React must be the production ones.
process.env.NODE_ENV = dev ? "development" : "production";
const root = projectRoot(import.meta.dirname);
process.chdir(root);

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

/** The folder holding package.json: scripts/ when run from source, two levels above build/server/ when bundled. */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
