import { isLanguage } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { prisma } from "~/db/client.server";
import { notificationMail, type NotificationMailExtra } from "~/mail/templates.server";
import { queueMail } from "./mail.server";
import type { Effects, Tx } from "./write.server";
import { DEFAULT_CHANNEL, isChannel, type NotificationType } from "~/domain/notification-preferences";
import { unsubscribeHeaders, unsubscribeUrl } from "./unsubscribe.server";

export type { NotificationType };

/**
 * In-app notifications, each optionally doubled by an e-mail in the user's
 * language. Written in the transaction of the change they tell about.
 */

export type NotificationData = { key: MessageKey; params: Record<string, string | number> };

export async function notify(
  notification: {
    userId: string;
    type: NotificationType;
    key: MessageKey;
    params?: Record<string, string | number>;
    url: string;
    email?: boolean;
    /** What the e-mail shows beyond the line: the words that matter, the button's label. */
    mail?: NotificationMailExtra;
  },
  tx: Tx,
  effects: Effects,
) {
  // The member's channel for this kind comes with the user row: one read inside the caller's transaction.
  const user = await tx.user.findUniqueOrThrow({
    where: { id: notification.userId },
    select: {
      email: true,
      name: true,
      locale: true,
      notificationPrefs: { where: { type: notification.type }, select: { channel: true } },
    },
  });
  const stored = user.notificationPrefs[0]?.channel;
  const channel = isChannel(stored) ? stored : DEFAULT_CHANNEL;
  if (channel === "off") return;
  const data: NotificationData = { key: notification.key, params: notification.params ?? {} };
  await tx.notification.create({
    data: { userId: notification.userId, type: notification.type, data: JSON.stringify(data), url: notification.url },
  });
  // in_app and digest: the portal only now (the digest, built elsewhere, mails it later).
  if (notification.email === false || channel !== "email") return;
  const to = { name: user.name, lang: isLanguage(user.locale) ? user.locale : ("vi" as const) };
  const scope = { kind: "type", type: notification.type } as const;
  const content = notificationMail(to, {
    ...data,
    url: notification.url,
    mail: notification.mail,
    unsubscribe: await unsubscribeUrl(notification.userId, scope, tx),
  });
  await queueMail(
    { to: user.email, headers: await unsubscribeHeaders(notification.userId, scope, tx), ...content },
    tx,
    effects,
  );
}

/** Tells every curator and admin that something waits for review. */
export async function notifyOfficials(
  notification: {
    type: NotificationType;
    key: MessageKey;
    params?: Record<string, string | number>;
    url: string;
    mail?: NotificationMailExtra;
  },
  tx: Tx,
  effects: Effects,
) {
  const officials = await tx.user.findMany({ where: { role: { in: ["curator", "admin"] } }, select: { id: true } });
  for (const official of officials) await notify({ ...notification, userId: official.id }, tx, effects);
}

export async function listNotifications(userId: string, options: { take?: number } = {}) {
  const rows = await prisma.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: options.take ?? 50,
  });
  return rows.map((row) => ({ ...row, data: JSON.parse(row.data) as NotificationData }));
}

export function countUnread(userId: string) {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

export async function markRead(userId: string, ids?: string[]) {
  await prisma.notification.updateMany({
    where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
}
