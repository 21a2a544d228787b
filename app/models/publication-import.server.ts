import { prisma } from "~/db/client.server";
import { MAX_PROFILE_LINKS } from "~/domain/expert-values";
export { MAX_IMPORT_BYTES, MAX_IMPORT_ENTRIES } from "~/domain/expert-values";
import { doiUrl, normaliseTitle } from "~/domain/scholarly-ids";
import type { CitationEntry, CitationFormat } from "~/utils/citation-files";
import { refreshExpertSearchText } from "./expert.server";
import { confirmedNow } from "./profile-reconfirmation.server";
import { write } from "./write.server";

/**
 * Publications imported from a BibTeX or RIS file (docs/decisions/071): a
 * preview marks what the profile already lists, the import adds the ticked
 * entries in one write and merges duplicates (same DOI, else same title and
 * year) into the entry already there, filling only what it lacks.
 */

type Comparable = { title: string; year: number | null; doi: string | null };

/** Same DOI when both have one; otherwise the same title (accents, case and punctuation aside) and year. */
export function samePublication(a: Comparable, b: Comparable): boolean {
  if (a.doi && b.doi) return a.doi === b.doi;
  return a.year === b.year && normaliseTitle(a.title) === normaliseTitle(b.title);
}

/** What `into` lacks, taken from `from`. */
function missingFields<T extends CitationEntry>(into: T, from: CitationEntry): Partial<CitationEntry> {
  const filled: Partial<CitationEntry> = {};
  for (const key of ["authors", "venue", "year", "doi", "url"] as const) {
    if (into[key] === null && from[key] !== null) Object.assign(filled, { [key]: from[key] });
  }
  return filled;
}

/** The file's entries with its own duplicates merged into their first occurrence. */
export function mergeWithinFile(entries: CitationEntry[]): CitationEntry[] {
  const merged: CitationEntry[] = [];
  for (const entry of entries) {
    const same = merged.find((kept) => samePublication(kept, entry));
    if (same) Object.assign(same, missingFields(same, entry));
    else merged.push({ ...entry });
  }
  return merged;
}

export type PreviewEntry = CitationEntry & { listed: boolean };

/** The file's entries, its own duplicates merged, each marked when the profile already lists it. */
export async function previewImport(userId: string, entries: CitationEntry[]) {
  const profile = await prisma.expertProfile.findUnique({
    where: { userId },
    select: { links: { where: { kind: "publication" }, select: { title: true, year: true, doi: true } } },
  });
  if (!profile) return null;
  return {
    entries: mergeWithinFile(entries).map((entry): PreviewEntry => ({
      ...entry,
      listed: profile.links.some((link) => samePublication(link, entry)),
    })),
    room: MAX_PROFILE_LINKS,
  };
}

export type ImportResult =
  | { ok: true; added: number; merged: number }
  | { ok: false; problem: "noProfile" }
  | { ok: false; problem: "tooMany"; max: number; listed: number };

export async function importPublications(
  userId: string,
  entries: CitationEntry[],
  source: CitationFormat,
  now = new Date(),
): Promise<ImportResult> {
  return write(async (tx, effects) => {
    const profile = await tx.expertProfile.findUnique({
      where: { userId },
      select: {
        id: true,
        links: {
          select: {
            id: true,
            kind: true,
            position: true,
            title: true,
            year: true,
            doi: true,
            authors: true,
            venue: true,
            url: true,
          },
          orderBy: { position: "desc" },
        },
      },
    });
    if (!profile) return { ok: false, problem: "noProfile" } as const;
    const publications = profile.links.filter((link) => link.kind === "publication");
    const fresh: CitationEntry[] = [];
    let merged = 0;
    for (const entry of mergeWithinFile(entries)) {
      const listed = publications.find((link) => samePublication(link, entry));
      if (!listed) {
        fresh.push(entry);
        continue;
      }
      merged++;
      const filled = missingFields(listed, entry);
      if (filled.doi && !listed.url && !filled.url) filled.url = doiUrl(filled.doi);
      if (Object.keys(filled).length > 0) {
        await tx.expertLink.update({ where: { id: listed.id }, data: filled });
        Object.assign(listed, filled);
      }
    }
    if (profile.links.length + fresh.length > MAX_PROFILE_LINKS) {
      return { ok: false, problem: "tooMany", max: MAX_PROFILE_LINKS, listed: profile.links.length } as const;
    }
    const after = (profile.links[0]?.position ?? -1) + 1;
    await tx.expertLink.createMany({
      data: fresh.map((entry, i) => ({
        expertId: profile.id,
        kind: "publication",
        title: entry.title,
        authors: entry.authors,
        venue: entry.venue,
        year: entry.year,
        doi: entry.doi,
        url: entry.url ?? (entry.doi ? doiUrl(entry.doi) : null),
        source,
        position: after + i,
      })),
    });
    // Updating the profile is also confirming it is current (the yearly clock).
    await tx.expertProfile.update({ where: { id: profile.id }, data: confirmedNow(now) });
    await refreshExpertSearchText(profile.id, tx);
    await effects.reindex("expert", [profile.id]);
    await effects.enqueue("recompute-matches-for-expert", { expertId: profile.id });
    return { ok: true, added: fresh.length, merged } as const;
  });
}
