import { Link } from "@remix-run/react";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";

export type Duplicate = {
  id: string;
  slug: string;
  nameVi: string | null;
  nameEn: string | null;
  status: string;
  reasons: string[];
};

/** Listings a proposal probably duplicates, each with why; for the member (who may claim it) and the official. */
export function DuplicateList({ duplicates, claimLinks = false }: { duplicates: Duplicate[]; claimLinks?: boolean }) {
  const t = useT();
  const lang = useLanguage();
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm">
      {duplicates.map((duplicate) => (
        <li key={duplicate.id} data-duplicate={duplicate.slug}>
          {duplicate.status === "published" ? (
            <Link to={`/organizations/${duplicate.slug}`} className="font-medium text-brand-700 underline">
              {pick(lang, duplicate.nameVi, duplicate.nameEn) || duplicate.slug}
            </Link>
          ) : (
            <span className="font-medium">{pick(lang, duplicate.nameVi, duplicate.nameEn) || duplicate.slug}</span>
          )}{" "}
          ({duplicate.reasons.map((reason) => t(`dup.reason.${reason}` as MessageKey)).join(", ")})
          {claimLinks && duplicate.status === "published" ? (
            <>
              {" · "}
              <Link to={`/organizations/${duplicate.slug}/claim`} className="text-brand-700 underline">
                {t("claim.button")}
              </Link>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
