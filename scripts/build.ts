/**
 * `npm run build`: the production build (scripts/lib/build.ts).
 * `--if-stale`, as `npm start` runs it: only when the build is missing or
 * older than the code, and not at all with SKIP_BUILD=1 (a deploy that built
 * in an earlier step).
 */
import { buildIfStale, buildPortal } from "./lib/build";

try {
  if (!process.argv.includes("--if-stale")) await buildPortal();
  else if (process.env.SKIP_BUILD !== "1") await buildIfStale();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
