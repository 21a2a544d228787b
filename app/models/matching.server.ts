import { findCandidates } from "#search/matching";
import { prisma, type DbClient } from "~/db/client.server";
import { splitLines, type Offer } from "~/domain/expert-values";
import { searchTerms } from "~/utils/text";
import { loadCandidateExperts, loadCandidateOrganizations, type CandidateField } from "./match-candidates.server";
import { notify } from "./notification.server";
import { write } from "./write.server";

/**
 * Suggestions for a request: experts and research organizations ranked by
 * fit, each with the reasons it was suggested. Candidates come from the search
 * engine; the score and its explanation are computed here from the database,
 * so they are the same whatever the engine's ranking, and testable.
 *
 * Score: 3 per shared field, 1 per shared field group not already counted,
 * 2 per expertise keyword found in the request, 1.5 per related publication
 * or project (two at most), 0.5 per fitting offer, and up to 1 for the
 * engine's text match. A candidate needs some content match (field, group,
 * keyword or publication) to be suggested at all. Never suggested: the
 * requester's own organizations, their experts, the requester.
 */
export type Reason =
  | { kind: "fields"; fields: { vi: string; en: string }[] }
  | { kind: "area"; areas: { vi: string; en: string }[] }
  | { kind: "keywords"; terms: string[] }
  | { kind: "publication"; title: string }
  | { kind: "offer"; offer: Offer }
  | { kind: "text" }
  | { kind: "verified" };

export type Scored = { id: string; score: number; reasons: Reason[] };

export const SUGGESTIONS_PER_KIND = 10;

const STOPWORDS = new Set(
  "va cua cho cac nhung trong voi mot la duoc co de khong nay tai tu den ve theo nhu khi can muon the and of for in with to a an on by from at or is are be as our we this that into using use".split(
    " ",
  ),
);

/** Folded words of a text, without stopwords and one-letter words. */
function words(text: string): string[] {
  return searchTerms(text).filter((word) => word.length > 1 && !STOPWORDS.has(word));
}

/** Adjacent word pairs: for Vietnamese, whose words are several syllables, the unit of meaning. */
function pairs(text: string): Set<string> {
  const list = words(text);
  const result = new Set<string>();
  for (let i = 0; i + 1 < list.length; i++) result.add(`${list[i]} ${list[i + 1]}`);
  return result;
}

const OFFER_SIGNALS: Record<Offer, (request: RequestFacts) => boolean> = {
  lab_services: (r) =>
    /thu nghiem|thi nghiem|do luong|phan tich|kiem dinh|kiem nghiem|\btest|measur|analys|characteri|calibrat/.test(
      r.text,
    ),
  equipment_access: (r) => /thiet bi|may do|phong sach|equipment|instrument|clean ?room|facility/.test(r.text),
  contract_research: (r) => r.trl <= 6 || /nghien cuu|phat trien|research|develop/.test(r.text),
  consulting: (r) => /tu van|danh gia|chuyen giao|consult|assess|advice|transfer/.test(r.text),
  student_projects: (r) => r.trl <= 3,
};

type RequestFacts = {
  id: string;
  title: string;
  text: string;
  trl: number;
  fieldIds: Set<string>;
  areaIds: Set<string>;
  excludedOrganizationIds: Set<string>;
  authorId: string;
};

type CandidateFields = CandidateField[];

function fieldReasons(request: RequestFacts, fields: CandidateFields): { score: number; reasons: Reason[] } {
  const shared = fields.filter(({ field }) => request.fieldIds.has(field.id)).map(({ field }) => field);
  const sharedAreaIds = new Set(shared.flatMap((field) => (field.parent ? [field.parent.id] : [])));
  const areas = new Map<string, { vi: string; en: string }>();
  for (const { field } of fields) {
    if (field.parent && request.areaIds.has(field.parent.id) && !sharedAreaIds.has(field.parent.id)) {
      areas.set(field.parent.id, { vi: field.parent.nameVi, en: field.parent.nameEn });
    }
  }
  const reasons: Reason[] = [];
  if (shared.length > 0)
    reasons.push({ kind: "fields", fields: shared.map((field) => ({ vi: field.nameVi, en: field.nameEn })) });
  if (areas.size > 0) reasons.push({ kind: "area", areas: [...areas.values()] });
  return { score: 3 * shared.length + areas.size, reasons };
}

