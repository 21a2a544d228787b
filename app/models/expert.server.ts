import type { Prisma } from "~/generated/prisma/client";
import { expertIndexInclude, expertSearchText } from "#search/expert-document";
import { prisma, type DbClient } from "~/db/client.server";
import { slugify } from "~/utils/text";
import { RESERVED_EXPERT_SLUGS } from "~/domain/overseas";
import { isAffiliationVerified } from "~/domain/affiliation";
import type { ExpertProfileInput } from "~/validation/expert";
import { getTaxonomy } from "./field.server";
import { confirmedNow } from "./profile-reconfirmation.server";
import { resolveOrganization, type OrganizationChoice } from "./organization-lookup.server";
import { write } from "./write.server";

/**
 * Expertise profiles. Saving one rewrites its fields and links, refreshes its
 * fallback search text, and queues (in the same transaction) its search
 * document and a recompute of the suggestions it may now belong to.
 */

/** The profile's own public columns (never userId, reviewNote, reviewState or searchText). */
const profileColumns = {
  slug: true,
  title: true,
  fullName: true,
  position: true,
  bioVi: true,
  bioEn: true,
  keywords: true,
  offers: true,
  orcid: true,
  // Based abroad (docs/decisions/076): public, as the page and the API show them.
  country: true,
  institutionAbroad: true,
  workModes: true,
  languages: true,
  publishedAt: true,
} satisfies Prisma.ExpertProfileSelect;
/** Read to decide "affiliation verified" (app/domain/affiliation.ts), then dropped: never sent to a page. */
const verificationColumns = {
  affiliationId: true,
  affiliationVerifiedAt: true,
  affiliationVerifiedOrgId: true,
} satisfies Prisma.ExpertProfileSelect;

type VerificationColumns = { [K in keyof typeof verificationColumns]: unknown };

/** The row without the verification columns, with the one boolean pages, the API and search show. */
export function withAffiliationVerified<T extends VerificationColumns>(
  row: T,
): Omit<T, keyof VerificationColumns> & { affiliationVerified: boolean } {
  const { affiliationId, affiliationVerifiedAt, affiliationVerifiedOrgId, ...rest } = row;
  return {
    ...rest,
    affiliationVerified: isAffiliationVerified({
      affiliationId: affiliationId as string | null,
      affiliationVerifiedAt: affiliationVerifiedAt as Date | null,
      affiliationVerifiedOrgId: affiliationVerifiedOrgId as string | null,
    }),
  };
}

const linkColumns = {
  id: true,
  kind: true,
  title: true,
  url: true,
  year: true,
  authors: true,
  venue: true,
  doi: true,
} satisfies Prisma.ExpertLinkSelect;

/**
 * Profiles anyone may see: published and not hidden by the yearly reconfirmation
 * (app/models/profile-reconfirmation.server.ts).
 */
export const PUBLIC_EXPERT = { status: "published", hiddenAt: null } satisfies Prisma.ExpertProfileWhereInput;

export async function getOwnProfile(userId: string) {
  // Only what the form shows: the curators' review note and the search text stay on the server.
  return prisma.expertProfile.findUnique({
    where: { userId },
    select: {
      ...profileColumns,
      status: true,
      inquiriesOpen: true,
      staleSince: true,
      hiddenAt: true,
      affiliation: { select: { slug: true, nameVi: true, nameEn: true, acronym: true } },
      fields: { select: { field: { select: { slug: true } } } },
      links: { select: linkColumns, orderBy: { position: "asc" } },
    },
  });
}

export type SaveProfileResult =
  | { ok: true; slug: string; status: string }
  | { ok: false; field: "affiliation"; candidates: OrganizationChoice[] }
  | { ok: false; field: "fieldSlugs" };

