import path from "node:path";
import type { TestProject } from "vitest/node";
import { startLocalMeilisearch } from "#search/local-server";
import { applyMigrations } from "~/db/migrate.server";
import { freshDir } from "./paths";

/**
 * Once per run of the integration project: one Meilisearch process (each test
 * file gets its own index prefix in it) and a migrated template database that
 * each test file copies.
 */
declare module "vitest" {
  export interface ProvidedContext {
    meiliHost: string;
    meiliKey: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = freshDir("integration");
  const meili = await startLocalMeilisearch({ dataDir: path.join(dir, "meilisearch") });
  const templateDatabase = path.join(dir, "template.db");
  applyMigrations({ databaseUrl: `file:${templateDatabase}` });
  project.provide("meiliHost", meili.host);
  project.provide("meiliKey", meili.apiKey);
  project.provide("templateDatabase", templateDatabase);
  return async () => {
    await meili.stop();
  };
}