export function scoreExpert(
  request: RequestFacts,
  expert: {
    id: string;
    userId: string;
    affiliationId: string | null;
    keywords: string;
    offers: string;
    fields: CandidateFields;
    links: { title: string }[];
  },
  textRank: number | undefined,
  poolSize: number,
): Scored | null {
  if (expert.userId === request.authorId) return null;
  if (expert.affiliationId && request.excludedOrganizationIds.has(expert.affiliationId)) return null;
  const { score: fieldScore, reasons } = fieldReasons(request, expert.fields);
  let score = fieldScore;

  const keywords = splitLines(expert.keywords).filter((keyword) => {
    const folded = searchTerms(keyword).join(" ");
    return folded.length > 1 && request.text.includes(` ${folded} `);
  });
  if (keywords.length > 0) {
    reasons.push({ kind: "keywords", terms: keywords.slice(0, 5) });
    score += 2 * Math.min(keywords.length, 5);
  }

  const requestPairs = pairs(request.text);
  const related = expert.links.filter(
    (link) => [...pairs(link.title)].filter((pair) => requestPairs.has(pair)).length >= 2,
  );
  for (const link of related.slice(0, 2)) {
    reasons.push({ kind: "publication", title: link.title });
    score += 1.5;
  }
  const contentScore = score;
  if (contentScore === 0) return null;

  for (const offer of splitLines(expert.offers) as Offer[]) {
    if (OFFER_SIGNALS[offer]?.(request)) {
      reasons.push({ kind: "offer", offer });
      score += 0.5;
    }
  }
  if (textRank !== undefined) {
    reasons.push({ kind: "text" });
    score += 1 - textRank / Math.max(poolSize, 1);
  }
  return { id: expert.id, score: Math.round(score * 100) / 100, reasons };
}

export function scoreOrganization(
  request: RequestFacts,
  organization: { id: string; kind: string; verified: boolean; fields: CandidateFields },
  textRank: number | undefined,
  poolSize: number,
): Scored | null {
  if (request.excludedOrganizationIds.has(organization.id)) return null;
  const { score: fieldScore, reasons } = fieldReasons(request, organization.fields);
  if (fieldScore === 0 && textRank === undefined) return null;
  let score = fieldScore + (organization.kind === "lab" ? 1 : organization.kind === "institute" ? 0.5 : 0);
  if (organization.verified) {
    reasons.push({ kind: "verified" });
    score += 0.5;
  }
  if (textRank !== undefined) {
    reasons.push({ kind: "text" });
    score += 1 - textRank / Math.max(poolSize, 1);
  }
  if (fieldScore === 0 && textRank !== undefined && textRank > 10) return null;
  return { id: organization.id, score: Math.round(score * 100) / 100, reasons };
}

/** A row's fields with their groups; the slugs are what the engine filters a request's candidates on. */
const fieldsSelect = {
  select: {
    field: {
      select: {
        id: true,
        slug: true,
        nameVi: true,
        nameEn: true,
        parent: { select: { id: true, slug: true, nameVi: true, nameEn: true } },
      },
    },
  },
} as const;

function loadRequest(requestId: string, db: DbClient) {
  return db.techRequest.findUnique({ where: { id: requestId }, include: { fields: fieldsSelect } });
}

async function requestFacts(
  request: NonNullable<Awaited<ReturnType<typeof loadRequest>>>,
  db: DbClient,
): Promise<RequestFacts> {
  const [managed, ownProfile] = await Promise.all([
    db.organizationManager.findMany({ where: { userId: request.authorId }, select: { organizationId: true } }),
    db.expertProfile.findUnique({ where: { userId: request.authorId }, select: { affiliationId: true } }),
  ]);
  const excluded = new Set(managed.map((row) => row.organizationId));
  // The organization the requester belongs to (their own profile's affiliation).
  if (ownProfile?.affiliationId) excluded.add(ownProfile.affiliationId);
  if (request.organizationId) excluded.add(request.organizationId);
  return {
    id: request.id,
    title: request.title,
    // Folded words between single spaces, punctuation gone: " keyword " finds a keyword before a comma too.
    text: ` ${searchTerms(`${request.title} ${request.problem} ${request.desiredOutcome}`).join(" ")} `,
    trl: request.trl,
    fieldIds: new Set(request.fields.map(({ field }) => field.id)),
    areaIds: new Set(request.fields.flatMap(({ field }) => (field.parent ? [field.parent.id] : []))),
    excludedOrganizationIds: excluded,
    authorId: request.authorId,
  };
}

