import type { DbClient } from "~/db/client.server";
import { indexingClient, indexUid } from "./client";
import { requireSearchConfig, type SearchConfig } from "./config";
import { ensureIndex, EVENTS_INDEX, EXPERTS_INDEX, OFFERS_INDEX, ORGANIZATIONS_INDEX, REQUESTS_INDEX } from "./indexes";
import type { SearchEntity } from "./outbox";
import { countIndexable, reindex } from "./reindex";
import { DOCUMENT_FORMAT, indexedDocumentFormat } from "./document-format";

const INDEX_OF = {
  organization: ORGANIZATIONS_INDEX,
  expert: EXPERTS_INDEX,
  request: REQUESTS_INDEX,
  offer: OFFERS_INDEX,
  event: EVENTS_INDEX,
} as const;

/**
 * Makes the engine ready to serve: indexes exist with current settings, and an
 * index that does not match the database (a new or wiped engine, rows written
 * while no worker ran and since pruned, or documents of an older format) is
 * rebuilt.
 */
export async function prepareSearch(
  db: DbClient,
  options: { config?: SearchConfig; onRebuild?: (reason: string) => void } = {},
): Promise<{ settingsChanged: string[]; rebuilt: SearchEntity[] }> {
  const config = options.config ?? requireSearchConfig();
  const settingsChanged: string[] = [];
  const rebuilt: SearchEntity[] = [];
  for (const entity of Object.keys(INDEX_OF) as SearchEntity[]) {
    const definition = INDEX_OF[entity];
    for (const key of await ensureIndex(definition, { config })) settingsChanged.push(`${definition.base}.${key}`);
    const uid = indexUid(definition.base, config);
    const [stats, format, expected, pending] = await Promise.all([
      indexingClient(config).index(uid).getStats(),
      indexedDocumentFormat(indexingClient(config), uid),
      countIndexable(db, entity),
      db.searchOutbox.count({ where: { processedAt: null, entity } }),
    ]);
    // With nothing waiting in the outbox, the index must hold exactly the indexable rows.
    const reason =
      pending === 0 && stats.numberOfDocuments !== expected
        ? `index holds ${stats.numberOfDocuments} documents, database ${expected}`
        : format !== null && format !== DOCUMENT_FORMAT
          ? `documents of format ${format}, the code writes ${DOCUMENT_FORMAT}`
          : null;
    if (reason) {
      options.onRebuild?.(`${definition.base}: ${reason}`);
      await reindex(db, entity, { config });
      rebuilt.push(entity);
    }
  }
  return { settingsChanged, rebuilt };
}
