import type { ListOfErrors } from "./forms";
import { TextareaField } from "./forms";

/** An optional short note (`name="note"`), held to `max` characters by the browser and the server alike. */
export function NoteField({
  label,
  hint,
  max,
  rows = 2,
  defaultValue,
  errors,
  className,
}: {
  label: string;
  hint: string;
  max: number;
  rows?: number;
  defaultValue: string;
  errors?: ListOfErrors;
  className?: string;
}) {
  return <TextareaField {...{ label, hint, rows, defaultValue, errors, className }} name="note" maxLength={max} />;
}
