/** A label in both languages. */
export type Label = { vi: string; en: string };

/**
 * A vocabulary written once, as its table of labels: the values (in the table's
 * order, a tuple that z.enum takes) and the labels come from the one table, so a
 * value cannot be added without its label.
 */
export function vocabulary<const T extends Record<string, Label>>(labels: T) {
  type Value = keyof T & string;
  return { values: Object.keys(labels) as [Value, ...Value[]], labels };
}
