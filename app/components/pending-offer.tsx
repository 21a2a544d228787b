import { Link } from "@remix-run/react";
import { formatDate, pick, useLanguage, useT } from "~/i18n/i18n";
import { OFFER_TYPE_LABELS, type OfferType } from "~/domain/offer-values";
import { offerOwner } from "./offer-result";

type Named = { nameVi: string | null; nameEn: string | null };

/** An offer in the officials' review queue: what, whose, and the owner's offers it may repeat. */
export function PendingOffer({
  offer,
}: {
  offer: Named & {
    id: string;
    type: string;
    descriptionVi: string | null;
    descriptionEn: string | null;
    updatedAt: string | Date;
    organization: (Named & { slug: string }) | null;
    ownerExpert: { slug: string; fullName: string } | null;
    createdBy: { name: string } | null;
    duplicates: (Named & { id: string; status: string })[];
  };
}) {
  const t = useT();
  const lang = useLanguage();
  const owner = offerOwner(offer, lang);
  return (
    <>
      <Link to={`/offers/${offer.id}`} className="font-semibold text-brand-700 underline">
        {pick(lang, offer.nameVi, offer.nameEn)}
      </Link>
      <p className="text-sm text-slate-600">
        {OFFER_TYPE_LABELS[offer.type as OfferType][lang]}
        {owner ? (
          <>
            {" · "}
            <Link to={owner.to} className="underline">
              {owner.name}
            </Link>
          </>
        ) : null}
        {offer.createdBy
          ? ` · ${t("queue.proposedBy", { name: offer.createdBy.name, date: formatDate(lang, offer.updatedAt) })}`
          : ""}
      </p>
      {offer.duplicates.length ? (
        <div role="note" className="mt-2 rounded-lg border border-amber-300 bg-amber-50 p-3">
          <p className="text-sm font-semibold">{t("queue.offerDuplicates")}</p>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {offer.duplicates.map((duplicate) => (
              <li key={duplicate.id}>
                <Link to={`/offers/${duplicate.id}`} className="text-brand-700 underline">
                  {pick(lang, duplicate.nameVi, duplicate.nameEn)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="mt-1 line-clamp-3 text-sm">{pick(lang, offer.descriptionVi, offer.descriptionEn)}</p>
    </>
  );
}
