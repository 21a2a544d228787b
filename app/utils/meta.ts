import { isLanguage, translator, type Language, type Translate } from "~/i18n/i18n";

type Matches = readonly { id: string; data?: unknown }[];
type MetaArgs = { matches: Matches; location: { pathname: string; search: string } };
type Text = string | ((t: Translate) => string);

/** The page's language, as the root loader decided it, for meta functions. */
export function languageOf(matches: Matches): Language {
  const lang = rootData(matches)?.lang;
  return isLanguage(lang) ? lang : "vi";
}

function rootData(matches: Matches) {
  return matches.find((match) => match.id === "root")?.data as { lang?: unknown; origin?: unknown } | undefined;
}

/**
 * Every page's head: "<page> · <site>" as its title, a description (the site's tagline
 * unless the page has its own), and the share metadata (Open Graph, Twitter card) that
 * chat apps and social networks show for a shared link, with absolute addresses built
 * from APP_URL (the root loader's `origin`).
 */
export function titled(args: MetaArgs, title: Text, options: { description?: Text | null } = {}) {
  const lang = languageOf(args.matches);
  const t = translator(lang);
  const text = (value: Text) => (typeof value === "function" ? value(t) : value);
  const site = t("site.name");
  const full = text(title);
  const page = full.length > 70 ? `${full.slice(0, 69).trimEnd()}…` : full;
  const description = (options.description ? text(options.description) : "").trim().slice(0, 300) || t("site.tagline");
  const originValue = rootData(args.matches)?.origin;
  const origin = typeof originValue === "string" ? originValue : "";
  return [
    // Search engines cut titles near 70 characters: a long page title goes without the site's name.
    { title: page === site || page.length + site.length + 3 > 70 ? page : `${page} · ${site}` },
    { name: "description", content: description },
    { property: "og:site_name", content: site },
    { property: "og:title", content: page },
    { property: "og:description", content: description },
    { property: "og:type", content: "website" },
    { property: "og:url", content: `${origin}${args.location.pathname}${args.location.search}` },
    { property: "og:image", content: `${origin}/og-image.png` },
    { property: "og:image:width", content: "1200" },
    { property: "og:image:height", content: "630" },
    { property: "og:image:alt", content: site },
    { property: "og:locale", content: lang === "vi" ? "vi_VN" : "en_US" },
    { name: "twitter:card", content: "summary_large_image" },
  ];
}
