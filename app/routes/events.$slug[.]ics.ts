import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLanguage } from "~/i18n/language.server";
import { calendarHeaders, singleEventCalendar } from "~/models/event-calendar.server";

/** GET /events/:slug.ics: one published event as an iCalendar file (a cancelled one says so); 404 for others. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const calendar = await singleEventCalendar(params.slug ?? "", await getLanguage(request));
  if (!calendar) throw new Response("Not found", { status: 404 });
  return new Response(calendar.body, { headers: calendarHeaders({ filename: calendar.filename }) });
}
