import { foldText } from "~/utils/text";

/**
 * Identifiers of scholarly work: DOIs (how imported publications merge) and
 * ORCID iDs (a researcher's). Shared by the browser and the server.
 */

/** "https://doi.org/10.1000/ABC", "doi:10.1000/abc" → "10.1000/abc"; null when it is no DOI. */
export function normaliseDoi(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let doi = raw.trim();
  try {
    doi = decodeURIComponent(doi);
  } catch {
    // A stray "%" is part of the text, not an escape.
  }
  doi = doi
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, "")
    .replace(/^doi:\s*/i, "")
    .trim()
    .toLowerCase();
  return /^10\.\d{4,9}\/\S+$/.test(doi) && doi.length <= 200 ? doi : null;
}

/** The resolver link of a normalised DOI. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}

/**
 * A title as duplicates compare: lower-case, without accents (đ → d) or punctuation,
 * spaces collapsed. "Nghiên cứu: Đột biến gen!" → "nghien cuu dot bien gen".
 */
export function normaliseTitle(title: string): string {
  return foldText(title)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * An ORCID iD as typed ("0000-0002-1825-0097", its https://orcid.org/ link, with or
 * without hyphens), written 0000-0002-1825-0097; null unless its last character is
 * the ISO 7064 11,2 check digit of the other fifteen.
 */
export function normaliseOrcid(raw: string): string | null {
  const compact = raw
    .trim()
    .replace(/^(?:https?:\/\/)?(?:www\.)?orcid\.org\//i, "")
    .replace(/[\s-]/g, "")
    .toUpperCase();
  if (!/^\d{15}[\dX]$/.test(compact)) return null;
  let total = 0;
  for (const digit of compact.slice(0, 15)) total = (total + Number(digit)) * 2;
  const check = (12 - (total % 11)) % 11;
  if (compact[15] !== (check === 10 ? "X" : String(check))) return null;
  return compact.match(/.{4}/g)!.join("-");
}

export function orcidUrl(orcid: string): string {
  return `https://orcid.org/${orcid}`;
}
