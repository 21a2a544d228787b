import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { isLanguage, translator, type Language } from "~/i18n/i18n";
import { getLanguage } from "~/utils/language.server";
import { cx } from "~/utils/misc";
import { useNonce } from "~/utils/nonce";
import stylesheet from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** The default title; routes replace it with their own. */
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: translator(isLanguage(data?.lang) ? data.lang : "vi")("site.name") },
];

/**
 * The root's data (the language) changes only through a form post or a new
 * page: searching as you type on the directory does not reload it, which
 * spares every keystroke's request a loader.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, currentUrl, nextUrl, defaultShouldRevalidate }) => {
  if (formMethod && formMethod !== "GET") return defaultShouldRevalidate;
  return currentUrl.pathname !== nextUrl.pathname && defaultShouldRevalidate;
};

export async function loader({ request }: LoaderFunctionArgs) {
  return { lang: await getLanguage(request) };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const lang: Language = isLanguage(data?.lang) ? data.lang : "vi";
  return (
    <html lang={lang} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#174c99" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-full flex-col">
        <SiteHeader lang={lang} />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
          {children}
        </main>
        <SiteFooter lang={lang} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

function SiteHeader({ lang }: { lang: Language }) {
  const t = translator(lang);
  const navClass = ({ isActive }: { isActive: boolean }) =>
    cx(
      "rounded-md px-3 py-2 text-sm font-medium",
      isActive ? "bg-brand-700 text-white" : "text-brand-800 hover:bg-brand-50",
    );
  return (
    <header className="border-b border-slate-200 bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("nav.skip")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link to="/" className="flex items-center gap-2 text-brand-800">
          <span aria-hidden className="grid size-9 place-items-center rounded-lg bg-brand-700 text-sm font-bold text-white">
            {t("site.shortName")}
          </span>
          <span className="text-base font-semibold leading-tight sm:text-lg">{t("site.name")}</span>
        </Link>
        <div className="flex items-center gap-2">
          <nav aria-label={t("nav.main")} className="flex items-center gap-1">
            <NavLink to="/directory" className={navClass}>
              {t("nav.directory")}
            </NavLink>
          </nav>
          <LanguageSwitch lang={lang} />
        </div>
      </div>
    </header>
  );
}

function LanguageSwitch({ lang }: { lang: Language }) {
  const t = translator(lang);
  const location = useLocation();
  const other: Language = lang === "vi" ? "en" : "vi";
  return (
    <Form method="post" action="/language" replace preventScrollReset>
      <input type="hidden" name="lang" value={other} />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <button
        type="submit"
        className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
      >
        {/* The accessible name says what the button does and still contains the visible word. */}
        <span className="sr-only">{t("lang.switchLabel")}: </span>
        <span lang={other}>{t("lang.switchTo")}</span>
      </button>
    </Form>
  );
}

function SiteFooter({ lang }: { lang: Language }) {
  const t = translator(lang);
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl space-y-1 px-4 py-6 text-sm text-slate-600 sm:px-6">
        <p>{t("footer.about")}</p>
        <p>{t("footer.data")}</p>
      </div>
    </footer>
  );
}

