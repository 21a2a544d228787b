import type { Message } from "../message";

/** A response's conversation, a request's public questions, its confidential section. */
export const vi = {
  "conversations.kind.response": "Đề xuất",
} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {
  "conversations.kind.response": "Proposal",
};
