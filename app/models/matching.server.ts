import { findCandidates } from "#search/matching";
import { prisma, type DbClient } from "~/db/client.server";
import { splitLines, type Offer } from "~/domain/expert-values";
import { reasonText, type Reason } from "~/domain/match-reasons";
import { workModesOf } from "~/domain/overseas";
import { EQUIPMENT_CATEGORY_LABELS, PUBLIC_OFFER, type EquipmentCategory, type OfferType } from "~/domain/offer-values";
import { isLanguage, pick, translator, type Language } from "~/i18n/i18n";
import { searchTerms } from "~/utils/text";
import {
  loadCandidateExperts,
  loadCandidateOffers,
  loadCandidateOrganizations,
  type CandidateField,
  type CandidateOffer,
} from "./match-candidates.server";
import { notify } from "./notification.server";
import { write, type Effects, type Tx } from "./write.server";

export type { Reason } from "~/domain/match-reasons";

/**
 * Suggestions for a request: experts, research organizations and public offers
 * (services, equipment, technologies) ranked by fit, each with the reasons it
 * was suggested. Candidates come from the search
 * engine; the score and its explanation are computed here from the database,
 * so they are the same whatever the engine's ranking, and testable.
 *
 * Score: 3 per shared field, 1 per shared field group not already counted,
 * 2 per expertise keyword found in the request, 1.5 per related publication
 * or project (two at most), 0.5 per fitting offer, and up to 1 for the
 * engine's text match. A candidate needs some content match (field, group,
 * keyword or publication) to be suggested at all. Never suggested: the
 * requester's own organizations, their experts, the requester.
 *
 * An offer scores as an expert does on fields, groups and keywords (the
 * words it shares with the request in its name, description, instrument,
 * method and applications, 2 each, five at most), 0.5 when its type is what
 * the request's words ask for, 1 when its owner listing is suggested too, 0.5
 * for a verified owner, and up to 1 for the engine's text match (decision 062).
 */

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
  /** Experts who said "not for me" to this request: never suggested for it again. */
  declinedExpertIds?: Set<string>;
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
    /** Based abroad (docs/decisions/076); absent or null in Vietnam */
    country?: string | null;
    workModes?: string;
  },
  textRank: number | undefined,
  poolSize: number,
): Scored | null {
  if (expert.userId === request.authorId) return null;
  if (request.declinedExpertIds?.has(expert.id)) return null;
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
  // Abroad: said, with how they work with Hanoi; the score is everyone's (docs/decisions/076).
  if (expert.country)
    reasons.push({ kind: "overseas", country: expert.country, modes: workModesOf(expert.workModes ?? "") });
  return { id: expert.id, score: Math.round(score * 100) / 100, reasons };
}

/** The last parts of a listing's or an offer's score: 0.5 for a verified owner, up to 1 for the engine's text rank. */
function trustAndText(reasons: Reason[], verified: boolean, textRank: number | undefined, poolSize: number) {
  let score = 0;
  if (verified) {
    reasons.push({ kind: "verified" });
    score += 0.5;
  }
  if (textRank !== undefined) {
    reasons.push({ kind: "text" });
    score += 1 - textRank / Math.max(poolSize, 1);
  }
  return score;
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
  score += trustAndText(reasons, organization.verified, textRank, poolSize);
  if (fieldScore === 0 && textRank !== undefined && textRank > 10) return null;
  return { id: organization.id, score: Math.round(score * 100) / 100, reasons };
}

/** Two-syllable words too common in offers and requests to say why one fits the other. */
const GENERIC_PHRASES = new Set([
  "thiet bi",
  "dich vu",
  "nghien cuu",
  "cong nghe",
  "phan tich",
  "san xuat",
  "chat luong",
  "he thong",
  "quy trinh",
  "phat trien",
  "ung dung",
  "doanh nghiep",
  "cong ty",
  "giai phap",
  "ki thuat",
  "thu nghiem",
  "thi nghiem",
  "phong thi nghiem",
  "chung toi",
  "yeu cau",
  "tieu chuan",
  "hieu qua",
  "gia thanh",
  "hien nay",
  "viet nam",
  "ha noi",
  "nha may",
  "san pham",
]);

