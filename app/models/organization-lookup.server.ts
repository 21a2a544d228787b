import { prisma } from "~/db/client.server";
import { foldText, searchTerms } from "~/utils/text";

/**
 * Finds the directory listing a person means when they type an organization
 * ("HUST", "Viện Hóa học", "vast-institute-of-chemistry"): an exact slug,
 * acronym or name wins; otherwise the closest listings are offered to choose
 * from (which works without JavaScript: the form shows them as options).
 */
export type OrganizationChoice = {
  id: string;
  slug: string;
  nameVi: string | null;
  nameEn: string | null;
  acronym: string | null;
};

const SELECT = { id: true, slug: true, nameVi: true, nameEn: true, acronym: true } as const;

export async function resolveOrganization(
  text: string,
): Promise<{ match: OrganizationChoice | null; candidates: OrganizationChoice[] }> {
  const value = text.trim();
  const bySlug = await prisma.organization.findFirst({ where: { slug: value, status: "published" }, select: SELECT });
  if (bySlug) return { match: bySlug, candidates: [] };
  const folded = foldText(value);
  const terms = searchTerms(value).slice(0, 8);
  if (terms.length === 0) return { match: null, candidates: [] };
  const candidates = await prisma.organization.findMany({
    where: { status: "published", AND: terms.map((term) => ({ searchText: { contains: term } })) },
    select: SELECT,
    orderBy: [{ verified: "desc" }, { sortNameVi: "asc" }],
    take: 30,
  });
  const exact = candidates.filter((candidate) =>
    [candidate.acronym, candidate.nameVi, candidate.nameEn].some((name) => name && foldText(name) === folded),
  );
  if (exact.length === 1) return { match: exact[0]!, candidates: [] };
  return { match: null, candidates: (exact.length > 1 ? exact : candidates).slice(0, 6) };
}
