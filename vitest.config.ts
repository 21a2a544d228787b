import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

/**
 * Three projects, all run by `npm test`:
 * - unit: pure code beside its module (no database, no engine);
 * - integration: a real SQLite file per test file and a real Meilisearch;
 * - e2e: the built portal in a real Chromium, plus HTTP-level checks.
 */
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    // Pages answer in milliseconds, but a busy two-core machine (a browser, the
    // portal and the engine at once) can stall a second: polls wait up to 15 s.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "search/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-services.ts"],
          setupFiles: ["tests/setup/isolated-services.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/setup/global-portal.ts"],
          setupFiles: ["tests/setup/portal-log-errors.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
          // One browser at a time: the machine has two cores and the portal needs one.
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
