/**
 * Validation messages travel as message keys (with parameters after a "|"),
 * so the page shows them in the reader's language: "form.tooLong|{"max":200}".
 */
export function problem(key: string, params?: Record<string, string | number>): string {
  return params ? `${key}|${JSON.stringify(params)}` : key;
}

export function parseProblem(text: string): { key: string; params: Record<string, string | number> } {
  const bar = text.indexOf("|");
  if (bar === -1) return { key: text, params: {} };
  try {
    return { key: text.slice(0, bar), params: JSON.parse(text.slice(bar + 1)) };
  } catch {
    return { key: text.slice(0, bar), params: {} };
  }
}