/** Computes the suggestions for a request (without storing them). */
export async function computeSuggestions(requestId: string, db: DbClient = prisma) {
  const request = await loadRequest(requestId, db);
  if (!request) return null;
  // The engine's candidates and the requester's own organizations, side by side.
  const [candidates, facts] = await Promise.all([
    findCandidates({
      // The title, in the writer's words (the engine reads ten): long texts cost
      // the engine most, and the fields are matched by the filters below.
      text: request.title,
      fieldSlugs: request.fields.map(({ field }) => field.slug),
      areaSlugs: [...new Set(request.fields.flatMap(({ field }) => (field.parent ? [field.parent.slug] : [])))],
    }),
    requestFacts(request, db),
  ]);
  const experts = await loadCandidateExperts(candidates.experts.ids, db);
  const organizations = await loadCandidateOrganizations(candidates.organizations.ids, db);
  const rank = <T extends { id: string }>(rows: T[], score: (row: T) => Scored | null, name: (row: T) => string) =>
    rows
      .map((row) => ({ row, scored: score(row) }))
      .filter((entry): entry is { row: T; scored: Scored } => entry.scored !== null)
      .sort((a, b) => b.scored.score - a.scored.score || name(a.row).localeCompare(name(b.row)))
      .slice(0, SUGGESTIONS_PER_KIND)
      .map((entry) => entry.scored);
  return {
    experts: rank(
      experts,
      (expert) => scoreExpert(facts, expert, candidates.experts.textRank.get(expert.id), candidates.experts.ids.length),
      (expert) => expert.fullName,
    ),
    organizations: rank(
      organizations,
      (organization) =>
        scoreOrganization(
          facts,
          organization,
          candidates.organizations.textRank.get(organization.id),
          candidates.organizations.ids.length,
        ),
      (organization) => organization.sortNameVi,
    ),
  };
}

/** Recomputes and stores a request's suggestions; tells newly suggested experts. */
export async function recomputeSuggestions(requestId: string) {
  const request = await prisma.techRequest.findUnique({
    where: { id: requestId },
    select: { status: true, title: true, problem: true },
  });
  if (!request) return;
  if (request.status !== "open") {
    await prisma.matchSuggestion.deleteMany({ where: { requestId } });
    return;
  }
  const computed = await computeSuggestions(requestId);
  if (!computed) return;
  await write(async (tx, effects) => {
    const before = new Set(
      (
        await tx.matchSuggestion.findMany({ where: { requestId, targetType: "expert" }, select: { expertId: true } })
      ).map((row) => row.expertId),
    );
    await tx.matchSuggestion.deleteMany({ where: { requestId } });
    await tx.matchSuggestion.createMany({
      data: [
        ...computed.experts.map((entry, rank) => ({
          requestId,
          targetType: "expert",
          expertId: entry.id,
          rank,
          score: entry.score,
          reasons: JSON.stringify(entry.reasons),
        })),
        ...computed.organizations.map((entry, rank) => ({
          requestId,
          targetType: "organization",
          organizationId: entry.id,
          rank,
          score: entry.score,
          reasons: JSON.stringify(entry.reasons),
        })),
      ],
    });
    const fresh = computed.experts.filter((entry) => !before.has(entry.id));
    if (fresh.length > 0) {
      const owners = await tx.expertProfile.findMany({
        where: { id: { in: fresh.map((entry) => entry.id) } },
        select: { userId: true },
      });
      for (const { userId } of owners) {
        await notify(
          {
            userId,
            type: "suggestion",
            key: "notify.suggested",
            params: { title: request.title },
            url: `/requests/${requestId}`,
            mail: { requestSummary: request.problem, action: "mail.action.respond" },
          },
          tx,
          effects,
        );
      }
    }
  });
}

/** A profile changed: the open requests in its field groups may now suggest it. */
export async function recomputeForExpert(expertId: string) {
  // The candidates come from the engine: until the outbox worker has indexed
  // this profile, a recompute would not see the change. Fail, to be retried (1 s, 2 s…).
  const unindexed = await prisma.searchOutbox.count({
    where: { entity: "expert", entityId: expertId, processedAt: null },
  });
  if (unindexed > 0) throw new Error("the profile is not indexed yet; retrying");
  const expert = await prisma.expertProfile.findUnique({
    where: { id: expertId },
    select: { fields: { select: { field: { select: { parentId: true } } } } },
  });
  if (!expert) return;
  const areaIds = [
    ...new Set(expert.fields.map(({ field }) => field.parentId).filter((id): id is string => Boolean(id))),
  ];
  const requests = await prisma.techRequest.findMany({
    where: {
      status: "open",
      OR: [{ fields: { some: { field: { parentId: { in: areaIds } } } } }, { suggestions: { some: { expertId } } }],
    },
    select: { id: true },
    take: 500,
  });
  if (requests.length === 0) return;
  await write(async (tx, effects) => {
    for (const request of requests) await effects.enqueue("recompute-matches", { requestId: request.id });
  });
}

export async function getSuggestions(requestId: string) {
  const rows = await prisma.matchSuggestion.findMany({
    where: { requestId },
    orderBy: [{ targetType: "asc" }, { rank: "asc" }],
    include: {
      expert: {
        select: {
          id: true,
          slug: true,
          title: true,
          fullName: true,
          affiliation: { select: { nameVi: true, nameEn: true, acronym: true } },
        },
      },
      organization: { select: { id: true, slug: true, nameVi: true, nameEn: true, acronym: true, kind: true } },
    },
  });
  return rows.map((row) => ({ ...row, reasons: JSON.parse(row.reasons) as Reason[] }));
}
