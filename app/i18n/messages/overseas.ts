import type { Message } from "../message";

/** Overseas experts: the profile's section, the facet and the network page. */
export const vi = {} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {};
