import type { Message } from "../message";

/** Events: list, page, form, review, registration, calendar. */
export const vi = {} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {};
