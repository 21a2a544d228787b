import { parse as parseBibtex, type Creator } from "@retorquere/bibtex-parser";
import { normaliseDoi } from "~/domain/scholarly-ids";

/**
 * Reads the reference files that Google Scholar, ORCID, Scopus and Zotero
 * export (BibTeX, RIS) into plain publication entries (docs/decisions/071).
 * BibTeX goes through @retorquere/bibtex-parser, which turns LaTeX accents
 * ({\"o}, {\~e}) into Unicode; RIS is a line per tag and is read here.
 */

export type CitationEntry = {
  title: string;
  authors: string | null;
  venue: string | null;
  year: number | null;
  doi: string | null;
  url: string | null;
};

export type CitationFormat = "bibtex" | "ris";

export type CitationProblem =
  | { problem: "unknownFormat" }
  | { problem: "empty"; format: CitationFormat }
  | { problem: "malformed"; format: CitationFormat; line: number | null; detail: string };

export type CitationFile = { format: CitationFormat; entries: CitationEntry[] } | CitationProblem;

/** The format of a file's text: RIS records start with "TY  - ", BibTeX entries with "@type{". */
export function citationFormat(text: string): CitationFormat | null {
  if (/^\s*TY {2}- /m.test(text)) return "ris";
  if (/^\s*@\s*[a-z]+\s*[{(]/im.test(text)) return "bibtex";
  return null;
}

export function readCitationFile(text: string): CitationFile {
  const body = text.replace(/^\uFEFF/, "");
  const format = citationFormat(body);
  if (!format) return { problem: "unknownFormat" };
  const read = format === "ris" ? readRis(body) : readBibtex(body);
  if ("problem" in read) return read;
  if (read.length === 0) return { problem: "empty", format };
  return { format, entries: read };
}

const clean = (value: string | undefined | null, max: number): string | null => {
  // NFC: the parser writes accents as combining marks ("e" + "̂" + "̃"), typed text has "ễ".
  const text = (value ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
  return text ? text.slice(0, max) : null;
};

function year(value: string | undefined | null): number | null {
  const match = /\b(1[5-9]\d\d|2\d\d\d)\b/.exec(value ?? "");
  return match ? Number(match[1]) : null;
}

function webUrl(value: string | undefined | null): string | null {
  const text = clean(value, 500);
  if (!text) return null;
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

function entry(fields: {
  title?: string | null;
  authors: string[];
  venue?: string | null;
  year?: string | null;
  doi?: string | null;
  url?: string | null;
}): CitationEntry | null {
  const title = clean(fields.title, 300);
  if (!title) return null;
  const authors = fields.authors.map((name) => clean(name, 120)).filter(Boolean);
  return {
    title,
    authors: clean(authors.join("; "), 1000),
    venue: clean(fields.venue, 300),
    year: year(fields.year),
    doi: normaliseDoi(fields.doi),
    url: webUrl(fields.url),
  };
}

function lineOf(detail: string): number | null {
  const match = /\bline (\d+)/i.exec(detail);
  return match ? Number(match[1]) : null;
}

function readBibtex(text: string): CitationEntry[] | CitationProblem {
  let library;
  try {
    // No sentence-casing: titles stay as their authors wrote them (Vietnamese ones above all).
    library = parseBibtex(text, { english: false, sentenceCase: false, unsupported: "ignore" });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { problem: "malformed", format: "bibtex", line: lineOf(detail), detail: detail.slice(0, 200) };
  }
  const [first] = library.errors;
  if (first)
    return { problem: "malformed", format: "bibtex", line: lineOf(first.error), detail: first.error.slice(0, 200) };
  // "Nguyễn, Thị Lan", as RIS files and Vietnamese readers write names.
  const name = (creator: Creator) =>
    creator.name ??
    [[creator.prefix, creator.lastName].filter(Boolean).join(" "), creator.firstName, creator.suffix]
      .filter(Boolean)
      .join(", ");
  return library.entries.flatMap((item) => {
    const f = item.fields;
    const made = entry({
      title: f.title,
      authors: (f.author ?? []).map(name),
      venue: f.journal ?? f.journaltitle ?? f.booktitle ?? f.publisher?.join(", ") ?? f.school ?? f.howpublished,
      year: f.year ?? f.date,
      doi: f.doi,
      url: f.url,
    });
    return made ? [made] : [];
  });
}

/** Values kept per tag of a record (the rest are ignored), and the length a value grows to by continuation lines. */
const MAX_RIS_VALUES_PER_TAG = 500;
const MAX_RIS_VALUE_LENGTH = 5_000;

/** RIS: "XX  - value" lines; a record runs from TY to ER. */
function readRis(text: string): CitationEntry[] | CitationProblem {
  const entries: CitationEntry[] = [];
  let record: Map<string, string[]> | null = null;
  let lastTag: string | null = null;
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const tagged = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/.exec(line.trimEnd());
    if (!tagged) {
      if (line.trim() === "") continue;
      // A line without a tag continues the one before (long abstracts, titles).
      if (record && lastTag) {
        const values = record.get(lastTag)!;
        if (values[values.length - 1]!.length < MAX_RIS_VALUE_LENGTH) values[values.length - 1] += ` ${line.trim()}`;
        continue;
      }
      return malformedRis(i + 1, `unexpected text outside a record: "${line.slice(0, 60)}"`);
    }
    const [, tag, value = ""] = tagged as unknown as [string, string, string | undefined];
    if (tag === "TY") {
      if (record) return malformedRis(i + 1, "a record starts before the previous one ended (ER)");
      record = new Map();
      lastTag = null;
      continue;
    }
    if (!record) return malformedRis(i + 1, `tag ${tag} outside a record (no TY before it)`);
    if (tag === "ER") {
      const get = (...tags: string[]) => tags.map((t) => record!.get(t)?.[0]).find(Boolean);
      const made = entry({
        title: get("TI", "T1", "CT", "BT"),
        authors: [...(record.get("AU") ?? []), ...(record.get("A1") ?? [])],
        venue: get("T2", "JO", "JF", "JA", "J2", "PB"),
        year: get("PY", "Y1", "DA"),
        doi: get("DO"),
        url: get("UR", "L2"),
      });
      if (made) entries.push(made);
      record = null;
      lastTag = null;
      continue;
    }
    // Pushed in place, and capped: a file of 300,000 author lines costs a walk, not a copy per line.
    const values = record.get(tag);
    if (!values) record.set(tag, [value.trim()]);
    else if (values.length < MAX_RIS_VALUES_PER_TAG) values.push(value.trim());
    lastTag = tag;
  }
  if (record) return malformedRis(lines.length, "the last record has no ER line");
  return entries;
}

function malformedRis(line: number, detail: string): CitationProblem {
  return { problem: "malformed", format: "ris", line, detail };
}
