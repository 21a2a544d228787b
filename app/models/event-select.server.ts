import type { Prisma } from "~/generated/prisma/client";

/**
 * The columns every event-centred page reads of its event (registration, meetings, calendar):
 * each module spreads this and adds its own. It sits apart from event.server.ts because that
 * module imports event-registration.server.ts, which builds its select from this one at load
 * time: a shared select there would be read before it exists.
 */
export const eventBaseSelect = {
  id: true,
  slug: true,
  titleVi: true,
  titleEn: true,
  startsAt: true,
  endsAt: true,
  status: true,
} as const satisfies Prisma.EventSelect;
