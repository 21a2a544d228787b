/**
 * CSV as RFC 4180 writes it, with a byte-order mark so that spreadsheet
 * programs read Vietnamese as UTF-8. Cells that a spreadsheet would run as a
 * formula (=, +, -, @ first) are prefixed with an apostrophe.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Parses CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF); a leading BOM is ignored. */
export function parseCsv(input: string): string[][] {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  // The run of plain characters being read, from this index: added to the field in one slice.
  // A string grown by += one character at a time is a chain of one node per character; a 60 MB
  // import file held 1.7 GB that way until its cells were first read.
  let run = -1;
  let quoted = false;
  let i = 0;
  const takeRun = () => {
    if (run < 0) return;
    field += text.slice(run, i);
    run = -1;
  };
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        takeRun();
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else if (run < 0) run = i;
      i++;
      continue;
    }
    if (char === '"' && field === "" && run < 0) quoted = true;
    else if (char === ",") {
      takeRun();
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      takeRun();
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      if (char === "\r" && text[i + 1] === "\n") i++;
    } else if (run < 0) run = i;
    i++;
  }
  if (quoted) throw new CsvError("A quoted field is not closed.");
  takeRun();
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => !(cells.length === 1 && cells[0] === ""));
}

export class CsvError extends Error {}