/** A lone word that names a thing: an acronym (XRD, HPLC) or a formula or model (H2S, S-4800). */
const technicalWord = (raw: string) => /^[A-Z]{3,}$/.test(raw) || (/\d/.test(raw) && /\p{L}/u.test(raw));

/**
 * Stopwords as written: folded, "khí" (gas) and "dược" (medicinal) would be
 * "khi" (when) and "duoc" (can), which a phrase may not start or end with.
 */
const MARKED_STOPWORDS = new Set(
  "và của cho các những trong với một là được có để không này tại từ đến về theo như khi cần muốn thể bằng".split(" "),
);
const isStopword = (raw: string) => {
  const lower = raw.toLowerCase();
  if (/^[\x00-\x7f]*$/.test(lower)) return lower.length <= 1 || STOPWORDS.has(lower);
  return MARKED_STOPWORDS.has(lower);
};

type Token = { start: number; end: number; raw: string; folded: string };

/** Words folded once: the same few thousand words recur across the offers a request is scored on. */
const foldedWords = new Map<string, string>();
function foldWord(raw: string): string {
  let folded = foldedWords.get(raw);
  if (folded === undefined) {
    folded = searchTerms(raw).join(" ");
    if (foldedWords.size >= 50_000) foldedWords.clear();
    foldedWords.set(raw, folded);
  }
  return folded;
}

/** A run of words trimmed of stopwords and generic words at either end, or null when nothing says much. */
function trimRun(run: Token[]): Token[] | null {
  const generic = (a: Token | undefined, b: Token | undefined) =>
    a !== undefined && b !== undefined && GENERIC_PHRASES.has(`${a.folded} ${b.folded}`);
  for (;;) {
    const before = run.length;
    while (run.length > 0 && isStopword(run[0]!.raw)) run = run.slice(1);
    while (run.length > 0 && isStopword(run[run.length - 1]!.raw)) run = run.slice(0, -1);
    if (run.length > 2 && generic(run[0], run[1])) run = run.slice(2);
    if (run.length > 2 && generic(run[run.length - 2], run[run.length - 1])) run = run.slice(0, -2);
    if (run.length === before) break;
  }
  const content = run.filter((token) => !isStopword(token.raw));
  const folded = run.map((token) => token.folded).join(" ");
  if (content.length >= 2 && !GENERIC_PHRASES.has(folded)) return run;
  return run.length === 1 && technicalWord(run[0]!.raw) ? run : null;
}

/**
 * The longest runs of an offer's words that the request also has, as the
 * offer writes them (with their marks): two meaningful words at least, or one
 * technical word. Runs stop at punctuation; one inside another is left out.
 * `requestText` is folded, between single spaces.
 */
export function sharedPhrases(written: string, requestText: string): string[] {
  // Composed, so that a letter and its marks are one character of one word.
  const text = written.normalize("NFC");
  const found = new Map<string, string>();
  for (const segment of text.matchAll(/[^,.;:!?()[\]\n]+/g)) {
    const tokens: Token[] = [...segment[0].matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ({
      start: segment.index + match.index,
      end: segment.index + match.index + match[0].length,
      raw: match[0],
      folded: foldWord(match[0]),
    }));
    // From each word, the longest run the request has; a run ending where an earlier one ends is inside it.
    let reach = -1;
    for (let i = 0; i < tokens.length; i++) {
      let last = -1;
      let phrase = "";
      for (let j = i; j < tokens.length && j < i + 6; j++) {
        phrase = j === i ? tokens[j]!.folded : `${phrase} ${tokens[j]!.folded}`;
        if (!requestText.includes(` ${phrase} `)) break;
        last = j;
      }
      if (last <= reach) continue;
      reach = last;
      const run = trimRun(tokens.slice(i, last + 1));
      if (run) found.set(run.map((token) => token.folded).join(" "), text.slice(run[0]!.start, run.at(-1)!.end));
    }
  }
  const keys = [...found.keys()];
  return keys.filter((key) => !keys.some((other) => other !== key && within(key, other))).map((key) => found.get(key)!);
}

