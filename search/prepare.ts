import type { DbClient } from "~/utils/db.server";
import { indexingClient, indexUid } from "./client";
import { requireSearchConfig, type SearchConfig } from "./config";
import { ensureIndex, EXPERTS_INDEX, ORGANIZATIONS_INDEX, REQUESTS_INDEX } from "./indexes";
import type { SearchEntity } from "./outbox";
import { countIndexable, reindex } from "./reindex";
import { loadTaxonomy } from "./taxonomy";

const INDEX_OF = { organization: ORGANIZATIONS_INDEX, expert: EXPERTS_INDEX, request: REQUESTS_INDEX } as const;

/**
 * Makes the engine ready to serve: indexes exist with current settings, and an
 * index that does not match the database (a new or wiped engine, or rows
 * written while no worker ran and since pruned) is rebuilt.
 */
export async function prepareSearch(
  db: DbClient,
  options: { config?: SearchConfig; onRebuild?: (reason: string) => void } = {},
): Promise<{ settingsChanged: string[]; rebuilt: SearchEntity[] }> {
  const config = options.config ?? requireSearchConfig();
  const taxonomy = await loadTaxonomy(db);
  const settingsChanged: string[] = [];
  const rebuilt: SearchEntity[] = [];
  for (const entity of Object.keys(INDEX_OF) as SearchEntity[]) {
    const definition = INDEX_OF[entity];
    for (const key of await ensureIndex(definition, taxonomy, { config })) settingsChanged.push(`${definition.base}.${key}`);
    const [stats, expected, pending] = await Promise.all([
      indexingClient(config).index(indexUid(definition.base, config)).getStats(),
      countIndexable(db, entity),
      db.searchOutbox.count({ where: { processedAt: null, entity } }),
    ]);
    // With nothing waiting in the outbox, the index must hold exactly the indexable rows.
    if (pending === 0 && stats.numberOfDocuments !== expected) {
      options.onRebuild?.(`${definition.base}: index holds ${stats.numberOfDocuments} documents, database ${expected}`);
      await reindex(db, entity, { config });
      rebuilt.push(entity);
    }
  }
  return { settingsChanged, rebuilt };
}
