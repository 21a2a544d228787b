import { remember } from "@epic-web/remember";
import { setting } from "~/config/env.server";

/**
 * Remembers that the engine just failed, so that for a few seconds pages go
 * straight to the database fallback instead of each waiting for a timeout.
 * After the pause one request tries the engine again.
 */
const state = remember("search-availability", () => ({ downUntil: 0, lastError: null as string | null }));

export function searchLooksDown(now = Date.now()): boolean {
  return now < state.downUntil;
}

export function reportSearchFailure(error: unknown, now = Date.now()) {
  state.downUntil = now + setting("SEARCH_RETRY_PAUSE_MS");
  state.lastError = String((error as Error)?.message ?? error);
}

export function reportSearchSuccess() {
  state.downUntil = 0;
  state.lastError = null;
}

export function lastSearchError() {
  return state.lastError;
}
