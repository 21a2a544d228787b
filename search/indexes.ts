import type { MeiliSearch, Settings } from "meilisearch";
import { indexingClient, indexUid } from "./client";
import { requireSearchConfig, type SearchConfig } from "./config";
import { meilisearchErrorCode } from "./http-client";
import { ACRONYM_QUERY_WORDS, GENERAL_SYNONYM_GROUPS, synonymsSetting } from "./synonyms";

/**
 * Index definitions as code. `ensureIndex` applies them idempotently at start;
 * `search/reindex.ts` applies them to a fresh index before loading it.
 */
export type IndexDefinition = {
  /** Index name without the deployment prefix. */
  base: string;
  primaryKey: string;
  settings: Settings;
};

export const ORGANIZATIONS_INDEX: IndexDefinition = {
  base: "organizations",
  primaryKey: "id",
  settings: {
    // Order matters: a match in an earlier attribute ranks higher.
    searchableAttributes: [
      "acronym",
      "initialisms",
      "nameVi",
      "nameEn",
      "fieldNames",
      "kindLabels",
      "parentNames",
      "summaryVi",
      "summaryEn",
      "districtNames",
      "wardNames",
    ],
    displayedAttributes: ["id", "slug", "nameVi", "nameEn", "acronym", "summaryVi", "summaryEn"],
    filterableAttributes: ["kind", "district", "ward", "areaSlugs", "fieldSlugs", "verified", "parentId"],
    sortableAttributes: ["sortNameVi", "sortNameEn", "createdAt", "verifiedRank"],
    // Proximity and attribute before typo: "bach khao" must rank "Bách khoa"
    // (adjacent, in the name, one typo) above a summary that happens to hold
    // both syllables far apart ("khảo sát"); names outrank summaries.
    // Last, among equals, the more specific listing first: a lab with two
    // fields before a conglomerate with five that include the same one.
    rankingRules: ["words", "proximity", "attribute", "typo", "sort", "exactness", "fieldCount:asc"],
    // "bach khao" must find "Bách khoa": one typo from four letters on. Not in
    // acronyms, where one letter is another organization (HUS is not HUST).
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
      disableOnAttributes: ["acronym", "initialisms", "parentNames"],
      // Typed as an acronym, a word is meant exactly: "HUST" read as a typo of
      // the prefix "hist" found every listing of the field History.
      // Sorted, as the engine returns them, so a start finds the setting unchanged.
      disableOnWords: [...ACRONYM_QUERY_WORDS].sort(),
    },
    synonyms: synonymsSetting(GENERAL_SYNONYM_GROUPS),
    // "VNU-TIP" is one token, so "VNU" (or ĐHQGHN, its synonym) finds VNU
    // itself before the units whose acronyms merely start with it.
    nonSeparatorTokens: ["-"],
    // Word-level proximity: Vietnamese words are several syllables ("bán dẫn",
    // "vật liệu"), each a token, so adjacency is what tells them apart.
    proximityPrecision: "byWord",
    facetSearch: false,
    faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { "*": "count" } },
    pagination: { maxTotalHits: 10_000 },
  },
};

/** Shared by the experts and requests indexes: the organizations' choices, for the same reasons. */
const commonSettings: Settings = {
  rankingRules: ["words", "proximity", "attribute", "typo", "sort", "exactness"],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  synonyms: synonymsSetting(GENERAL_SYNONYM_GROUPS),
  proximityPrecision: "byWord",
  facetSearch: false,
  faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { "*": "count" } },
  pagination: { maxTotalHits: 10_000 },
};

export const EXPERTS_INDEX: IndexDefinition = {
  base: "experts",
  primaryKey: "id",
  settings: {
    ...commonSettings,
    searchableAttributes: [
      "fullName",
      "keywords",
      "fieldNames",
      "affiliationNames",
      // The country abroad, by name in both languages (docs/decisions/076)
      "countryNames",
      "linkTitles",
      "bioVi",
      "bioEn",
      "titleLabels",
    ],
    displayedAttributes: ["id", "fullName", "keywords", "bioVi", "bioEn"],
    filterableAttributes: [
      "fieldSlugs",
      "areaSlugs",
      "offers",
      "affiliationId",
      "district",
      "affiliationVerified",
      // Based abroad, and where (docs/decisions/076)
      "overseas",
      "country",
    ],
    sortableAttributes: ["publishedAt", "sortName"],
  },
};

export const REQUESTS_INDEX: IndexDefinition = {
  base: "requests",
  primaryKey: "id",
  settings: {
    ...commonSettings,
    searchableAttributes: ["title", "fieldNames", "problem", "desiredOutcome", "companyName"],
    displayedAttributes: ["id", "title", "problem"],
    filterableAttributes: [
      "fieldSlugs",
      "areaSlugs",
      "sector",
      "requesterType",
      "companySize",
      "district",
      "trl",
      "budget",
    ],
    sortableAttributes: ["publishedAt", "deadline"],
  },
};

