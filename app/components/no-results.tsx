import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useOptionalUser } from "~/auth/user";
import { formatNumber, useLanguage, useT } from "~/i18n/i18n";
import type { FieldChoice } from "./search-box";
import { ButtonLink } from "./ui/button";

export type NoResultsHelp = { withoutFilters: number | null; didYouMean: string | null; fields: FieldChoice[] };

/**
 * An empty list is never a dead end: the same words without the filters (with
 * their count), a spelling close to the query, related fields, and a technology
 * request with the words filled in. The hrefs come from the list.
 */
export function NoResults({
  q,
  help,
  withoutFiltersHref,
  queryHref,
  fieldHref,
  children,
}: {
  q: string;
  help: NoResultsHelp;
  withoutFiltersHref: string;
  queryHref: (q: string) => string;
  fieldHref: (field: FieldChoice) => string;
  /** The list's own hint and links */
  children?: ReactNode;
}) {
  const t = useT();
  const lang = useLanguage();
  const user = useOptionalUser();
  const request = `/requests/new${q ? `?${new URLSearchParams({ title: q })}` : ""}`;
  const link = "font-semibold text-brand-700 underline";
  return (
    <div className="space-y-3 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-sm [overflow-wrap:anywhere]">
      <p className="text-base font-semibold">{q ? t("search.zero.title", { q }) : t("search.zero.titleNoQuery")}</p>
      {children}
      <ul className="space-y-2">
        {help.withoutFilters !== null && help.withoutFilters > 0 ? (
          <li>
            <Link to={withoutFiltersHref} className={link}>
              {t("search.zero.withoutFilters", { count: formatNumber(lang, help.withoutFilters) })}
            </Link>
          </li>
        ) : null}
        {help.didYouMean ? (
          <li>
            {t("search.zero.didYouMean")}{" "}
            <Link to={queryHref(help.didYouMean)} className={link}>
              {help.didYouMean}
            </Link>
          </li>
        ) : null}
        {help.fields.length > 0 ? (
          <li>
            {t("search.zero.relatedFields")}{" "}
            {help.fields.map((field, i) => (
              <span key={field.slug}>
                {i > 0 ? ", " : null}
                <Link to={fieldHref(field)} className={link}>
                  {field.label}
                </Link>
              </span>
            ))}
          </li>
        ) : null}
      </ul>
      <ButtonLink
        to={user ? request : `/signup?${new URLSearchParams({ type: "business", redirectTo: request })}`}
        size="sm"
      >
        {t("search.zero.postRequest")}
      </ButtonLink>
    </div>
  );
}
