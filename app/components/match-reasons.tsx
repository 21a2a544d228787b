import { reasonText, type Reason } from "~/domain/match-reasons";
import { useLanguage, useT } from "~/i18n/i18n";

/**
 * Why a match was suggested, one line per reason: the same list on the
 * business's request page and on the researcher's "Requests for you".
 */
export function MatchReasons({ reasons }: { reasons: Reason[] }) {
  const t = useT();
  const lang = useLanguage();
  return (
    <ul className="mt-2 list-disc pl-5 text-sm text-slate-700" data-reasons>
      {reasons.map((reason, i) => (
        <li key={i}>{reasonText(reason, t, lang)}</li>
      ))}
    </ul>
  );
}