/** Services, equipment and technologies on offer (search/offer-document.ts). */
export const OFFERS_INDEX: IndexDefinition = {
  base: "offers",
  primaryKey: "id",
  settings: {
    ...commonSettings,
    // Names first, then the instrument and method words people search labs by ("XRD", "SEM").
    searchableAttributes: [
      "nameVi",
      "nameEn",
      "technical",
      "fieldNames",
      "typeLabels",
      "ownerNames",
      "descriptionVi",
      "descriptionEn",
    ],
    displayedAttributes: ["id", "nameVi", "nameEn", "descriptionVi", "descriptionEn"],
    filterableAttributes: [
      "type",
      "fieldSlugs",
      "areaSlugs",
      "priceMode",
      "accessMode",
      "category",
      "district",
      "ward",
      "organizationKind",
      "organizationId",
      "ownerExpertId",
      "trl",
      "ipStatus",
      "offeredAs",
      "audience",
      "fromPublicSource",
      "stale",
      "updatedAt",
    ],
    sortableAttributes: ["sortNameVi", "sortNameEn", "publishedAt", "updatedAt"],
  },
};

/** Innovation events (search/event-document.ts, docs/decisions/072): ordered by start, past ones kept. */
export const EVENTS_INDEX: IndexDefinition = {
  base: "events",
  primaryKey: "id",
  settings: {
    ...commonSettings,
    searchableAttributes: [
      "titleVi",
      "titleEn",
      "kindLabels",
      "organizerNames",
      "fieldNames",
      "venue",
      "placeNames",
      "formatLabels",
      "descriptionVi",
      "descriptionEn",
    ],
    displayedAttributes: ["id", "titleVi", "titleEn", "descriptionVi", "descriptionEn"],
    filterableAttributes: [
      "kind",
      "format",
      "district",
      "ward",
      "fieldSlugs",
      "areaSlugs",
      "organizationId",
      "startsAt",
      "endsAt",
    ],
    sortableAttributes: ["startsAt", "endsAt"],
  },
};

export const ALL_INDEXES: readonly IndexDefinition[] = [
  ORGANIZATIONS_INDEX,
  EXPERTS_INDEX,
  REQUESTS_INDEX,
  OFFERS_INDEX,
  EVENTS_INDEX,
];

const TASK_TIMEOUT_MS = 120_000;

/** Creates the index when missing and updates the settings that differ. Returns the names of changed settings. */
export async function ensureIndex(
  definition: IndexDefinition,
  options: { uid?: string; config?: SearchConfig } = {},
): Promise<string[]> {
  const config = options.config ?? requireSearchConfig();
  const client = indexingClient(config);
  const uid = options.uid ?? indexUid(definition.base, config);
  await createIndexIfMissing(client, uid, definition.primaryKey);
  const index = client.index(uid);
  const wanted = definition.settings;
  const current = (await index.getSettings()) as Record<string, unknown>;
  const changed: Partial<Settings> = {};
  for (const [key, value] of Object.entries(wanted)) {
    if (!settingMatches(key, current[key], value)) (changed as Record<string, unknown>)[key] = value;
  }
  const keys = Object.keys(changed);
  if (keys.length > 0) await index.updateSettings(changed).waitTask({ timeout: TASK_TIMEOUT_MS });
  return keys;
}

export async function createIndexIfMissing(client: MeiliSearch, uid: string, primaryKey: string) {
  try {
    await client.getRawIndex(uid);
  } catch (error) {
    if (meilisearchErrorCode(error) !== "index_not_found") throw error;
    const task = await client.createIndex(uid, { primaryKey }).waitTask({ timeout: TASK_TIMEOUT_MS });
    // A concurrent start may have created it first; that is fine.
    if (task.status === "failed" && task.error?.code !== "index_already_exists") {
      throw new Error(`creating index ${uid} failed: ${task.error?.message}`);
    }
  }
}

/** Settings whose arrays are sets: Meilisearch may return them in another order. */
const SET_LIKE = new Set(["filterableAttributes", "sortableAttributes", "displayedAttributes", "synonyms"]);

/**
 * Whether the engine's current value already satisfies the wanted one. Objects
 * match on the keys we set (the engine adds defaults for the others).
 */
export function settingMatches(key: string, current: unknown, wanted: unknown): boolean {
  return matches(current, wanted, SET_LIKE.has(key));
}

function matches(current: unknown, wanted: unknown, unordered: boolean): boolean {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(current) || current.length !== wanted.length) return false;
    const [a, b] = unordered ? [sortedJson(current), sortedJson(wanted)] : [current.map(json), wanted.map(json)];
    return a.every((item, i) => item === b[i]);
  }
  if (wanted && typeof wanted === "object") {
    if (!current || typeof current !== "object") return false;
    const currentObject = current as Record<string, unknown>;
    return Object.entries(wanted as Record<string, unknown>).every(([key, value]) =>
      matches(currentObject[key], value, unordered),
    );
  }
  return current === wanted;
}

const json = (value: unknown) => JSON.stringify(value);
const sortedJson = (values: unknown[]) => values.map(json).sort();