export async function saveProfile(userId: string, input: ExpertProfileInput): Promise<SaveProfileResult> {
  const taxonomy = await getTaxonomy();
  const fieldIds = input.fieldSlugs
    .map((slug) => taxonomy.bySlug.get(slug))
    .filter((field) => field && field.areaSlug !== null);
  if (fieldIds.length !== input.fieldSlugs.length) return { ok: false, field: "fieldSlugs" };

  let affiliationId: string | null = null;
  if (input.affiliation) {
    const resolved = await resolveOrganization(input.affiliation);
    if (!resolved.match) return { ok: false, field: "affiliation", candidates: resolved.candidates };
    affiliationId = resolved.match.id;
  }

  const status = input.intent === "publish" ? "published" : "draft";
  const saved = await write(async (tx, effects) => {
    const existing = await tx.expertProfile.findUnique({
      where: { userId },
      select: { id: true, slug: true, publishedAt: true },
    });
    const data = {
      title: input.title,
      fullName: input.fullName,
      affiliationId,
      position: input.position,
      bioVi: input.bioVi,
      bioEn: input.bioEn,
      keywords: input.keywords.join("\n"),
      offers: input.offers.join("\n"),
      inquiriesOpen: input.inquiries === "open",
      orcid: input.orcid,
      // Based abroad, or not: the whole section at once (docs/decisions/076).
      country: input.country ?? null,
      institutionAbroad: input.country ? (input.institutionAbroad ?? null) : null,
      workModes: input.country ? (input.workModes ?? []).join("\n") : "",
      languages: input.country ? (input.languages ?? []).join("\n") : "",
      status,
      // Editing the profile is also confirming it is current (the yearly clock).
      ...confirmedNow(new Date()),
      // Officials look at every published change (app/models/expert-review.server.ts). The last
      // review's note was about the old text: it goes (the audit log keeps it), never onto the page.
      ...(status === "published" ? { reviewState: "pending" } : {}),
      reviewNote: null,
      publishedAt: status === "published" ? (existing?.publishedAt ?? new Date()) : (existing?.publishedAt ?? null),
    };
    const profile = existing
      ? await tx.expertProfile.update({ where: { id: existing.id }, data })
      : await tx.expertProfile.create({ data: { ...data, userId, slug: await uniqueSlug(input.fullName, tx) } });
    await tx.expertField.deleteMany({ where: { expertId: profile.id } });
    await tx.expertField.createMany({ data: fieldIds.map((field) => ({ expertId: profile.id, fieldId: field!.id })) });
    // The form edits kind, title, year and link; what an import brought (authors, venue,
    // DOI, source) stays with the row it came with.
    const before = new Map(
      (
        await tx.expertLink.findMany({
          where: { expertId: profile.id },
          select: { id: true, authors: true, venue: true, doi: true, source: true },
        })
      ).map(({ id, ...kept }) => [id, kept]),
    );
    await tx.expertLink.deleteMany({ where: { expertId: profile.id } });
    await tx.expertLink.createMany({
      data: input.links.map((link, position) => ({
        ...(link.id ? before.get(link.id) : undefined),
        expertId: profile.id,
        kind: link.kind,
        title: link.title!,
        url: link.url,
        year: link.year,
        position,
      })),
    });
    await refreshExpertSearchText(profile.id, tx);
    await effects.reindex("expert", [profile.id]);
    await effects.enqueue("recompute-matches-for-expert", { expertId: profile.id });
    return profile;
  });
  return { ok: true, slug: saved.slug, status: saved.status };
}

async function uniqueSlug(name: string, tx: Prisma.TransactionClient) {
  const base = slugify(name, 60) || "expert";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    // /experts/overseas is the network's page: no profile may take its path.
    if (RESERVED_EXPERT_SLUGS.has(slug)) continue;
    if (!(await tx.expertProfile.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

export async function refreshExpertSearchText(id: string, tx: DbClient) {
  const expert = await tx.expertProfile.findUniqueOrThrow({ where: { id }, include: expertIndexInclude });
  await tx.expertProfile.update({ where: { id }, data: { searchText: expertSearchText(expert) } });
}

/** A public profile; `viewerId`'s own hidden one too (they may revive it). */
export async function getPublishedExpert(slug: string, viewerId?: string) {
  const row = await prisma.expertProfile.findFirst({
    where: { slug, status: "published", OR: [{ hiddenAt: null }, ...(viewerId ? [{ userId: viewerId }] : [])] },
    select: {
      ...profileColumns,
      hiddenAt: true,
      ...verificationColumns,
      affiliation: { select: { slug: true, nameVi: true, nameEn: true, acronym: true, status: true } },
      fields: { select: { field: { select: { slug: true, nameVi: true, nameEn: true } } } },
      links: { select: linkColumns, orderBy: { position: "asc" } },
    },
  });
  return row ? withAffiliationVerified(row) : null;
}

export function publishedExpertsOf(organizationId: string, db: DbClient = prisma) {
  return db.expertProfile.findMany({
    where: { affiliationId: organizationId, ...PUBLIC_EXPERT },
    select: { slug: true, title: true, fullName: true, position: true },
    orderBy: { fullName: "asc" },
    take: 100,
  });
}

/** Cards for expert search results, in the order of `ids`. */
export async function getPublishedExpertCards(ids: readonly string[], db: DbClient = prisma) {
  if (ids.length === 0) return [];
  const rows = await db.expertProfile.findMany({
    where: { id: { in: [...ids] }, ...PUBLIC_EXPERT },
    select: {
      id: true,
      slug: true,
      title: true,
      fullName: true,
      position: true,
      keywords: true,
      offers: true,
      bioVi: true,
      bioEn: true,
      country: true,
      institutionAbroad: true,
      workModes: true,
      languages: true,
      ...verificationColumns,
      affiliation: { select: { slug: true, nameVi: true, nameEn: true, acronym: true, status: true } },
      fields: { select: { field: { select: { slug: true, nameVi: true, nameEn: true } } }, take: 5 },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, withAffiliationVerified(row)]));
  return ids.map((id) => byId.get(id)).filter((row): row is NonNullable<typeof row> => Boolean(row));
}
export type ExpertCard = Awaited<ReturnType<typeof getPublishedExpertCards>>[number];

export async function hasProfile(userId: string): Promise<boolean> {
  return (await prisma.expertProfile.count({ where: { userId } })) > 0;
}
