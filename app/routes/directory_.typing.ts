import type { LoaderFunctionArgs } from "@remix-run/node";
import { directoryPage } from "./__directory-data.server";

/**
 * The directory's answer to a keystroke, as JSON for its clientLoader: the
 * page's data without facet counts (one engine query), fetched again with
 * them once typing settles (docs/decisions/048). Not a page of its own.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { body, status } = await directoryPage(request, context, { facets: false });
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
