import { Readable } from "node:stream";
import { JSONParser } from "@streamparser/json";
import { CsvError, parse as csvParser } from "csv-parse";
import { CSV_OPTIONS } from "~/utils/csv";
import { IMPORT_COLUMNS, LEGACY_COLUMNS, MAX_IMPORT_ROWS, type ImportColumn } from "./columns";

/**
 * Reads an import file into rows of text cells, as a stream: problems with the
 * file as a whole (not CSV or JSON, unknown or missing columns, too many rows,
 * columns, nesting or characters in a cell) stop the read where they are found,
 * so a hostile file costs no more than a legitimate one. The file is read in
 * chunks and the event loop serves other requests between them.
 */
export type RawRow<C extends string = ImportColumn> = Partial<Record<C, string>>;
export type FileProblem =
  | { key: "import.file.malformed"; params: { detail: string } }
  | { key: "import.file.unknownColumns"; params: { columns: string } }
  | { key: "import.file.missingColumns"; params: { columns: string } }
  | { key: "import.file.empty"; params: Record<string, never> }
  | { key: "import.file.tooManyRows"; params: { max: number } }
  | { key: "import.file.tooManyColumns"; params: { max: number } }
  | { key: "import.file.tooDeep"; params: { max: number } }
  | { key: "import.file.cellTooLong"; params: { row: number; max: number } };

export type ParsedFile<C extends string = ImportColumn> =
  { ok: true; rows: RawRow<C>[] } | { ok: false; problem: FileProblem };

/** What one kind of import file holds: its columns, and which of them a file must have. */
export type FileSpec<C extends string> = {
  columns: readonly C[];
  /** Accepted from older files, not counted in the column limit. */
  legacy?: readonly C[];
  /** The required columns the header lacks (a list of names to show). */
  missing: (header: string[]) => string[];
};

/** Listings (the organization import): `district` is read as the area of older files. */
export const ORGANIZATION_FILE: FileSpec<ImportColumn> = {
  columns: IMPORT_COLUMNS,
  legacy: LEGACY_COLUMNS,
  missing: (header) => [
    ...(header.includes("kind") ? [] : ["kind"]),
    ...(header.includes("nameVi") || header.includes("nameEn") ? [] : ["nameVi | nameEn"]),
  ],
};

/** Twice the known columns: a file with more is refused at its header. */
export const maxColumns = (spec: FileSpec<string>) => spec.columns.length * 2;
export const MAX_IMPORT_COLUMNS = maxColumns(ORGANIZATION_FILE);
/** A row with cells beyond the header carries this key, so that its plan rejects it. */
export const EXTRA_CELLS = "\u0000extra";
/** Far above the longest column (2,000), far below what would cost memory. */
export const MAX_CELL_CHARS = 20_000;
/** An array of objects whose `fields` may be a list, inside `{ data: [...] }`: 4 levels. */
export const MAX_JSON_DEPTH = 8;

/** Stops the read with a problem. */
class Stop extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.key);
  }
}

/** `input`: the file as a stream (an upload on disk) or as text. */
export async function parseImportFile(name: string, input: Readable | string): Promise<ParsedFile>;
export async function parseImportFile<C extends string>(
  name: string,
  input: Readable | string,
  spec: FileSpec<C>,
): Promise<ParsedFile<C>>;
export async function parseImportFile(
  name: string,
  input: Readable | string,
  spec: FileSpec<string> = ORGANIZATION_FILE,
): Promise<ParsedFile<string>> {
  const known = new Set<string>([...spec.columns, ...(spec.legacy ?? [])]);
  const limits = { known, maxColumns: maxColumns(spec) };
  const source = typeof input === "string" ? Readable.from([input]) : input;
  try {
    const chunks = textChunks(source);
    const first = await chunks.next();
    const start = first.done ? "" : first.value;
    const json = name.toLowerCase().endsWith(".json") || /^\uFEFF?\s*[[{]/.test(start);
    const rest = (async function* () {
      if (!first.done) yield start;
      yield* { [Symbol.asyncIterator]: () => chunks };
    })();
    const table = json ? await jsonRows(rest, limits) : await csvRows(rest, limits);
    const { header, rows } = table;
    const unknown = header.filter((column) => !known.has(column));
    if (unknown.length)
      return problem({ key: "import.file.unknownColumns", params: { columns: unknown.slice(0, 10).join(", ") } });
    const missing = spec.missing(header);
    if (missing.length) return problem({ key: "import.file.missingColumns", params: { columns: missing.join(", ") } });
    if (rows.length === 0) return problem({ key: "import.file.empty", params: {} });
    return { ok: true, rows };
  } catch (error) {
    if (error instanceof Stop) return problem(error.problem);
    throw error;
  } finally {
    source.destroy();
  }
}

const problem = (value: FileProblem): { ok: false; problem: FileProblem } => ({ ok: false, problem: value });
const malformed = (detail: string) =>
  new Stop({ key: "import.file.malformed", params: { detail: detail.slice(0, 200) } });

/** The file as UTF-8 text, chunk by chunk (a character split between chunks is kept whole). */
async function* textChunks(source: Readable): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of source) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

function checkCell(text: string, row: number) {
  if (text.length > MAX_CELL_CHARS)
    throw new Stop({ key: "import.file.cellTooLong", params: { row, max: MAX_CELL_CHARS } });
}

function checkRowCount(count: number) {
  if (count > MAX_IMPORT_ROWS) throw new Stop({ key: "import.file.tooManyRows", params: { max: MAX_IMPORT_ROWS } });
}

type Table = { header: string[]; rows: Record<string, string>[] };
type Limits = { known: Set<string>; maxColumns: number };

async function csvRows(chunks: AsyncIterable<string>, { known, maxColumns }: Limits): Promise<Table> {
  // RFC 4180; quotes inside an unquoted cell are kept as they are. A record longer than
  // every cell at its limit is refused before it is built.
  const parser = csvParser({ ...CSV_OPTIONS, max_record_size: MAX_CELL_CHARS * maxColumns });
  const feed = Readable.from(chunks).on("error", (error) => parser.destroy(error));
  feed.pipe(parser);
  let columns: string[] | null = null;
  const rows: Record<string, string>[] = [];
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (record.length > maxColumns)
        throw new Stop({ key: "import.file.tooManyColumns", params: { max: maxColumns } });
      if (!columns) {
        columns = record.map((cell) => cell.trim());
        if (columns.every((column) => column === "")) throw new Stop({ key: "import.file.empty", params: {} });
        continue;
      }
      checkRowCount(rows.length + 1);
      const row: Record<string, string> = {};
      record.forEach((cell, index) => {
        checkCell(cell, rows.length + 1);
        const column = columns![index];
        if (column !== undefined && known.has(column)) row[column] = cell;
      });
      for (let index = record.length; index < columns.length; index++)
        if (known.has(columns[index]!)) row[columns[index]!] = "";
      // Cells beyond the header are kept under a name no column has, so the row is rejected.
      if (record.length > columns.length && record.slice(columns.length).some((cell) => cell.trim() !== ""))
        row[EXTRA_CELLS] = "\u0000extra-cells";
      rows.push(row);
    }
  } catch (error) {
    if (error instanceof CsvError) throw malformed(error.message);
    throw error;
  } finally {
    feed.destroy();
    parser.destroy();
  }
  if (!columns) throw new Stop({ key: "import.file.empty", params: {} });
  return { header: columns, rows };
}

