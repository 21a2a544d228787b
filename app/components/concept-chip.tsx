import { Link } from "@remix-run/react";
import { useT } from "~/i18n/i18n";

/** Fields named in the chip; the rest are summed up ("+2"). */
const SHOWN = 3;

/**
 * "Showing results for: Environmental engineering": the fields a search's
 * words were read as (the concept layer, docs/decisions/044), whose listings
 * come first. Removing it is a plain link to the same search without them,
 * so it works without JavaScript.
 */
export function ConceptChip({ labels, removeTo }: { labels: string[]; removeTo: string }) {
  const t = useT();
  if (labels.length === 0) return null;
  const shown = labels.slice(0, SHOWN).join(", ") + (labels.length > SHOWN ? ` +${labels.length - SHOWN}` : "");
  return (
    <p className="mb-4 flex flex-wrap items-center gap-2 text-sm" data-testid="concept-chip">
      <span className="inline-flex items-center gap-2 rounded-2xl bg-brand-50 px-3 py-1 text-brand-800 ring-1 ring-brand-100">
        {t("directory.concepts", { labels: shown })}
        <Link
          to={removeTo}
          preventScrollReset
          aria-label={t("directory.conceptsRemove")}
          title={t("directory.conceptsRemove")}
          className="font-semibold hover:text-brand-950"
        >
          <span aria-hidden>×</span>
        </Link>
      </span>
    </p>
  );
}
