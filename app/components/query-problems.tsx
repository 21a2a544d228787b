import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/i18n";
import type { QueryProblem } from "~/utils/listing-query";

/** What was wrong in a list's address, named in the visitor's language (the list shows the rest). */
export function QueryProblems({ problems }: { problems: QueryProblem[] }) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <Notice tone="error" role="alert" title={t("directory.badInput")}>
      <ul className="list-disc pl-5">
        {problems.map((problem, i) => (
          <li key={i}>{t(problem.key, problem.params)}</li>
        ))}
      </ul>
      <p className="mt-1">{t("directory.badInputIgnored")}</p>
    </Notice>
  );
}
