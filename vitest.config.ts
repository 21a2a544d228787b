import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

/**
 * Five projects, all run by `npm test`:
 * - unit: pure code beside its module (no database, no engine);
 * - integration: a real SQLite file per test file and a real Meilisearch;
 * - e2e: the built portal in a real Chromium, plus HTTP-level checks;
 * - slow-integration, slow-e2e: the files that take a minute or more (the
 *   fuzz test, the authorization matrix, the faults, the 50,000-row import, the
 *   odd-request sweep, the six journeys), run after the others with the same setup.
 * `npm run test:fast` runs unit and integration: under a minute.
 */
const SLOW_INTEGRATION = [
  "tests/integration/faults.test.ts",
  "tests/integration/import-50k.test.ts",
  "tests/integration/backup-restore.test.ts",
];
const SLOW_E2E = [
  "tests/e2e/fuzz.test.ts",
  "tests/e2e/authorization.test.ts",
  "tests/e2e/http.test.ts",
  "tests/e2e/journeys.test.ts",
];

const integration = {
  globalSetup: ["tests/setup/global-services.ts"],
  setupFiles: ["tests/setup/isolated-services.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: "forks" as const,
};
const e2e = {
  // One portal for both e2e projects (tests/setup/global-portal.ts).
  globalSetup: ["tests/setup/global-portal.ts"],
  setupFiles: ["tests/setup/portal-log-errors.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: "forks" as const,
  // One browser at a time: the machine has two cores and the portal needs one.
  poolOptions: { forks: { singleFork: true } },
};

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
          exclude: SLOW_INTEGRATION,
          ...integration,
        },
      },
      {
        extends: true,
        test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"], exclude: SLOW_E2E, ...e2e },
      },
      // After the others (groupOrder), so a slow file never holds up the quick ones.
      {
        extends: true,
        test: { name: "slow-integration", include: SLOW_INTEGRATION, ...integration, sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        test: { name: "slow-e2e", include: SLOW_E2E, ...e2e, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
