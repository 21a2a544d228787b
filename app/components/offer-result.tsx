import { Link } from "@remix-run/react";
import { pick, useLanguage, useT, type Language } from "~/i18n/i18n";
import {
  ACCESS_MODE_LABELS,
  IP_STATUS_LABELS,
  OFFER_TYPE_LABELS,
  PRICE_MODE_LABELS,
  type AccessMode,
  type IpStatus,
  type OfferType,
  type PriceMode,
} from "~/domain/offer-values";
import { Highlight } from "./highlight";
import { OfferThumbnail, type Thumbnail } from "./offer-thumbnail";
import { Badge } from "./ui/badge";

export type OfferResultView = {
  id: string;
  type: string;
  nameVi: string | null;
  nameEn: string | null;
  descriptionVi: string | null;
  descriptionEn: string | null;
  priceMode: string;
  accessMode: string | null;
  trl: number | null;
  ipStatus: string | null;
  fromPublicSource: boolean;
  stale: boolean;
  organization: { slug: string; nameVi: string | null; nameEn: string | null; acronym: string | null } | null;
  ownerExpert: { slug: string; fullName: string } | null;
  fields: { slug: string; nameVi: string; nameEn: string }[];
  highlights?: Record<string, string>;
  /** An instrument's first photo. */
  thumbnail?: Thumbnail | null;
};

/** A service, instrument or technology in a list: name, type, owner, fields and the type's key facts. */
export function OfferResult({ offer }: { offer: OfferResultView }) {
  const lang = useLanguage();
  const t = useT();
  // The name in the page's language, else the other: its highlight with it.
  const [nameKey, otherKey] = lang === "vi" ? (["nameVi", "nameEn"] as const) : (["nameEn", "nameVi"] as const);
  const name = pick(lang, offer.nameVi, offer.nameEn);
  const description = pick(lang, offer.descriptionVi, offer.descriptionEn);
  const descriptionKey = lang === "vi" ? "descriptionVi" : "descriptionEn";
  const owner = offerOwner(offer, lang);
  // The facts that tell one type's offers apart.
  const facts = [
    offer.type === "service" ? PRICE_MODE_LABELS[offer.priceMode as PriceMode]?.[lang] : null,
    offer.accessMode ? ACCESS_MODE_LABELS[offer.accessMode as AccessMode]?.[lang] : null,
    offer.trl ? t("offerSearch.trl", { trl: offer.trl }) : null,
    offer.ipStatus ? IP_STATUS_LABELS[offer.ipStatus as IpStatus]?.[lang] : null,
  ].filter((fact): fact is string => Boolean(fact));
  return (
    <article className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm [overflow-wrap:anywhere] sm:p-5">
      {offer.thumbnail ? <OfferThumbnail photo={offer.thumbnail} className="float-right mb-2 ml-3 h-18 w-24" /> : null}
      <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase">
        {OFFER_TYPE_LABELS[offer.type as OfferType]?.[lang] ?? offer.type}
      </p>
      <h2 className="text-lg font-semibold">
        <Link to={`/offers/${offer.id}`} className="hover:text-brand-700 hover:underline">
          <Highlight text={offer.highlights?.[offer[nameKey] ? nameKey : otherKey]} fallback={name} />
        </Link>
      </h2>
      {owner ? (
        <p className="text-sm text-slate-600">
          {t("offerSearch.owner")}:{" "}
          <Link to={owner.to} className="text-brand-700 underline">
            {owner.name}
          </Link>
        </p>
      ) : null}
      {description ? (
        <p className="mt-2 text-sm leading-relaxed text-slate-700">
          <Highlight
            text={offer.highlights?.[descriptionKey]}
            fallback={description.length > 260 ? `${description.slice(0, 260)}…` : description}
          />
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap items-center gap-1.5 text-sm">
        {offer.fromPublicSource ? <Badge>{t("offerSearch.fromPublicSource")}</Badge> : null}
        {offer.stale ? <Badge>{t("offerSearch.stale")}</Badge> : null}
        {facts.map((fact) => (
          <Badge key={fact}>{fact}</Badge>
        ))}
        {offer.fields.map((field) => (
          <Badge key={field.slug} tone="brand">
            {lang === "vi" ? field.nameVi : field.nameEn}
          </Badge>
        ))}
      </div>
    </article>
  );
}

type Named = { nameVi: string | null; nameEn: string | null };

/** Who offers it, as a link: the organization's page, or the researcher's profile. */
export function offerOwner(
  offer: { organization: (Named & { slug: string }) | null; ownerExpert: { slug: string; fullName: string } | null },
  lang: Language,
): { to: string; name: string } | null {
  if (offer.organization)
    return {
      to: `/organizations/${offer.organization.slug}`,
      name: pick(lang, offer.organization.nameVi, offer.organization.nameEn),
    };
  return offer.ownerExpert ? { to: `/experts/${offer.ownerExpert.slug}`, name: offer.ownerExpert.fullName } : null;
}
