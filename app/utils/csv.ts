import { parse } from "csv-parse/sync";

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

/**
 * How the import reads CSV (with csv-parse, as a stream there): RFC 4180, LF, CRLF or CR
 * line ends, quotes inside an unquoted cell kept as they are, blank lines and a BOM
 * dropped. `max_record_size` (characters) is the caller's.
 */
export const CSV_OPTIONS = {
  bom: true,
  record_delimiter: ["\r\n", "\n", "\r"],
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
};

/** Parses a whole CSV text (tests read exports back with it). */
export function parseCsv(text: string): string[][] {
  return parse(text, CSV_OPTIONS);
}
