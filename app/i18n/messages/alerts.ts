import type { Message } from "../message";

/** Saved searches, alerts, the weekly digest. */
export const vi = {} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {};
