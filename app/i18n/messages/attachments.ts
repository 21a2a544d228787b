import type { Message } from "../message";

/** Messages: times, live updates, attachments, older messages. */
export const vi = {} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {};
