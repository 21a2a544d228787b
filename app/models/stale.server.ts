import { pick } from "~/i18n/i18n";
import { prisma } from "~/db/client.server";
import { notify } from "./notification.server";
import { write } from "./write.server";

/**
 * Listings nobody has updated or confirmed for 12 months are flagged stale,
 * and their managers are asked (once) to confirm or correct them. A
 * confirmation, an approved edit or an official's edit clears the flag.
 */
export const STALE_AFTER_MS = 365 * 24 * 60 * 60 * 1000;

/** What the clock and the console read of a listing: its names, and its last edit, which the flag keeps. */
const LISTING = { id: true, slug: true, nameVi: true, nameEn: true, updatedAt: true } as const;

export async function flagStaleListings(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - STALE_AFTER_MS);
  const stale = await prisma.organization.findMany({
    where: {
      status: "published",
      staleSince: null,
      updatedAt: { lt: cutoff },
      OR: [{ confirmedAt: null }, { confirmedAt: { lt: cutoff } }],
    },
    select: { ...LISTING, managers: { select: { userId: true } } },
    take: 500,
  });
  for (const organization of stale) {
    await write(async (tx, effects) => {
      // updateMany with the same condition: a listing confirmed meanwhile is left alone.
      const { count } = await tx.organization.updateMany({
        where: { id: organization.id, staleSince: null },
        // The flag is not an edit: Prisma would stamp updatedAt, which the listing's page shows
        // as its last update and this clock reads (a request's and a profile's clocks do the same).
        data: { staleSince: now, updatedAt: organization.updatedAt },
      });
      if (count === 0) return;
      for (const manager of organization.managers) {
        await notify(
          {
            userId: manager.userId,
            type: "review",
            key: "notify.listingStale",
            params: { organization: pick("vi", organization.nameVi, organization.nameEn) },
            url: `/organizations/${organization.slug}/edit`,
          },
          tx,
          effects,
        );
      }
    });
  }
  return stale.length;
}

export function staleListings(take = 50) {
  return prisma.organization.findMany({
    where: { status: "published", staleSince: { not: null } },
    orderBy: { staleSince: "asc" },
    take,
    select: {
      ...LISTING,
      confirmedAt: true,
      staleSince: true,
      _count: { select: { managers: true } },
    },
  });
}
