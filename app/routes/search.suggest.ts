import type { LoaderFunctionArgs } from "@remix-run/node";
import { translator } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { searchSuggestions } from "~/models/search-help.server";
import { MAX_QUERY_LENGTH } from "~/utils/listing-query";

/**
 * The suggestions under the list pages' search box, as JSON: a few organizations
 * and fields for what is typed so far (app/components/list-search.tsx); with
 * `list=offers` (the /offers box), offers too.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  const params = new URL(request.url).searchParams;
  const q = params.get("q") ?? "";
  if (q.length > MAX_QUERY_LENGTH) {
    const error = translator(lang)("error.q.tooLong", { max: MAX_QUERY_LENGTH });
    return Response.json({ error }, { status: 400 });
  }
  return Response.json(await searchSuggestions(q, lang, params.get("list") === "offers" ? "offers" : null));
}