/** Whether the words of `inner` are among the words of `outer`, in order and together. */
const within = (inner: string, outer: string) => ` ${outer} `.includes(` ${inner} `);

/** What kind of offer a request's words ask for. */
const OFFER_TYPE_SIGNALS: Record<OfferType, (request: RequestFacts) => boolean> = {
  service: (r) => OFFER_SIGNALS.lab_services(r),
  // An instrument answers a measuring need as well as a request for the instrument itself.
  equipment: (r) => OFFER_SIGNALS.equipment_access(r) || OFFER_SIGNALS.lab_services(r),
  technology: (r) =>
    r.trl >= 7 ||
    /chuyen giao|ban quyen|li xang|sang che|thuong mai hoa|licen|patent|commerciali|transfer/.test(r.text),
};

export function scoreOffer(
  request: RequestFacts,
  offer: CandidateOffer,
  textRank: number | undefined,
  poolSize: number,
  suggestedOrganizationIds: ReadonlySet<string>,
): Scored | null {
  if (offer.organizationId && request.excludedOrganizationIds.has(offer.organizationId)) return null;
  if (offer.ownerUserId === request.authorId) return null;
  if (offer.ownerAffiliationId && request.excludedOrganizationIds.has(offer.ownerAffiliationId)) return null;
  const { score: fieldScore, reasons } = fieldReasons(request, offer.fields);
  let score = fieldScore;

  const terms = new Map<string, string>();
  const texts = [
    offer.nameVi,
    offer.nameEn,
    offer.instrument,
    offer.make,
    offer.model,
    offer.method,
    offer.applications,
    offer.descriptionVi,
    offer.descriptionEn,
  ];
  for (const text of texts) {
    for (const phrase of sharedPhrases(text ?? "", request.text)) {
      const key = searchTerms(phrase).join(" ");
      if ([...terms.keys()].some((known) => within(key, known))) continue;
      for (const known of [...terms.keys()]) if (within(known, key)) terms.delete(known);
      terms.set(key, phrase);
    }
  }
  const category = EQUIPMENT_CATEGORY_LABELS[offer.category as EquipmentCategory];
  for (const label of category ? [category.vi, category.en] : []) {
    const key = searchTerms(label).join(" ");
    if (request.text.includes(` ${key} `) && !terms.has(key)) terms.set(key, label);
  }
  if (terms.size > 0) {
    reasons.push({ kind: "keywords", terms: [...terms.values()].slice(0, 5) });
    score += 2 * Math.min(terms.size, 5);
  }
  // Some content in common, as for an expert: a field or a word, or a field group with the
  // engine's text match among its first ten (the engine alone finds too much by one word).
  const specific = reasons.some((reason) => reason.kind === "fields" || reason.kind === "keywords");
  if (!specific && (score === 0 || textRank === undefined || textRank >= 10)) return null;

  if (OFFER_TYPE_SIGNALS[offer.type as OfferType]?.(request)) {
    reasons.push({ kind: "offerType", type: offer.type as OfferType });
    score += 0.5;
  }
  if (offer.organizationId && suggestedOrganizationIds.has(offer.organizationId)) {
    reasons.push({ kind: "owner", name: { vi: offer.ownerNameVi, en: offer.ownerNameEn } });
    score += 1;
  }
  score += trustAndText(reasons, offer.ownerVerified, textRank, poolSize);
  return { id: offer.id, score: Math.round(score * 100) / 100, reasons };
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
  const [managed, ownProfile, declines] = await Promise.all([
    db.organizationManager.findMany({ where: { userId: request.authorId }, select: { organizationId: true } }),
    db.expertProfile.findUnique({ where: { userId: request.authorId }, select: { affiliationId: true } }),
    db.requestDecline.findMany({ where: { requestId: request.id }, select: { expertId: true } }),
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
    declinedExpertIds: new Set(declines.map((row) => row.expertId)),
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
  const offers = await loadCandidateOffers(candidates.offers.ids, db);
  /** Each side's rows scored (with their engine text rank), the best first. */
  const rank = <T extends { id: string }>(
    rows: T[],
    side: { ids: string[]; textRank: Map<string, number> },
    score: (row: T, textRank: number | undefined, poolSize: number) => Scored | null,
    name: (row: T) => string,
  ) =>
    rows
      .map((row) => ({ row, scored: score(row, side.textRank.get(row.id), side.ids.length) }))
      .filter((entry): entry is { row: T; scored: Scored } => entry.scored !== null)
      .sort((a, b) => b.scored.score - a.scored.score || name(a.row).localeCompare(name(b.row)))
      .slice(0, SUGGESTIONS_PER_KIND)
      .map((entry) => entry.scored);
  const ranked = {
    experts: rank(
      experts,
      candidates.experts,
      (row, ...text) => scoreExpert(facts, row, ...text),
      (row) => row.fullName,
    ),
    organizations: rank(
      organizations,
      candidates.organizations,
      (row, ...text) => scoreOrganization(facts, row, ...text),
      (row) => row.sortNameVi,
    ),
  };
  // An offer of a listing suggested too is the likelier fit.
  const suggestedOrganizationIds = new Set(ranked.organizations.map((entry) => entry.id));
  return {
    ...ranked,
    offers: rank(
      offers,
      candidates.offers,
      (row, ...text) => scoreOffer(facts, row, ...text, suggestedOrganizationIds),
      (row) => row.sortNameVi,
    ),
  };
}

/** How well a new offer must fit an open request for its owner to be told (a shared field and a word, say). */
export const OFFER_NOTICE_MIN_SCORE = 5;
/** The most request owners told about one new offer, the best fits first. */
export const OFFER_NOTICES_PER_OFFER = 20;
/** Open requests in an offer's field groups scored for it, the newest first. */
const OFFER_REQUESTS_SCANNED = 300;

/**
 * Recomputes and stores a request's suggestions; tells newly suggested experts.
 * With `announceOffer` (a newly public offer, matchNewOffer), also tells the
 * request's owner about that offer when it is suggested and fits well, once.
 */
export async function recomputeSuggestions(requestId: string, options: { announceOffer?: string } = {}) {
  const request = await prisma.techRequest.findUnique({
    where: { id: requestId },
    select: { status: true, title: true, problem: true, authorId: true },
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
        ...computed.offers.map((entry, rank) => ({
          requestId,
          targetType: "offer",
          offerId: entry.id,
          rank,
          score: entry.score,
          reasons: JSON.stringify(entry.reasons),
        })),
      ],
    });
    const announced = computed.offers.find(
      (entry) => entry.id === options.announceOffer && entry.score >= OFFER_NOTICE_MIN_SCORE,
    );
    if (announced) await announceOffer({ id: requestId, ...request }, announced, tx, effects);
    const fresh = computed.experts.filter((entry) => !before.has(entry.id));
    if (fresh.length > 0) {
      const owners = await tx.expertProfile.findMany({
        where: { id: { in: fresh.map((entry) => entry.id) } },
        select: { id: true, userId: true },
      });
      const reasonsOf = new Map(fresh.map((entry) => [entry.id, entry.reasons]));
      for (const { id, userId } of owners) {
        // The same reasons the business sees, and the page that lists them with "not for me".
        // The notice names the first two in both languages: it is read in whichever the page is in.
        const reasons = reasonsOf.get(id) ?? [];
        await notify(
          {
            userId,
            type: "suggestion",
            key: "notify.suggested",
            params: { title: request.title, whyVi: reasonsLine(reasons, "vi"), whyEn: reasonsLine(reasons, "en") },
            url: `/me/requests-for-you#request-${requestId}`,
            mail: { requestSummary: request.problem, reasons, action: "mail.action.forYou" },
          },
          tx,
          effects,
        );
      }
    }
  });
}

