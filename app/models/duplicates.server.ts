import { sortableName } from "#search/organization-document";
import { prisma } from "~/db/client.server";

/**
 * Listings a proposed one probably duplicates: the same folded name (as the
 * import checks), the same acronym, or the same website domain. A member who
 * writes "Trường Đại học Bách khoa Hà Nội (HUST)" with hust.edu.vn must be
 * warned, and the official reviewing it must see why.
 */
export type DuplicateReason = "name" | "acronym" | "website";
export type LikelyDuplicate = {
  id: string;
  slug: string;
  nameVi: string | null;
  nameEn: string | null;
  status: string;
  reasons: DuplicateReason[];
};
type Candidate = {
  id?: string;
  nameVi?: string | null;
  nameEn?: string | null;
  acronym?: string | null;
  website?: string | null;
};

// "Trường Đại học X" and "Đại học X" name the same institution.
const nameKey = (name: string) =>
  sortableName(name.replace(/\([^)]*\)/g, " "))
    .replace(/^truong /, "")
    .replace(/\s+/g, " ")
    .trim();

/** The acronym field, and one written in brackets after the name. */
function acronyms(candidate: Candidate): string[] {
  const found = [candidate.acronym ?? ""];
  for (const name of [candidate.nameVi, candidate.nameEn]) {
    for (const match of (name ?? "").matchAll(/\(([\p{Lu}0-9&-]{2,15})\)/gu)) found.push(match[1] ?? "");
  }
  return [...new Set(found.map((value) => value.trim().toUpperCase()).filter((value) => value.length >= 2))];
}

export function websiteDomain(website: string | null | undefined): string | null {
  const value = (website ?? "").trim();
  if (!value) return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`).hostname.toLowerCase();
    return host.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

export async function likelyDuplicates(candidate: Candidate, limit = 5): Promise<LikelyDuplicate[]> {
  return (await duplicateFinder())(candidate, limit);
}

/** Reads the listings once; the queue checks every proposal against them. */
export async function duplicateFinder() {
  // A few thousand listings: one narrow read, compared in memory as the import does.
  const listed = await prisma.organization.findMany({
    select: { id: true, slug: true, nameVi: true, nameEn: true, acronym: true, website: true, status: true },
  });
  return (candidate: Candidate, limit = 5): LikelyDuplicate[] => {
    const names = new Set(
      [candidate.nameVi, candidate.nameEn].filter((name): name is string => Boolean(name?.trim())).map(nameKey),
    );
    names.delete("");
    const acronymSet = new Set(acronyms(candidate));
    const domain = websiteDomain(candidate.website);
    const found: LikelyDuplicate[] = [];
    for (const other of listed) {
      if (other.id === candidate.id) continue;
      const reasons: DuplicateReason[] = [];
      if ([other.nameVi, other.nameEn].some((name) => name && names.has(nameKey(name)))) reasons.push("name");
      if (other.acronym && acronymSet.has(other.acronym.trim().toUpperCase())) reasons.push("acronym");
      if (domain && websiteDomain(other.website) === domain) reasons.push("website");
      if (reasons.length)
        found.push({
          id: other.id,
          slug: other.slug,
          nameVi: other.nameVi,
          nameEn: other.nameEn,
          status: other.status,
          reasons,
        });
    }
    // Most reasons first: a listing matching on name and website is the likeliest.
    return found.sort((a, b) => b.reasons.length - a.reasons.length).slice(0, limit);
  };
}
