import { Link } from "@remix-run/react";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import type { OrganizationHitHighlights } from "~/utils/search-types";
import { findDistrict } from "~/utils/districts";
import { Highlight } from "./highlight";
import { Badge } from "./ui/badge";
import { VerifiedBadge } from "./verified-badge";

export type OrganizationCardData = {
  slug: string;
  kind: string;
  nameVi: string | null;
  nameEn: string | null;
  acronym: string | null;
  summaryVi: string | null;
  summaryEn: string | null;
  district: string | null;
  verified: boolean;
  parent: { slug: string; nameVi: string | null; nameEn: string | null; acronym: string | null } | null;
  fields: { field: { slug: string; nameVi: string; nameEn: string } }[];
};

/** One organization in a list, with the words that matched the search marked. */
export function OrganizationCard({
  organization,
  highlights = {},
  headingLevel = "h2",
}: {
  organization: OrganizationCardData;
  highlights?: OrganizationHitHighlights;
  headingLevel?: "h2" | "h3";
}) {
  const lang = useLanguage();
  const t = useT();
  const Heading = headingLevel;
  const nameKey = lang === "vi" ? (organization.nameVi ? "nameVi" : "nameEn") : organization.nameEn ? "nameEn" : "nameVi";
  const summaryKey =
    lang === "vi" ? (organization.summaryVi ? "summaryVi" : "summaryEn") : organization.summaryEn ? "summaryEn" : "summaryVi";
  const name = organization[nameKey] ?? organization.slug;
  const summary = organization[summaryKey] ?? "";
  const district = findDistrict(organization.district);
  return (
    <article className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-brand-600 sm:p-5">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="brand">{t(`kind.${organization.kind}` as "kind.lab")}</Badge>
        {organization.verified ? <VerifiedBadge /> : null}
        {district ? <span className="text-xs text-slate-600">{lang === "vi" ? district.vi : district.en}</span> : null}
      </div>
      <Heading className="mt-2 text-lg font-semibold leading-snug text-slate-900">
        <Link to={`/organizations/${organization.slug}`} className="hover:text-brand-700 hover:underline">
          <Highlight text={highlights[nameKey]} fallback={name} />
          {organization.acronym && !name.includes(organization.acronym) ? " " : null}
          {organization.acronym && !name.includes(organization.acronym) ? (
            <span className="font-normal text-slate-600">
              (<Highlight text={highlights.acronym} fallback={organization.acronym} />)
            </span>
          ) : null}
        </Link>
      </Heading>
      {organization.parent ? (
        <p className="mt-0.5 text-sm text-slate-600">
          {t("org.parent")}: {organization.parent.acronym ?? pick(lang, organization.parent.nameVi, organization.parent.nameEn)}
        </p>
      ) : null}
      {summary ? (
        <p className="mt-2 text-sm leading-relaxed text-slate-700">
          <Highlight text={highlights[summaryKey]} fallback={summary} />
        </p>
      ) : null}
      {organization.fields.length > 0 ? (
        <ul className="mt-3 flex flex-wrap gap-1.5" aria-label={t("org.fields")}>
          {organization.fields.map(({ field }) => (
            <li key={field.slug}>
              <Badge>{lang === "vi" ? field.nameVi : field.nameEn}</Badge>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
