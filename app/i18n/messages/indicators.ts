import type { Message } from "../message";

/** Officials' indicators (PII) and the public ecosystem's programme counts. */
export const vi = {} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {};
