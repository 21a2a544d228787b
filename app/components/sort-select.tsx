import { useT } from "~/i18n/i18n";
import { SORTS, type Sort } from "~/utils/list-queries";

/** The sort beside a list's search box (directory, offers): part of its GET form. */
export function SortSelect({ id, sort }: { id: string; sort: Sort }) {
  const t = useT();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {t("directory.sort")}
      </label>
      <select
        id={id}
        name="sort"
        defaultValue={sort}
        key={sort}
        className="mt-1 w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 sm:w-auto"
      >
        {SORTS.map((value) => (
          <option key={value} value={value}>
            {t(`directory.sort.${value}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
