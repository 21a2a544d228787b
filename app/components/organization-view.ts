import { pick, type Language } from "~/i18n/i18n";
import { shownTextKey } from "~/domain/organization-values";
import type { OrganizationCard } from "~/models/organization.server";
import type { OrganizationHitHighlights } from "~/utils/search-types";

/**
 * A result card as the page shows it, in one language: the server picks the
 * language and the highlighted variants, so the page's data stays small.
 */
export type OrganizationCardView = {
  slug: string;
  kind: string;
  /** Name in the page's language (else the other), with highlight markers when it matched */
  name: string;
  acronym: string | null;
  summary: string;
  district: string | null;
  verified: boolean;
  parent: string | null;
  fields: { slug: string; name: string }[];
};

/** A card as loaded on the server (a type-only import: nothing server-side reaches the browser). */
type CardSource = Omit<OrganizationCard, "id">;

const SUMMARY_LENGTH = 240;

export function toCardView(
  card: CardSource,
  lang: Language,
  highlights: OrganizationHitHighlights = {},
): OrganizationCardView {
  const nameKey = shownTextKey(card, "name", lang);
  const summaryKey = shownTextKey(card, "summary", lang);
  return {
    slug: card.slug,
    kind: card.kind,
    name: highlights[nameKey] ?? card[nameKey] ?? card.slug,
    acronym: highlights.acronym ?? card.acronym,
    summary: highlights[summaryKey] ?? shorten(card[summaryKey] ?? "", SUMMARY_LENGTH),
    district: card.district,
    verified: card.verified,
    parent: card.parent ? (card.parent.acronym ?? pick(lang, card.parent.nameVi, card.parent.nameEn)) : null,
    fields: card.fields.map((field) => ({ slug: field.slug, name: lang === "vi" ? field.nameVi : field.nameEn })),
  };
}

/** Cuts at a word boundary and adds an ellipsis. */
export function shorten(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(" ");
  return `${(space > length * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}
