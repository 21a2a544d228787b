import type { Message } from "../message";

/** Notification preferences and one-click unsubscribe. */
export const vi = {
  "mail.unsubscribe": "Ngừng nhận loại thư này",
} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {
  "mail.unsubscribe": "Stop these e-mails",
};
