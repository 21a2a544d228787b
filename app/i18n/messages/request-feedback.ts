import type { Message } from "../message";

/** Deadline and feedback reminders, where a response stands, both sides' figures, public agencies. */
export const vi = {} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {};
