import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarHeaders, personalFeed } from "~/models/event-calendar.server";

/**
 * GET /calendar/:token.ics: a member's personal feed, read by calendar apps without cookies. The
 * token names the member and is signed with the portal's key; anything else is 404.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const body = await personalFeed(params.token ?? "");
  if (body === null) throw new Response("Not found", { status: 404 });
  return new Response(body, { headers: calendarHeaders({ private: true }) });
}
