import { prisma } from "~/db/client.server";
import {
  DEFAULT_CHANNEL,
  isChannel,
  PREFERENCE_TYPES,
  type Channel,
  type NotificationType,
  type UnsubscribeScope,
} from "~/domain/notification-preferences";
import { readUnsubscribeToken } from "./unsubscribe.server";
import { write } from "./write.server";

/**
 * How a member hears of each kind of notification, and what an unsubscribe link stops
 * (docs/decisions/069). notify() (notification.server.ts) reads the channel itself.
 */

export type NotificationSettings = {
  channels: Record<(typeof PREFERENCE_TYPES)[number], Channel>;
  weeklyDigest: boolean;
};

export async function notificationSettings(userId: string): Promise<NotificationSettings> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { weeklyDigest: true, notificationPrefs: { select: { type: true, channel: true } } },
  });
  const stored = new Map(user.notificationPrefs.map((row) => [row.type, row.channel]));
  const channels = Object.fromEntries(
    PREFERENCE_TYPES.map((type) => {
      const channel = stored.get(type);
      return [type, isChannel(channel) ? channel : DEFAULT_CHANNEL];
    }),
  ) as NotificationSettings["channels"];
  return { channels, weeklyDigest: user.weeklyDigest };
}

/** Saves every kind's channel at once; the default is stored as no row. */
export async function saveNotificationSettings(userId: string, settings: NotificationSettings) {
  await write(async (tx) => {
    for (const type of PREFERENCE_TYPES) {
      const channel = settings.channels[type];
      if (channel === DEFAULT_CHANNEL) {
        await tx.notificationPreference.deleteMany({ where: { userId, type } });
      } else {
        await tx.notificationPreference.upsert({
          where: { userId_type: { userId, type } },
          create: { userId, type, channel },
          update: { channel },
        });
      }
    }
    await tx.user.update({ where: { id: userId }, data: { weeklyDigest: settings.weeklyDigest } });
  });
}

/** What a link stops, for its page: null when the token is bad or names nothing that exists. */
export type UnsubscribeTarget =
  { kind: "type"; type: NotificationType } | { kind: "search"; label: string } | { kind: "digest" };

/** The recipient and scope of a link whose recipient still exists. */
async function resolve(token: string): Promise<{ userId: string; scope: UnsubscribeScope } | null> {
  const read = await readUnsubscribeToken(token);
  if (!read) return null;
  const user = await prisma.user.findUnique({ where: { id: read.userId }, select: { id: true } });
  return user ? read : null;
}

async function targetOf({ userId, scope }: { userId: string; scope: UnsubscribeScope }): Promise<UnsubscribeTarget> {
  if (scope.kind !== "search") return scope;
  const search = await prisma.savedSearch.findFirst({ where: { id: scope.id, userId }, select: { label: true } });
  // Already removed: the page still answers, as a second click must not fail.
  return { kind: "search", label: search?.label ?? "" };
}

export async function describeUnsubscribe(token: string): Promise<UnsubscribeTarget | null> {
  const read = await resolve(token);
  return read ? targetOf(read) : null;
}

/**
 * Applies a link (its POST, from the page or a mail client's one-click): mail of that kind
 * stops, the portal still shows it. Only the token's own recipient is touched. Idempotent.
 */
export async function applyUnsubscribe(token: string): Promise<UnsubscribeTarget | null> {
  const read = await resolve(token);
  if (!read) return null;
  const target = await targetOf(read);
  const { userId, scope } = read;
  await write(async (tx) => {
    if (scope.kind === "type") {
      // email or digest → in_app; off stays off.
      const where = { userId_type: { userId, type: scope.type } };
      const current = await tx.notificationPreference.findUnique({ where, select: { channel: true } });
      if (current?.channel === "off" || current?.channel === "in_app") return;
      await tx.notificationPreference.upsert({
        where,
        create: { userId, type: scope.type, channel: "in_app" },
        update: { channel: "in_app" },
      });
    } else if (scope.kind === "digest") {
      await tx.user.update({ where: { id: userId }, data: { weeklyDigest: false } });
    } else {
      await tx.savedSearch.deleteMany({ where: { id: scope.id, userId } });
    }
  });
  return target;
}
