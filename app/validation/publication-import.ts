import { z } from "zod";
import { normaliseDoi } from "~/domain/scholarly-ids";

/**
 * The preview's entries as they come back with the import (docs/decisions/071):
 * one JSON hidden field each, `entries[0]`, `entries[1]`… They are the researcher's own data going to their
 * own profile, so nothing is signed; each is checked again as if typed.
 */
const nullableText = (max: number) =>
  z
    .string()
    .max(max)
    .nullable()
    .transform((value) => value?.trim() || null);

export const ImportedEntrySchema = z.object({
  title: z.string().trim().min(1).max(300),
  authors: nullableText(1000),
  venue: nullableText(300),
  year: z.number().int().min(1500).max(2100).nullable(),
  doi: z
    .string()
    .nullable()
    .refine((doi) => doi === null || normaliseDoi(doi) === doi),
  url: z
    .string()
    .max(500)
    .nullable()
    .refine((url) => url === null || isWebAddress(url)),
});

/** An http(s) address with a real host name, as typed links are checked (validation/common.ts). */
function isWebAddress(value: string) {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

export const IMPORT_FORMATS = ["bibtex", "ris"] as const;

/** The entry fields of the import form, or null when one is not what the preview sent. */
export function readImportedEntries(values: FormDataEntryValue[]) {
  const entries = [];
  for (const value of values) {
    if (typeof value !== "string") return null;
    let json: unknown;
    try {
      json = JSON.parse(value);
    } catch {
      return null;
    }
    const parsed = ImportedEntrySchema.safeParse(json);
    if (!parsed.success) return null;
    entries.push(parsed.data);
  }
  return entries;
}
