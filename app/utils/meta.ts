import { isLanguage, translator, type Language, type Translate } from "~/i18n/i18n";

type Matches = readonly { id: string; data?: unknown }[];

/** The page's language, as the root loader decided it, for meta functions. */
export function languageOf(matches: Matches): Language {
  const lang = (matches.find((match) => match.id === "root")?.data as { lang?: unknown } | undefined)?.lang;
  return isLanguage(lang) ? lang : "vi";
}

/** `[{ title: "<page> · <site>" }]` in the page's language. */
export function titled(matches: Matches, title: (t: Translate) => string) {
  const t = translator(languageOf(matches));
  return [{ title: `${title(t)} · ${t("site.name")}` }];
}
