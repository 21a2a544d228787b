import type { Message } from "../message";

/** Importing publications (BibTeX, RIS) and the ORCID iD. */
export const vi = {} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {};
