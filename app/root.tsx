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
import { Button } from "~/components/ui/button";
import { LogoMark } from "~/components/ui/logo";
import { isLanguage, translator, type Language } from "~/i18n/i18n";
import { countUnread } from "~/models/notification.server";
import { countUnreadConversations } from "~/models/conversation.server";
import { getUser } from "~/auth/auth.server";
import { appUrl } from "~/config/app-url.server";
import { getLanguage } from "~/i18n/language.server";
import { operator as operatorOf, type Operator } from "~/config/operator.server";
import { isOfficial } from "~/auth/permissions";
import type { RootUser } from "~/auth/user";
import { cx } from "~/utils/misc";
import { titled } from "~/utils/meta";
import { useNonce } from "~/utils/nonce";
import stylesheet from "./styles/app.css?url";
import { setting } from "~/config/env.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** The default head (the site's name, tagline and share metadata); routes replace it with their own. */
export const meta: MetaFunction<typeof loader> = (args) => titled(args, (t) => t("site.name"));

/**
 * The root's data (the language) changes only through a form post or a new
 * page: searching as you type on the directory does not reload it, which
 * spares every keystroke's request a loader.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formMethod,
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}) => {
  if (formMethod && formMethod !== "GET") return defaultShouldRevalidate;
  return currentUrl.pathname !== nextUrl.pathname && defaultShouldRevalidate;
};

export async function loader(args: LoaderFunctionArgs) {
  const user = getUser(args);
  const lang = await getLanguage(args.request);
  return {
    lang,
    operator: operatorOf(lang),
    // `npm run demo`: every page says it is a demonstration (scripts/demo.ts).
    demo: setting("PORTAL_DEMO"),
    // Alternate-language links are absolute, built from APP_URL, never from the request's Host.
    origin: appUrl(),
    user: user ? { id: user.id, name: user.name, role: user.role, accountType: user.accountType } : null,
    unread: user ? await countUnread(user.id) : 0,
    unreadConversations: user ? await countUnreadConversations(user.id) : 0,
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const lang: Language = isLanguage(data?.lang) ? data.lang : "vi";
  const user = data?.user ?? null;
  const unread = data?.unread ?? 0;
  const unreadConversations = data?.unreadConversations ?? 0;
  return (
    <html lang={lang} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#174c99" />
        <Meta />
        <Links />
        <AlternateLanguages origin={data?.origin ?? ""} />
      </head>
      <body className="flex min-h-full flex-col">
        {data?.demo ? (
          <p role="note" className="bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-900">
            {translator(lang)("demo.banner")}
          </p>
        ) : null}
        <SiteHeader lang={lang} user={user} unread={unread} unreadConversations={unreadConversations} />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
          {children}
        </main>
        <SiteFooter lang={lang} operator={data?.operator ?? null} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** The same page in each language, for search engines and for sharing. */
