/**
 * How a member hears of each kind of notification (docs/decisions/068). Stored per kind in
 * NotificationPreference; a kind without a row uses DEFAULT_CHANNEL.
 * - email: in the portal and by e-mail at once
 * - in_app: in the portal only
 * - digest: in the portal now, by e-mail in the weekly digest
 * - off: not at all
 */
export const CHANNELS = ["email", "in_app", "digest", "off"] as const;
export type Channel = (typeof CHANNELS)[number];
export const DEFAULT_CHANNEL: Channel = "email";

/** The kinds of notification (Notification.type). */
export const NOTIFICATION_TYPES = [
  "suggestion",
  "invitation",
  "response",
  "status",
  "message",
  "review",
  "claim",
  "alert",
  "event",
  "meeting",
  "agreement",
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** The kinds a member chooses for, in the order the settings page lists them. */
export const PREFERENCE_TYPES = [
  "suggestion",
  "invitation",
  "response",
  "message",
  "status",
  "review",
  "claim",
  "alert",
  "event",
  "meeting",
  "agreement",
] as const satisfies readonly NotificationType[];

export const isNotificationType = (value: unknown): value is NotificationType =>
  NOTIFICATION_TYPES.includes(value as NotificationType);

export const isChannel = (value: unknown): value is Channel => CHANNELS.includes(value as Channel);

/** What an unsubscribe link stops: one kind of notification, one saved search's alerts, or the weekly digest. */
export type UnsubscribeScope =
  { kind: "type"; type: NotificationType } | { kind: "search"; id: string } | { kind: "digest" };
