import type { Message } from "../message";

/** Agreements: recording, confirming, the licensed mark. */
export const vi = {} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {};
