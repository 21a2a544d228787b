import { useT } from "~/i18n/i18n";

/** The head of a before / after table of changes (the audit log, the review queue's revisions). */
export function ChangeTableHead() {
  const t = useT();
  return (
    <thead>
      <tr className="border-b border-slate-200">
        <th scope="col" className="p-1">
          {t("queue.field")}
        </th>
        <th scope="col" className="p-1">
          {t("queue.before")}
        </th>
        <th scope="col" className="p-1">
          {t("queue.after")}
        </th>
      </tr>
    </thead>
  );
}