function AlternateLanguages({ origin }: { origin: string }) {
  const location = useLocation();
  const href = (lang: Language) => {
    const params = new URLSearchParams(location.search);
    params.set("lang", lang);
    return `${origin}${location.pathname}?${params}`;
  };
  return (
    <>
      <link rel="alternate" hrefLang="vi" href={href("vi")} />
      <link rel="alternate" hrefLang="en" href={href("en")} />
    </>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

function SiteHeader({
  lang,
  user,
  unread,
  unreadConversations,
}: {
  lang: Language;
  user: RootUser | null;
  unread: number;
  unreadConversations: number;
}) {
  const t = translator(lang);
  // A new page closes the phone menu: <details> would otherwise stay open over it.
  const { pathname, search } = useLocation();
  const navClass = ({ isActive }: { isActive: boolean }) =>
    cx(
      "block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium xl:px-2.5",
      isActive ? "bg-brand-700 text-white" : "text-brand-800 hover:bg-brand-50",
    );
  // A count beside a link (unread notifications, unread conversations), read out in words.
  const countBadge = (count: number, words: string, className?: string) =>
    count > 0 ? (
      <span className={cx("rounded-full bg-accent-500 px-1.5 py-0.5 text-xs text-white", className)}>
        <span aria-hidden>{count}</span>
        <span className="sr-only">{words}</span>
      </span>
    ) : null;
  const badge = (className?: string) => countBadge(unread, t("nav.unread", { count: unread }), className);
  const messagesBadge = countBadge(
    unreadConversations,
    t("nav.unreadConversations", { count: unreadConversations }),
    "ml-1",
  );
  const links = (
    <>
      <NavLink to="/directory" className={navClass}>
        {t("nav.directory")}
      </NavLink>
      <NavLink to="/experts" className={navClass}>
        {t("nav.experts")}
      </NavLink>
      <NavLink to="/requests" className={navClass}>
        {t("nav.requests")}
      </NavLink>
      <NavLink to="/offers" className={navClass}>
        {t("nav.offers")}
      </NavLink>
      <NavLink to="/events" className={navClass}>
        {t("nav.events")}
      </NavLink>
      <NavLink to="/ecosystem" className={navClass}>
        {t("nav.ecosystem")}
      </NavLink>
      {isOfficial(user) ? (
        <NavLink to="/admin" className={navClass}>
          {t("nav.admin")}
        </NavLink>
      ) : null}
    </>
  );
  const accountLinks = user ? (
    <>
      <NavLink to="/messages" className={navClass}>
        {t("nav.messages")}
        {messagesBadge}
      </NavLink>
      <NavLink to="/notifications" className={navClass}>
        {t("nav.notifications")}
        {badge("ml-1")}
      </NavLink>
      <NavLink to="/account" className={navClass}>
        {t("nav.account")}
      </NavLink>
      <Form method="post" action="/logout">
        <Button type="submit" variant="quiet" size="nav" className="w-full text-left whitespace-nowrap">
          {t("nav.signOut")}
        </Button>
      </Form>
    </>
  ) : (
    <>
      <NavLink to="/login" className={navClass}>
        {t("nav.signIn")}
      </NavLink>
      <NavLink to="/signup" className={navClass}>
        {t("nav.signUp")}
      </NavLink>
    </>
  );
  return (
    // `relative`: the phone menu opens below the whole header, across the full width.
    <header className="relative border-b border-slate-200 bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("nav.skip")}
      </a>
      {/* One row at every width: the name may take two short lines beside the mark on a phone. */}
      <div className="mx-auto flex max-w-7xl items-center justify-between gap-3 px-4 py-2 sm:px-6 sm:py-3">
        <Link to="/" className="flex min-w-0 items-center gap-2 text-brand-800">
          <LogoMark className="size-9 shrink-0" />
          {/* Signed in, the desktop row's links leave the name no room (the page is at most 1280 px
              wide): the mark alone stands for it there, still the link's name for screen readers. */}
          <span className={cx("text-sm font-semibold leading-tight sm:text-lg", user && "xl:sr-only")}>
            {t("site.name")}
          </span>
        </Link>
        <div className="hidden items-center gap-1 xl:flex">
          <nav aria-label={t("nav.main")} className="flex items-center gap-1">
            {links}
            {accountLinks}
          </nav>
          <LanguageSwitch lang={lang} />
        </div>
        {/* Below 1280 px (nine links do not fit beside the name) the same links fold into a full-width menu that opens without JavaScript. */}
        <details key={pathname + search} className="shrink-0 xl:hidden">
          <summary className="flex cursor-pointer list-none items-center gap-1 rounded-md border border-slate-300 px-3 py-2 text-sm font-medium">
            {t("nav.menu")}
            {badge()}
          </summary>
          <nav
            aria-label={t("nav.menu")}
            className="absolute inset-x-0 top-full z-40 space-y-1 border-b border-slate-200 bg-white px-4 py-3 shadow-lg sm:px-6"
          >
            {links}
            {accountLinks}
            <LanguageSwitch lang={lang} />
          </nav>
        </details>
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
      <input type="hidden" name="redirectTo" value={withoutLanguageParam(location.pathname, location.search)} />
      <Button type="submit" variant="secondary" size="nav" className="whitespace-nowrap">
        {/* The accessible name says what the button does and still contains the visible word. */}
        <span className="sr-only">{t("lang.switchLabel")}: </span>
        <span lang={other}>{t("lang.switchTo")}</span>
      </Button>
    </Form>
  );
}

/** The current address without `?lang=`, which would override the new choice. */
function withoutLanguageParam(pathname: string, search: string) {
  const params = new URLSearchParams(search);
  params.delete("lang");
  const rest = params.toString();
  return rest ? `${pathname}?${rest}` : pathname;
}

function SiteFooter({ lang, operator }: { lang: Language; operator: Operator | null }) {
  const t = translator(lang);
  const link = "text-brand-700 underline hover:text-brand-800";
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl space-y-3 px-4 py-6 text-sm text-slate-600 sm:px-6">
        <p>{t("footer.about")}</p>
        {operator ? (
          <p>
            {t("footer.operator", { name: operator.name })}
            {operator.website || operator.contactEmail ? " · " : null}
            {operator.contactEmail ? (
              <a className={link} href={`mailto:${operator.contactEmail}`}>
                {operator.contactEmail}
              </a>
            ) : operator.website ? (
              <a className={link} href={operator.website} rel="noopener">
                {t("footer.contact")}
              </a>
            ) : null}
          </p>
        ) : null}
        <nav aria-label={t("footer.nav")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            <li>
              <Link className={link} to="/terms">
                {t("footer.terms")}
              </Link>
            </li>
            <li>
              <Link className={link} to="/privacy">
                {t("footer.privacy")}
              </Link>
            </li>
            <li>
              <a className={link} href="/export/organizations.csv">
                {t("footer.openData")}
              </a>
            </li>
            <li>
              <a className={link} href="/export/offers.csv">
                {t("offerSearch.openData")}
              </a>
            </li>
          </ul>
        </nav>
        <p>{t("footer.data")}</p>
        <p>{t("footer.license")}</p>
      </div>
    </footer>
  );
}
