import { useLanguage } from "~/i18n/i18n";
import { ErrorList, type ListOfErrors } from "./forms";

export type PickerArea = {
  slug: string;
  nameVi: string;
  nameEn: string;
  fields: { slug: string; nameVi: string; nameEn: string }[];
};

/**
 * The taxonomy as checkboxes, one fold per field group (works without
 * JavaScript). Groups holding a chosen field start open.
 */
export function FieldPicker({
  legend,
  name = "fieldSlugs",
  areas,
  selected,
  errors,
  hint,
}: {
  legend: string;
  /** Every form sends its research fields as fieldSlugs. */
  name?: string;
  areas: PickerArea[];
  /** A form sent back after a refusal gives one checked box as a string, several as a list */
  selected: string[] | string;
  errors?: ListOfErrors;
  hint?: string;
}) {
  const lang = useLanguage();
  // new Set("food-safety") would hold its letters: the one field was lost on a refused save.
  const chosen = new Set(typeof selected === "string" ? [selected] : selected);
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? <p className="mt-1 text-sm text-slate-600">{hint}</p> : null}
      <ErrorList errors={errors} />
      <div className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200">
        {areas.map((area) => {
          const count = area.fields.filter((field) => chosen.has(field.slug)).length;
          return (
            <details key={area.slug} open={count > 0 || undefined} className="px-3 py-2">
              <summary className="cursor-pointer text-sm font-medium">
                {lang === "vi" ? area.nameVi : area.nameEn}
                {count > 0 ? (
                  <span className="ml-2 rounded-full bg-brand-50 px-2 text-xs text-brand-800">{count}</span>
                ) : null}
              </summary>
              <div className="mt-2 grid gap-1 sm:grid-cols-2">
                {area.fields.map((field) => (
                  <label key={field.slug} className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      name={name}
                      value={field.slug}
                      defaultChecked={chosen.has(field.slug)}
                      className="mt-0.5 size-4 shrink-0"
                    />
                    <span>{lang === "vi" ? field.nameVi : field.nameEn}</span>
                  </label>
                ))}
              </div>
            </details>
          );
        })}
      </div>
    </fieldset>
  );
}
