import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLanguage } from "~/i18n/language.server";
import { calendarHeaders, publicEventFeed } from "~/models/event-calendar.server";

/** GET /events.ics: the public feed of upcoming published events (next 12 months, at most 500). */
export async function loader({ request }: LoaderFunctionArgs) {
  return new Response(await publicEventFeed(await getLanguage(request)), { headers: calendarHeaders() });
}
