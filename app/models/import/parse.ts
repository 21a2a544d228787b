import { CsvError, parseCsv } from "~/utils/csv";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS, type ImportColumn } from "./columns";

/**
 * Reads an import file into rows of text cells. Problems with the file as a
 * whole (not CSV or JSON, unknown or missing columns, too many rows) stop here,
 * before any row is looked at.
 */
export type RawRow = Partial<Record<ImportColumn, string>>;
export type FileProblem =
  | { key: "import.file.malformed"; params: { detail: string } }
  | { key: "import.file.unknownColumns"; params: { columns: string } }
  | { key: "import.file.missingColumns"; params: { columns: string } }
  | { key: "import.file.empty"; params: Record<string, never> }
  | { key: "import.file.tooManyRows"; params: { max: number } };

export type ParsedFile = { ok: true; rows: RawRow[] } | { ok: false; problem: FileProblem };

const KNOWN = new Set<string>(IMPORT_COLUMNS);

export function parseImportFile(name: string, text: string): ParsedFile {
  const json = name.toLowerCase().endsWith(".json") || /^\s*[[{]/.test(text);
  const table = json ? jsonRows(text) : csvRows(text);
  if ("problem" in table) return { ok: false, problem: table.problem };
  const { header, rows } = table;
  const unknown = header.filter((column) => !KNOWN.has(column));
  if (unknown.length) return { ok: false, problem: { key: "import.file.unknownColumns", params: { columns: unknown.slice(0, 10).join(", ") } } };
  const missing = ["kind"].filter((column) => !header.includes(column));
  if (!header.includes("nameVi") && !header.includes("nameEn")) missing.push("nameVi | nameEn");
  if (missing.length) return { ok: false, problem: { key: "import.file.missingColumns", params: { columns: missing.join(", ") } } };
  if (rows.length === 0) return { ok: false, problem: { key: "import.file.empty", params: {} } };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, problem: { key: "import.file.tooManyRows", params: { max: MAX_IMPORT_ROWS } } };
  return { ok: true, rows };
}

type Table = { header: string[]; rows: RawRow[] } | { problem: FileProblem };

function csvRows(text: string): Table {
  let cells: string[][];
  try {
    cells = parseCsv(text);
  } catch (error) {
    return { problem: { key: "import.file.malformed", params: { detail: error instanceof CsvError ? error.message : "CSV" } } };
  }
  const [header = [], ...body] = cells;
  const columns = header.map((cell) => cell.trim());
  if (columns.length === 0 || columns.every((column) => column === "")) return { problem: { key: "import.file.empty", params: {} } };
  const rows = body.map((line) => {
    const row: RawRow = {};
    columns.forEach((column, index) => {
      if (KNOWN.has(column)) row[column as ImportColumn] = line[index] ?? "";
    });
    // Cells beyond the header are kept under a name no column has, so the row is rejected.
    if (line.length > columns.length && line.slice(columns.length).some((cell) => cell.trim() !== "")) row.status = "\u0000extra-cells";
    return row;
  });
  return { header: columns, rows };
}

function jsonRows(text: string): Table {
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch (error) {
    return { problem: { key: "import.file.malformed", params: { detail: (error as Error).message.slice(0, 200) } } };
  }
  const list = Array.isArray(value) ? value : value && typeof value === "object" && Array.isArray((value as { data?: unknown }).data) ? (value as { data: unknown[] }).data : null;
  if (!list) return { problem: { key: "import.file.malformed", params: { detail: "expected an array of objects (or { data: [...] })" } } };
  const header = new Set<string>();
  const rows: RawRow[] = [];
  for (const item of list) {
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      return { problem: { key: "import.file.malformed", params: { detail: `row ${rows.length + 1} is not an object` } } };
    }
    const row: RawRow = {};
    for (const [key, cell] of Object.entries(item as Record<string, unknown>)) {
      header.add(key);
      if (!KNOWN.has(key)) continue;
      row[key as ImportColumn] = cellText(cell);
    }
    rows.push(row);
  }
  return { header: [...header], rows };
}

/** JSON cells may be strings, numbers, booleans, null, or (for fields) lists. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (Array.isArray(cell)) return cell.map(cellText).join(";");
  if (typeof cell === "object") return "\u0000object";
  return String(cell);
}
