/** Conversations' kinds and addresses, shared by the pages and the models (docs/decisions/060). */

export const CONVERSATION_KINDS = ["match", "inquiry", "booking"] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

/** Where a member reads a conversation. */
export const conversationUrl = (id: string) => `/messages/${id}`;
