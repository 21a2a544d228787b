import type { Prisma } from "~/generated/prisma/client";
import { HIDE_AFTER_STALE_DAYS, RECONFIRM_AFTER_DAYS } from "~/domain/offer-values";
import { prisma } from "~/db/client.server";
import { notify } from "./notification.server";
import { write } from "./write.server";

/**
 * The yearly reconfirmation of expertise profiles, on the offers' clock
 * (docs/decisions/051, 071): a published profile nobody updated or confirmed
 * for RECONFIRM_AFTER_DAYS is marked stale and its researcher asked, once, to
 * confirm it; one still stale HIDE_AFTER_STALE_DAYS later is hidden from
 * search, the API and matching until they confirm or edit it. A profile's
 * clock starts from its last update when it was never confirmed, so the first
 * run after the upgrade marks old profiles stale and hides none.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
export const CONFIRM_URL = "/me/profile#confirm-profile";

/** What confirming (or editing) a profile writes: the clock restarts, the profile shows again. */
export function confirmedNow(now: Date) {
  return { confirmedAt: now, staleSince: null, hiddenAt: null } satisfies Prisma.ExpertProfileUpdateInput;
}

export async function runProfileClock(now = new Date()) {
  const staleCutoff = new Date(now.getTime() - RECONFIRM_AFTER_DAYS * DAY_MS);
  const hideCutoff = new Date(now.getTime() - HIDE_AFTER_STALE_DAYS * DAY_MS);
  const marked = await clockStep(
    {
      staleSince: null,
      updatedAt: { lt: staleCutoff },
      OR: [{ confirmedAt: null }, { confirmedAt: { lt: staleCutoff } }],
    },
    { staleSince: now },
    "notify.profileStale",
  );
  const hidden = await clockStep(
    { hiddenAt: null, staleSince: { lt: hideCutoff } },
    { hiddenAt: now },
    "notify.profileHidden",
  );
  return { marked, hidden };
}

async function clockStep(
  condition: Prisma.ExpertProfileWhereInput,
  data: Prisma.ExpertProfileUpdateManyMutationInput,
  key: "notify.profileStale" | "notify.profileHidden",
) {
  const where = { status: "published", ...condition };
  const due = await prisma.expertProfile.findMany({
    where,
    select: { id: true, userId: true, updatedAt: true },
    take: 500,
  });
  for (const profile of due) {
    await write(async (tx, effects) => {
      // The same condition again: a profile confirmed meanwhile is left alone. The clock's
      // step is not an edit, so the profile's last-change time stays (Prisma would stamp it).
      const { count } = await tx.expertProfile.updateMany({
        where: { id: profile.id, ...where },
        data: { ...data, updatedAt: profile.updatedAt },
      });
      if (count === 0) return;
      await notify(
        {
          userId: profile.userId,
          type: "review",
          key,
          url: CONFIRM_URL,
          mail: { action: "mail.action.confirmProfile" },
        },
        tx,
        effects,
      );
      // A hidden profile leaves the engine (and with it matching); a stale one stays.
      if (data.hiddenAt) await effects.reindex("expert", [profile.id]);
    });
  }
  return due.length;
}

/** The researcher says the profile is still accurate. False when they have no published profile. */
export async function confirmProfile(userId: string, now = new Date()): Promise<boolean> {
  return write(async (tx, effects) => {
    const profile = await tx.expertProfile.findUnique({
      where: { userId },
      select: { id: true, status: true, hiddenAt: true },
    });
    if (!profile || profile.status !== "published") return false;
    await tx.expertProfile.update({ where: { id: profile.id }, data: confirmedNow(now) });
    if (profile.hiddenAt) {
      await effects.reindex("expert", [profile.id]);
      await effects.enqueue("recompute-matches-for-expert", { expertId: profile.id });
    }
    return true;
  });
}
