import type { Message } from "../message";

/** Requests suggested to a researcher, "not for me", invitations with a note. */
export const vi = {} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {};
