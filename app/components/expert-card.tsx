import { Link } from "@remix-run/react";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import { displayName, OFFER_LABELS, splitLines, type Offer } from "~/domain/expert-values";
import { Highlight } from "./highlight";
import { Badge } from "./ui/badge";
import { AffiliationBadge } from "./affiliation";
import { OverseasBadge } from "./overseas";

export type ExpertCardView = {
  slug: string;
  title: string;
  fullName: string;
  position: string | null;
  keywords: string;
  offers: string;
  bioVi: string | null;
  bioEn: string | null;
  affiliation: {
    slug: string;
    nameVi: string | null;
    nameEn: string | null;
    acronym: string | null;
    status: string;
  } | null;
  fields: { field: { slug: string; nameVi: string; nameEn: string } }[];
  affiliationVerified: boolean;
  /** Based abroad: the country's code (docs/decisions/076) */
  country?: string | null;
  highlights?: Record<string, string>;
};

export function ExpertCard({ expert }: { expert: ExpertCardView }) {
  const lang = useLanguage();
  const t = useT();
  const affiliation = expert.affiliation?.status === "published" ? expert.affiliation : null;
  const bio = pick(lang, expert.bioVi, expert.bioEn);
  const bioKey = lang === "vi" ? (expert.bioVi ? "bioVi" : "bioEn") : expert.bioEn ? "bioEn" : "bioVi";
  return (
    <article className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 className="text-lg font-semibold">
        <Link to={`/experts/${expert.slug}`} className="hover:text-brand-700 hover:underline">
          {displayName(expert, lang)}
        </Link>
      </h2>
      <p className="text-sm text-slate-600">
        {[
          expert.position,
          affiliation ? (affiliation.acronym ?? pick(lang, affiliation.nameVi, affiliation.nameEn)) : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <p className="mt-1 flex flex-wrap gap-1.5">
        <AffiliationBadge verified={expert.affiliationVerified && affiliation !== null} />
        <OverseasBadge country={expert.country ?? null} />
      </p>
      {bio ? (
        <p className="mt-2 text-sm leading-relaxed text-slate-700">
          <Highlight text={expert.highlights?.[bioKey]} fallback={bio.length > 240 ? `${bio.slice(0, 240)}…` : bio} />
        </p>
      ) : null}
      {/* The list's name for assistive technology: hidden text before it (aria-label on a plain <ul> is not reliably read). */}
      <p className="sr-only">{t("expert.fields")}</p>
      <ul className="mt-3 flex flex-wrap gap-1.5">
        {expert.fields.map(({ field }) => (
          <li key={field.slug}>
            <Badge tone="brand">{lang === "vi" ? field.nameVi : field.nameEn}</Badge>
          </li>
        ))}
        {splitLines(expert.keywords)
          .slice(0, 4)
          .map((keyword) => (
            <li key={keyword}>
              <Badge>{keyword}</Badge>
            </li>
          ))}
      </ul>
      {splitLines(expert.offers).length > 0 ? (
        <p className="mt-2 text-sm text-slate-700">
          {t("expert.offers")}:{" "}
          {splitLines(expert.offers)
            .map((offer) => OFFER_LABELS[offer as Offer]?.[lang] ?? offer)
            .join(", ")}
        </p>
      ) : null}
    </article>
  );
}