/**
 * Tells a request's owner that a new offer fits it: the offer, why, and a link to
 * the request's page, where it is now suggested. Once per owner and offer (the
 * OfferMatchNotice row is the memory), whatever re-runs or re-approvals follow.
 */
async function announceOffer(
  request: { id: string; title: string; authorId: string },
  entry: Scored,
  tx: Tx,
  effects: Effects,
) {
  const key = { offerId: entry.id, userId: request.authorId };
  if (await tx.offerMatchNotice.findUnique({ where: { offerId_userId: key } })) return;
  await tx.offerMatchNotice.create({ data: { ...key, requestId: request.id } });
  const offer = await tx.offer.findUniqueOrThrow({ where: { id: entry.id }, select: { nameVi: true, nameEn: true } });
  const author = await tx.user.findUniqueOrThrow({ where: { id: request.authorId }, select: { locale: true } });
  const lang = isLanguage(author.locale) ? author.locale : "vi";
  await notify(
    {
      userId: request.authorId,
      type: "suggestion",
      key: "notify.offerMatched",
      params: { offer: pick(lang, offer.nameVi, offer.nameEn), title: request.title },
      url: `/requests/${request.id}#offer-suggestions`,
      mail: { reasons: entry.reasons, action: "mail.action.request" },
    },
    tx,
    effects,
  );
}

