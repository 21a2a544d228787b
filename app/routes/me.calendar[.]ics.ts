import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/auth.server";
import { getLanguage } from "~/i18n/language.server";
import { calendarHeaders, personalCalendar } from "~/models/event-calendar.server";

/** GET /me/calendar.ics: the signed-in member's events and meetings, as a download. */
export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const body = await personalCalendar(user.id, await getLanguage(args.request));
  return new Response(body, { headers: calendarHeaders({ filename: "my-calendar.ics", private: true }) });
}
