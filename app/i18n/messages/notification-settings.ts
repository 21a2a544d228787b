import type { Message } from "../message";

/** Notification preferences and one-click unsubscribe. */
export const vi = {} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {};
