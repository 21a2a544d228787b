/**
 * Builders for Meilisearch filter expressions. Every value is quoted and
 * escaped here, so a value from a URL can never change the expression's shape
 * (`x" OR status = "draft` stays one string). Attribute names come from code.
 */

const ATTRIBUTE = /^[A-Za-z][A-Za-z0-9_.]*$/;

/** A double-quoted Meilisearch string literal. */
export function quoteFilterValue(value: string | number | boolean): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError("filter numbers must be finite");
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function attribute(name: string): string {
  if (!ATTRIBUTE.test(name)) throw new Error(`not a filterable attribute name: ${name}`);
  return name;
}

export function filterEquals(name: string, value: string | number | boolean): string {
  return `${attribute(name)} = ${quoteFilterValue(value)}`;
}

/** `name IN [...]`; null when there are no values (no constraint). */
export function filterIn(name: string, values: readonly (string | number)[]): string | null {
  if (values.length === 0) return null;
  return `${attribute(name)} IN [${values.map(quoteFilterValue).join(", ")}]`;
}

/** Joins clauses with AND, skipping empty ones; undefined when none is left. */
export function allOf(clauses: readonly (string | null | undefined)[]): string | undefined {
  const present = clauses.filter((clause): clause is string => Boolean(clause));
  if (present.length === 0) return undefined;
  return present.map((clause) => `(${clause})`).join(" AND ");
}
