import type { Message } from "../message";

/** Verified affiliations and the yearly reconfirmation of profiles. */
export const vi = {} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {};
