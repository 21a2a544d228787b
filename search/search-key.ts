import crypto from "node:crypto";
import { meilisearchErrorCode } from "./http-client";
import type { SearchConfig } from "./config";
import type { MeiliSearch } from "meilisearch";

/**
 * The key pages search with: it may only search, and only this deployment's
 * indexes (`<prefix>*`, which covers an index being rebuilt before its swap).
 * The admin key stays with the outbox worker, reindex and the scripts, so a
 * flaw in a page's search cannot add documents or change settings.
 *
 * MEILI_SEARCH_KEY gives it; else it is found, or created once, through the
 * keys API with the admin key (which must be the master key for that: the
 * engine's "Default Admin API Key" may not manage keys). Its uid is derived
 * from the prefix, so every process of a deployment finds the same key.
 */
const pending = new Map<string, Promise<string>>();

export function pageSearchKey(config: SearchConfig, admin: MeiliSearch): Promise<string> {
  if (config.searchKey) return Promise.resolve(config.searchKey);
  const id = `${config.host}\n${config.apiKey}\n${config.indexPrefix}`;
  let found = pending.get(id);
  if (!found) {
    found = findOrCreate(config, admin);
    pending.set(id, found);
    // A failure (engine down) is tried again by the next search.
    found.catch(() => pending.delete(id));
  }
  return found;
}

/** A UUID v4 in form, made from the prefix: the same key for every process that shares it. */
export function searchKeyUid(indexPrefix: string): string {
  const bytes = crypto
    .createHash("sha256")
    .update(`hanoi-innovation-search-key\n${indexPrefix}`)
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function findOrCreate(config: SearchConfig, admin: MeiliSearch): Promise<string> {
  const uid = searchKeyUid(config.indexPrefix);
  try {
    return (await admin.getKey(uid)).key;
  } catch (error) {
    if (meilisearchErrorCode(error) !== "api_key_not_found") throw withHint(error);
  }
  try {
    const created = await admin.createKey({
      uid,
      name: `Hanoi Innovation Network pages (${config.indexPrefix || "no prefix"})`,
      description: "Search only, on this deployment's indexes: the portal's pages use it.",
      actions: ["search"],
      indexes: [`${config.indexPrefix}*`],
      expiresAt: null,
    });
    return created.key;
  } catch (error) {
    // Another process of the deployment created it first.
    if (meilisearchErrorCode(error) === "api_key_already_exists") return (await admin.getKey(uid)).key;
    throw withHint(error);
  }
}

function withHint(error: unknown): Error {
  const code = meilisearchErrorCode(error);
  if (code !== "invalid_api_key" && code !== "missing_authorization_header") return error as Error;
  return new Error(
    "Cannot find or create the pages' search key with MEILI_MASTER_KEY (only the master key may manage keys): " +
      'set MEILI_SEARCH_KEY to a key with actions ["search"] on the portal\'s indexes',
    { cause: error },
  );
}
