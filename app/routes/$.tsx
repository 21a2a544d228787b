import type { MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { isLanguage, translator } from "~/i18n/i18n";

export const meta: MetaFunction = ({ matches }) => {
  const lang = (matches.find((match) => match.id === "root")?.data as { lang?: string } | undefined)?.lang;
  const t = translator(isLanguage(lang) ? lang : "vi");
  return [{ title: `${t("error.404")} · ${t("site.name")}` }];
};

/** Every URL no other route claims: a 404 page, inside the site's layout. */
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export async function action() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
