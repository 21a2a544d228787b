import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLanguage } from "~/i18n/i18n";
import { serializeLanguage } from "~/i18n/language.server";
import { readForm, safeRedirectPath } from "~/utils/misc";

/** POST /language: remembers the chosen language and goes back to the page. */
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const lang = form.get("lang");
  if (!isLanguage(lang)) {
    return new Response("Unknown language", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return redirect(safeRedirectPath(form.get("redirectTo")), {
    headers: { "Set-Cookie": await serializeLanguage(request, lang) },
  });
}
