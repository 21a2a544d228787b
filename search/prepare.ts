import type { DbClient } from "~/utils/db.server";
import { indexingClient, indexUid } from "./client";
import { requireSearchConfig, type SearchConfig } from "./config";
import { ensureIndex, ORGANIZATIONS_INDEX } from "./indexes";
import { pendingSearchSyncCount } from "./outbox";
import { reindexOrganizations } from "./reindex";
import { loadTaxonomy } from "./taxonomy";

/**
 * Makes the engine ready to serve: indexes exist with current settings, and an
 * index that does not match the database (a new or wiped engine, or rows
 * written while no worker ran and since pruned) is rebuilt.
 */
export async function prepareSearch(
  db: DbClient,
  options: { config?: SearchConfig; onRebuild?: (reason: string) => void } = {},
): Promise<{ settingsChanged: string[]; rebuilt: boolean }> {
  const config = options.config ?? requireSearchConfig();
  const taxonomy = await loadTaxonomy(db);
  const settingsChanged = await ensureIndex(ORGANIZATIONS_INDEX, taxonomy, { config });
  const [stats, published, pending] = await Promise.all([
    indexingClient(config).index(indexUid(ORGANIZATIONS_INDEX.base, config)).getStats(),
    db.organization.count({ where: { status: "published" } }),
    pendingSearchSyncCount(db),
  ]);
  // With nothing waiting in the outbox, the index must hold exactly the published listings.
  if (pending === 0 && stats.numberOfDocuments !== published) {
    options.onRebuild?.(`index holds ${stats.numberOfDocuments} documents, database ${published} published`);
    await reindexOrganizations(db, { config });
    return { settingsChanged, rebuilt: true };
  }
  return { settingsChanged, rebuilt: false };
}
