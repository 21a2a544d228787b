import type { Language } from "~/i18n/i18n";
import { getPublishedExpertCards } from "~/models/expert.server";
import { searchListingPage } from "~/models/listing-page.server";

/**
 * The experts list's page of results for a URL: the search, its facets and the cards with their
 * highlights. Shared by /experts and /experts/overseas (the same list, limited to those abroad).
 */
export async function expertsListData(url: URL, lang: Language) {
  const { ids, highlights, extra, ...found } = await searchListingPage("experts", url, lang);
  const cards = await getPublishedExpertCards(ids);
  return {
    ...found,
    offers: extra,
    experts: cards.map((card) => ({ ...card, highlights: highlights.get(card.id) })),
  };
}
