import { Link } from "@remix-run/react";
import { useLanguage, useT } from "~/i18n/i18n";
import { findDistrict } from "~/domain/districts";
import type { OrganizationCardView } from "~/components/organization-view";
import { Highlight } from "./highlight";
import { Badge } from "./ui/badge";
import { VerifiedBadge } from "./verified-badge";

const plain = (text: string) => text.replace(/[\uE000\uE001]/g, "");

/** One organization in a list, with the words that matched the search marked. */
export function OrganizationCard({
  organization,
  headingLevel = "h2",
}: {
  organization: OrganizationCardView;
  headingLevel?: "h2" | "h3";
}) {
  const lang = useLanguage();
  const t = useT();
  const Heading = headingLevel;
  const district = findDistrict(organization.district);
  const acronym =
    organization.acronym && !plain(organization.name).includes(plain(organization.acronym))
      ? organization.acronym
      : null;
  return (
    <article className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-brand-600 sm:p-5">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="brand">{t(`kind.${organization.kind}` as "kind.lab")}</Badge>
        {organization.verified ? <VerifiedBadge /> : null}
        {district ? <span className="text-xs text-slate-600">{lang === "vi" ? district.vi : district.en}</span> : null}
      </div>
      <Heading className="mt-2 text-lg font-semibold leading-snug text-slate-900">
        <Link to={`/organizations/${organization.slug}`} className="hover:text-brand-700 hover:underline">
          <Highlight text={organization.name} />
          {acronym ? " " : null}
          {acronym ? (
            <span className="font-normal text-slate-600">
              (<Highlight text={acronym} />)
            </span>
          ) : null}
        </Link>
      </Heading>
      {organization.parent ? (
        <p className="mt-0.5 text-sm text-slate-600">
          {t("org.parent")}: {organization.parent}
        </p>
      ) : null}
      {organization.summary ? (
        <p className="mt-2 text-sm leading-relaxed text-slate-700">
          <Highlight text={organization.summary} />
        </p>
      ) : null}
      {organization.fields.length > 0 ? (
        // The list's name for assistive technology: hidden text before it (aria-label on a plain <ul> is not reliably read).
        <>
          <p className="sr-only">{t("org.fields")}</p>
          <ul className="mt-3 flex flex-wrap gap-1.5">
            {organization.fields.map((field) => (
              <li key={field.slug}>
                <Badge>{field.name}</Badge>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
