import type { Message } from "../message";

/** Meetings at events: who is coming, requests, agenda, outcomes. */
export const vi = {} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {};
