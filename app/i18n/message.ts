/** A message: a string with {placeholders}, or a function for plurals. */
export type Message = string | ((params: Record<string, string | number>) => string);
