import { Link } from "@remix-run/react";
import { useLanguage, useT } from "~/i18n/i18n";
import { emailAddresses, fullAddress, mapSearchUrl, phoneNumbers } from "~/domain/address";
import { directorySearch } from "~/utils/directory-query";
import { findDistrict } from "~/domain/districts";
import { externalUrlLabel } from "~/utils/misc";

type Contact = {
  address: string | null;
  ward: string | null;
  district: string | null;
  phone: string | null;
  publicEmail: string | null;
  website: string | null;
  contactSourceUrl: string | null;
};

/** How to reach an organization: address with its ward, switchboard, mailbox, website and a map link. */
export function OrganizationContact({ organization }: { organization: Contact }) {
  const t = useT();
  const lang = useLanguage();
  const address = fullAddress(organization.address, organization.ward, lang);
  const area = findDistrict(organization.district);
  const phones = phoneNumbers(organization.phone);
  const emails = emailAddresses(organization.publicEmail);
  const empty = !address && !area && phones.length === 0 && emails.length === 0 && !organization.website;
  return (
    <section aria-labelledby="contact" className="rounded-2xl border border-slate-200 bg-white p-5">
      <h2 id="contact" className="text-lg font-semibold">
        {t("org.contact")}
      </h2>
      {empty ? <p className="mt-2 text-sm text-slate-600">{t("org.contactNone")}</p> : null}
      <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-2">
        {address ? (
          <Item term={t("org.fullAddress")}>
            <span className="break-words">{address}</span>
            <br />
            <a
              href={mapSearchUrl(address)}
              rel="noopener noreferrer external"
              target="_blank"
              className="text-brand-700 underline"
            >
              {t("org.map")}
            </a>
          </Item>
        ) : null}
        {area ? (
          <Item term={t("org.district")}>
            <Link
              to={`/directory${directorySearch({ districts: [area.slug] })}`}
              className="text-brand-700 hover:underline"
            >
              {area[lang]}
            </Link>
          </Item>
        ) : null}
        {phones.length > 0 ? (
          <Item term={t("org.phone")}>
            {phones.map((phone, index) => (
              <span key={phone.href + index}>
                {index > 0 ? "; " : null}
                <a href={phone.href} className="whitespace-nowrap text-brand-700 underline">
                  {/* A number never breaks across lines. */}
                  {phone.label.replace(/ /g, "\u00a0")}
                </a>
              </span>
            ))}
          </Item>
        ) : null}
        {emails.length > 0 ? (
          <Item term={t("org.email")}>
            {emails.map((email, index) => (
              <span key={email}>
                {index > 0 ? "; " : null}
                <a href={`mailto:${email}`} className="break-all text-brand-700 underline">
                  {email}
                </a>
              </span>
            ))}
          </Item>
        ) : null}
        {organization.website ? (
          <Item term={t("org.website")}>
            <a
              href={organization.website}
              rel="noopener noreferrer external"
              target="_blank"
              className="break-all text-brand-700 underline"
            >
              {externalUrlLabel(organization.website)}
            </a>
          </Item>
        ) : null}
      </dl>
      {organization.contactSourceUrl && !empty ? (
        <p className="mt-3 text-xs text-slate-600">
          {t("org.contactSource")}{" "}
          <a
            href={organization.contactSourceUrl}
            rel="noopener noreferrer external"
            target="_blank"
            className="break-all underline"
          >
            {externalUrlLabel(organization.contactSourceUrl).slice(0, 60)}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="font-medium text-slate-600">{term}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}
