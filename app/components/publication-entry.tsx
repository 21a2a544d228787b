import { doiUrl } from "~/domain/scholarly-ids";
import { useT } from "~/i18n/i18n";

/** Only web links become links: a stored address is never trusted to be http(s). */
function webHref(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/**
 * One publication, patent or project of a profile: its title (linked), then what an
 * import brought (authors, venue, year) and the DOI as a resolver link.
 */
export function PublicationEntry({
  link,
}: {
  link: {
    title: string;
    url: string | null;
    year: number | null;
    authors?: string | null;
    venue?: string | null;
    doi?: string | null;
  };
}) {
  const t = useT();
  const href = webHref(link.url) ?? (link.doi ? doiUrl(link.doi) : null);
  const details = [link.venue, link.year].filter(Boolean).join(", ");
  return (
    <>
      {href ? (
        <a href={href} rel="noopener noreferrer nofollow external" target="_blank" className="text-brand-700 underline">
          {link.title}
        </a>
      ) : (
        link.title
      )}
      {link.authors ? (
        <span className="block text-slate-700">
          <span className="sr-only">{t("publications.authors")}: </span>
          {link.authors}
        </span>
      ) : null}
      {details || link.doi ? (
        <span className="block text-slate-600">
          {details ? <span>{link.authors || link.venue ? details : `(${details})`}</span> : null}
          {link.doi ? (
            <>
              {details ? " · " : null}
              <a href={doiUrl(link.doi)} className="text-brand-700 underline">
                DOI <span className="break-all">{link.doi}</span>
              </a>
            </>
          ) : null}
        </span>
      ) : null}
    </>
  );
}
