import { formatNumber, useT, type Language } from "~/i18n/i18n";

/** `count` is null when the search could not count this facet (database fallback). */
export type FacetOption = { value: string; label: string; count: number | null; selected: boolean };

/**
 * A group of checkboxes in the directory's GET form. Options beyond `visible`
 * fold into a <details>, which opens without JavaScript; selected ones always show.
 */
export function FacetGroup({
  legend,
  name,
  options,
  lang,
  visible = 12,
}: {
  legend: string;
  name: string;
  options: FacetOption[];
  lang: Language;
  visible?: number;
}) {
  const t = useT();
  if (options.length === 0) return null;
  const shown = options.filter((option, i) => i < visible || option.selected);
  const more = options.filter((option, i) => i >= visible && !option.selected);
  return (
    <fieldset>
      <legend className="text-sm font-semibold text-slate-800">{legend}</legend>
      <ul className="mt-2 space-y-1">
        {shown.map((option) => (
          <FacetCheckbox key={`${option.value}:${option.selected}`} name={name} option={option} lang={lang} />
        ))}
      </ul>
      {more.length > 0 ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">
            {t("directory.moreOptions", { count: more.length })}
          </summary>
          <ul className="mt-1 space-y-1">
            {more.map((option) => (
              <FacetCheckbox key={`${option.value}:${option.selected}`} name={name} option={option} lang={lang} />
            ))}
          </ul>
        </details>
      ) : null}
    </fieldset>
  );
}

function FacetCheckbox({ name, option, lang }: { name: string; option: FacetOption; lang: Language }) {
  const id = `facet-${name}-${option.value}`;
  return (
    <li>
      <label className="flex cursor-pointer items-start gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-100">
        <input
          id={id}
          type="checkbox"
          name={name}
          value={option.value}
          defaultChecked={option.selected}
          className="mt-0.5 size-4 shrink-0"
        />
        <span className="flex-1">{option.label}</span>
        {option.count !== null ? <span className="text-slate-500">{formatNumber(lang, option.count)}</span> : null}
      </label>
    </li>
  );
}
