/** Conversations' kinds and addresses, shared by the pages and the models (docs/decisions/060). */

/** A response's conversation becomes kind "match" when the response is accepted (docs/decisions/064). */
export const CONVERSATION_KINDS = ["response", "match", "inquiry", "booking", "meeting"] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

/** Where a member reads a conversation. */
export const conversationUrl = (id: string) => `/messages/${id}`;
