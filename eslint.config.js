// @ts-check
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * The layers, bottom to top (docs/architecture.md). A module may import its own
 * layer and those below, never one above: `import-x/no-restricted-paths` checks it.
 */
const LAYERS = [
  ["app/utils", "app/domain", "app/i18n", "app/data"],
  ["app/config"],
  ["app/db", "app/validation", "app/mail"],
  ["app/auth", "search"],
  ["app/jobs/queue.server.ts", "app/models"],
  ["app/jobs", "app/api", "app/components"],
  ["app/server", "app/routes", "app/root.tsx", "app/entry.server.tsx", "app/entry.client.tsx"],
];
const JOBS = "app/jobs";
const QUEUE = "app/jobs/queue.server.ts";
const layerZones = LAYERS.flatMap((layer, index) =>
  layer.flatMap((target) => {
    const above = LAYERS.slice(index + 1).flat();
    const from = above.filter((path) => path !== JOBS && path !== QUEUE);
    const message = "imports a layer above it (see docs/architecture.md)";
    const zones = from.length > 0 ? [{ target: `./${target}`, from: from.map((path) => `./${path}`), message }] : [];
    // The job queue sits below the models that enqueue; the handlers and the worker above them.
    if (above.includes(JOBS)) {
      const except = above.includes(QUEUE) ? [] : ["./queue.server.ts"];
      zones.push({ target: `./${target}`, from: `./${JOBS}`, except, message });
    }
    return zones;
  }),
);

export default tseslint.config(
  {
    ignores: [
      "build/",
      "app/generated/",
      ".data/",
      "node_modules/",
      "test-output/",
      "bench-results/",
      "public/",
      "scratch/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createTypeScriptImportResolver({ project: "tsconfig.json" })] },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      // The portal strips control characters from input on purpose (app/utils/text.ts, the validators).
      "no-control-regex": "off",
    },
  },
  {
    files: ["app/**", "search/**"],
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            ...layerZones,
            {
              target: "./app/routes",
              from: ["./app/db", "./app/generated", "./app/jobs", "./search/outbox.ts"],
              message: "a route calls a model: no Prisma, outbox or job queue in routes",
            },
          ],
        },
      ],
    },
  },
  { files: ["app/**/*.tsx"], ...jsxA11y.flatConfigs.recommended },
  {
    files: ["app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    // The two classic rules. The React Compiler's rules (purity, refs, set-state-in-effect)
    // judge code written for the compiler, which this app does not use.
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    files: ["tests/**", "scripts/**", "**/*.test.{ts,tsx}"],
    // Tests read JSON answers of unknown shape.
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
