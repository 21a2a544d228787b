import { z } from "zod";
import { CHANNELS, PREFERENCE_TYPES } from "~/domain/notification-preferences";
import { oneOf } from "./common";

/** The notification settings form: one channel per kind, and the weekly digest on or off. */
export const NotificationSettingsSchema = z.object({
  ...(Object.fromEntries(PREFERENCE_TYPES.map((type) => [type, oneOf(CHANNELS)])) as Record<
    (typeof PREFERENCE_TYPES)[number],
    ReturnType<typeof oneOf<(typeof CHANNELS)[number]>>
  >),
  // A checkbox: sent as "on" when ticked, absent otherwise.
  weeklyDigest: z.literal("on").optional(),
});
