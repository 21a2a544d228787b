import { useT } from "~/i18n/i18n";
import { ColumnHeadings } from "./ui/column-headings";

/** The head of a before / after table of changes (the audit log, the review queue's revisions). */
export function ChangeTableHead() {
  const t = useT();
  return (
    <thead>
      <tr className="border-b border-slate-200">
        <ColumnHeadings cell="p-1" labels={[t("queue.field"), t("queue.before"), t("queue.after")]} />
      </tr>
    </thead>
  );
}