/**
 * An offer became public (approved, re-approved, shown again): the open requests
 * it fits best, by the same score, have their suggestions recomputed, and their
 * owners are told about it (the "match-offer" job).
 */
export async function matchNewOffer(offerId: string) {
  // Its candidacy comes from the engine: wait (fail, to be retried) until the outbox has indexed it.
  const unindexed = await prisma.searchOutbox.count({
    where: { entity: "offer", entityId: offerId, processedAt: null },
  });
  if (unindexed > 0) throw new Error("the offer is not indexed yet; retrying");
  const [offer] = await loadCandidateOffers([offerId], prisma);
  if (!offer) return;
  const fieldIds = offer.fields.map(({ field }) => field.id);
  const areaIds = [...new Set(offer.fields.map(({ field }) => field.parent?.id ?? field.id))];
  const requests = await prisma.techRequest.findMany({
    where: {
      status: "open",
      fields: { some: { OR: [{ fieldId: { in: fieldIds } }, { field: { parentId: { in: areaIds } } }] } },
    },
    include: { fields: fieldsSelect },
    orderBy: { publishedAt: "desc" },
    take: OFFER_REQUESTS_SCANNED,
  });
  const fits: { requestId: string; score: number }[] = [];
  for (const request of requests) {
    const scored = scoreOffer(await requestFacts(request, prisma), offer, undefined, 1, new Set());
    if (scored && scored.score >= OFFER_NOTICE_MIN_SCORE) fits.push({ requestId: request.id, score: scored.score });
  }
  fits.sort((a, b) => b.score - a.score);
  for (const { requestId } of fits.slice(0, OFFER_NOTICES_PER_OFFER)) {
    await recomputeSuggestions(requestId, { announceOffer: offerId });
  }
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
    // An offer withdrawn or hidden since the suggestions were stored is left out.
    where: { requestId, OR: [{ targetType: { not: "offer" } }, { offer: PUBLIC_OFFER }] },
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
      offer: {
        select: {
          id: true,
          type: true,
          nameVi: true,
          nameEn: true,
          organization: { select: { nameVi: true, nameEn: true, acronym: true } },
          ownerExpert: { select: { fullName: true } },
        },
      },
    },
  });
  return rows.map((row) => ({ ...row, reasons: JSON.parse(row.reasons) as Reason[] }));
}

/** A suggestion notice's "why": its first two reasons, as the request's page words them. */
function reasonsLine(reasons: Reason[], lang: Language): string {
  const t = translator(lang);
  return reasons
    .slice(0, 2)
    .map((reason) => reasonText(reason, t, lang))
    .join("; ");
}