async function jsonRows(chunks: AsyncIterable<string>, { known, maxColumns }: Limits): Promise<Table> {
  const header = new Set<string>();
  const rows: Record<string, string>[] = [];
  let root: "array" | "object" | null = null;
  let parser: JSONParser | null = null;
  let failure: unknown = null;
  const depth = new DepthGuard();
  const take = (item: unknown) => {
    if (!item || typeof item !== "object" || Array.isArray(item))
      throw malformed(`row ${rows.length + 1} is not an object`);
    checkRowCount(rows.length + 1);
    const row: Record<string, string> = {};
    for (const [key, cell] of Object.entries(item as Record<string, unknown>)) {
      header.add(key);
      if (header.size > maxColumns) throw new Stop({ key: "import.file.tooManyColumns", params: { max: maxColumns } });
      if (!known.has(key)) continue;
      const text = cellText(cell);
      checkCell(text, rows.length + 1);
      row[key] = text;
    }
    rows.push(row);
  };
  for await (let chunk of chunks) {
    if (!parser) {
      chunk = chunk.replace(/^\uFEFF/, "");
      const first = chunk.trimStart()[0];
      if (first === undefined) continue;
      if (first !== "[" && first !== "{") throw malformed("expected an array of objects (or { data: [...] })");
      root = first === "[" ? "array" : "object";
      // Each row is built alone and dropped once read (keepStack: false).
      parser = new JSONParser({ paths: [root === "array" ? "$.*" : "$.data.*"], keepStack: false });
      parser.onValue = ({ value }) => {
        try {
          take(value);
        } catch (error) {
          failure ??= error;
        }
      };
      parser.onError = (error) => (failure ??= malformed(error.message));
    }
    depth.scan(chunk);
    parser.write(chunk);
    if (failure) throw failure;
  }
  if (!parser) throw malformed("the file is empty");
  if (!parser.isEnded) parser.end();
  if (failure) throw failure;
  if (root === "object" && rows.length === 0) throw malformed("expected an array of objects (or { data: [...] })");
  return { header: [...header], rows };
}

/**
 * Nesting is counted before the parser sees a chunk: 31 million `[` would otherwise
 * grow its stack until the process ran out of memory.
 */
class DepthGuard {
  private depth = 0;
  private inString = false;
  private escaped = false;
  scan(text: string) {
    for (let i = 0; i < text.length; i++) {
      const char = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (char === 0x5c) this.escaped = true;
        else if (char === 0x22) this.inString = false;
      } else if (char === 0x22) this.inString = true;
      else if (char === 0x5b || char === 0x7b) {
        if (++this.depth > MAX_JSON_DEPTH)
          throw new Stop({ key: "import.file.tooDeep", params: { max: MAX_JSON_DEPTH } });
      } else if (char === 0x5d || char === 0x7d) this.depth--;
    }
  }
}

/** JSON cells may be strings, numbers, booleans, null, or (for fields) lists. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (Array.isArray(cell)) return cell.map(cellText).join(";");
  if (typeof cell === "object") return "\u0000object";
  return String(cell);
}
