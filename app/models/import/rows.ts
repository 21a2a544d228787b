/**
 * What every import's plan checks in a row the same way, whatever the file
 * holds: each cell's text, and lists of taxonomy slugs.
 */
export type RowProblem = {
  key: `import.problem.${string}` | `form.${string}` | `offer.${string}`;
  params?: Record<string, string | number>;
  /** The column a form message is about (the import's own messages name it themselves). */
  column?: string;
};

/** One line of text: Unicode composed, runs of white space as one space. */
export function clean(value: string | undefined): string {
  return (value ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Cells that are no text (a JSON object, cells beyond the header), hold control characters or are too long. */
export function cellProblems(raw: Record<string, string | undefined>, limits: Partial<Record<string, number>>) {
  const problems: RowProblem[] = [];
  for (const column of Object.keys(raw)) {
    const value = raw[column] ?? "";
    if (value.includes("\u0000"))
      problems.push({
        key: value === "\u0000extra-cells" ? "import.problem.extraCells" : "import.problem.notText",
        params: { column },
      });
    else if (/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value))
      problems.push({ key: "import.problem.controlCharacters", params: { column } });
    const max = limits[column];
    if (max && value.trim().length > max) problems.push({ key: "import.problem.tooLong", params: { column, max } });
  }
  return problems;
}

/** A list cell (`fields`, and an offer's code lists): items separated by `;` or `|`, each once. */
export function listCell(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[;|]/)
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ];
}

export function dedupe(problems: RowProblem[]): RowProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
