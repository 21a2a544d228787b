import { remember } from "@epic-web/remember";

/**
 * A counter that moves whenever this process writes searchable data (a
 * committed change, the outbox worker applying a batch, a reindex swapping).
 * Caches of search results key on it, so a change made through the portal is
 * never hidden by a cached answer.
 */
const state = remember("search-index-generation", () => ({ value: 0 }));

export function indexGeneration(): number {
  return state.value;
}

export function bumpIndexGeneration() {
  state.value += 1;
}
