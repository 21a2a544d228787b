import { Link } from "@remix-run/react";
import { Panel } from "~/components/page";
import { Badge } from "~/components/ui/badge";
import { OfferThumbnail, type Thumbnail } from "~/components/offer-thumbnail";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import { OFFER_STATUS_LABELS, OFFER_TYPES, type OfferStatus, type OfferType } from "~/domain/offer-values";

type OfferCard = {
  id: string;
  type: string;
  nameVi: string | null;
  nameEn: string | null;
  instrument: string | null;
  fromPublicSource: boolean;
  status: string;
  stale: boolean;
  hidden: boolean;
  thumbnail?: Thumbnail | null;
};

/**
 * An organization's offers on its page, grouped by type; its managers also see those not
 * public yet (with their status) and "add" links. Nothing at all for a visitor when it has none.
 */
export function OrganizationOffers({ slug, offers, canAdd }: { slug: string; offers: OfferCard[]; canAdd: boolean }) {
  const t = useT();
  const lang = useLanguage();
  if (offers.length === 0 && !canAdd) return null;
  const groups = OFFER_TYPES.map((type) => ({ type, offers: offers.filter((offer) => offer.type === type) }));
  return (
    <Panel id="offers" title={`${t("offer.section.title")} (${offers.length})`}>
      {offers.length === 0 ? <p className="mt-3 text-sm text-slate-600">{t("offer.none")}</p> : null}
      {groups.map(({ type, offers: ofType }) =>
        ofType.length ? (
          <section key={type} aria-labelledby={`offers-${type}`} className="mt-4">
            <h3 id={`offers-${type}`} className="font-semibold">
              {t(`offer.group.${type}`)} ({ofType.length})
            </h3>
            <ul className="mt-2 divide-y divide-slate-100">
              {ofType.map((offer) => (
                <li key={offer.id} className="flex gap-3 py-2">
                  {offer.thumbnail ? <OfferThumbnail photo={offer.thumbnail} className="h-12 w-16 shrink-0" /> : null}
                  <div className="min-w-0">
                    <Link to={`/offers/${offer.id}`} className="font-medium break-words text-brand-700 hover:underline">
                      {pick(lang, offer.nameVi, offer.nameEn)}
                    </Link>
                    {offer.fromPublicSource || offer.stale || offer.status !== "published" ? (
                      <span className="mt-1 flex flex-wrap gap-2">
                        {offer.status !== "published" ? (
                          <Badge>{OFFER_STATUS_LABELS[offer.status as OfferStatus][lang]}</Badge>
                        ) : null}
                        {offer.fromPublicSource ? <Badge>{t("offer.publicSourceShort")}</Badge> : null}
                        {offer.hidden ? (
                          <Badge>{t("offer.hiddenShort")}</Badge>
                        ) : offer.stale ? (
                          <Badge>{t("offer.stale")}</Badge>
                        ) : null}
                      </span>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
      {canAdd ? (
        <ul className="mt-4 flex flex-wrap gap-x-4 gap-y-2 text-sm">
          {OFFER_TYPES.map((type: OfferType) => (
            <li key={type}>
              <Link to={`/offers/new?type=${type}&org=${slug}`} className="font-medium text-brand-700 underline">
                + {t(`offer.add.${type}`)}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
