import type { getPublishedExpert, ExpertCard } from "~/models/expert.server";
import type { OrganizationCard, getPublishedOrganization } from "~/models/organization.server";
import type { VisibleRequest } from "~/models/request.server";
import type { OfferCardData, PublicOffer } from "~/models/offer-search.server";
import type { EventCardData } from "~/models/event-search.server";
import type { eventForPage } from "~/models/event.server";
import { OFFER_TYPE_PATHS, type OfferType } from "~/domain/offer-values";
import { findDistrict } from "~/domain/districts";
import { findWard } from "~/domain/wards";
import { splitLines } from "~/domain/expert-values";
import { workModesOf } from "~/domain/overseas";
import { LISTING_TEXT_COLUMNS, pickColumns, type ListingTexts } from "~/domain/organization-values";

/**
 * What the API says about each thing: explicit allow-lists of published
 * facts. Nothing is spread from a database row, so a column added later
 * (an e-mail, a review note) cannot leak by accident; the OpenAPI document
 * describes exactly these shapes and the e2e test holds them to it.
 */
type Names = { nameVi: string | null; nameEn: string | null };
export type ApiDistrict = { slug: string; nameVi: string; nameEn: string };
export type ApiField = { slug: string; nameVi: string; nameEn: string };
export type ApiOrganizationRef = { slug: string; acronym: string | null } & Names;

/** Where a thing lives: its API resource, and the portal page people read. */
const addresses = (origin: string, path: string): { url: string; webUrl: string } => ({
  url: `${origin}/api/v1${path}`,
  webUrl: `${origin}${path}`,
});

function district(slug: string | null): ApiDistrict | null {
  const found = findDistrict(slug);
  return found ? { slug: found.slug, nameVi: found.vi, nameEn: found.en } : null;
}

export type ApiWard = { slug: string; type: "phuong" | "xa"; nameVi: string; nameEn: string };
function ward(slug: string | null): ApiWard | null {
  const found = findWard(slug);
  return found ? { slug: found.slug, type: found.type, nameVi: found.vi, nameEn: found.en } : null;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Stored links as typed (unicode, spaces) become proper URIs; anything but http(s) is left out. */
export function webLink(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
const fieldRef = (field: ApiField): ApiField => ({ slug: field.slug, nameVi: field.nameVi, nameEn: field.nameEn });

// ------------------------------------------------------------------ organizations

export type ApiOrganizationSummary = ReturnType<typeof organizationSummary>;

/** A listing's texts and its place: how its summary and its whole resource start. */
function listingTexts(row: Omit<ListingTexts, "id"> & { district: string | null; ward: string | null }) {
  return {
    ...pickColumns(row, LISTING_TEXT_COLUMNS),
    // The area (former district); `district` is its older name, kept for existing clients.
    area: district(row.district),
    district: district(row.district),
    ward: ward(row.ward),
  };
}

export function organizationSummary(card: OrganizationCard, fieldSlugs: string[], origin: string) {
  return {
    ...listingTexts(card),
    verified: card.verified,
    parent: card.parent
      ? { slug: card.parent.slug, nameVi: card.parent.nameVi, nameEn: card.parent.nameEn, acronym: card.parent.acronym }
      : null,
    fields: fieldSlugs,
    ...addresses(origin, `/organizations/${card.slug}`),
  };
}

type OrganizationDetailRow = NonNullable<Awaited<ReturnType<typeof getPublishedOrganization>>>;

export function organizationDetail(row: OrganizationDetailRow, expertSlugs: string[], origin: string) {
  // The parent is joined whatever its status: a draft parent is not named.
  const parent = row.parent?.status === "published" ? row.parent : null;
  return {
    ...listingTexts(row),
    address: row.address,
    // Its general e-mail stays on the portal's page: the API hands out no e-mail addresses (redact.ts).
    phone: row.phone,
    website: webLink(row.website),
    foundedYear: row.foundedYear,
    verified: row.verified,
    verifiedAt: iso(row.verified ? row.verifiedAt : null),
    sourceUrl: webLink(row.sourceUrl),
    parent: parent
      ? { slug: parent.slug, kind: parent.kind, nameVi: parent.nameVi, nameEn: parent.nameEn, acronym: parent.acronym }
      : null,
    children: row.children.map((child) => ({
      slug: child.slug,
      kind: child.kind,
      nameVi: child.nameVi,
      nameEn: child.nameEn,
      acronym: child.acronym,
      verified: child.verified,
    })),
    fields: row.fields.map(({ field }) => fieldRef(field)),
    experts: expertSlugs,
    updatedAt: row.updatedAt.toISOString(),
    ...addresses(origin, `/organizations/${row.slug}`),
  };
}
export type ApiOrganization = ReturnType<typeof organizationDetail>;

/** An affiliation is named only while its listing is published. */
function affiliation(
  row: ({ slug: string; acronym: string | null; status: string } & Names) | null,
): ApiOrganizationRef | null {
  if (!row || row.status !== "published") return null;
  return { slug: row.slug, nameVi: row.nameVi, nameEn: row.nameEn, acronym: row.acronym };
}

// ------------------------------------------------------------------ experts

/** Based abroad (docs/decisions/076): the country's code, the institution, modes and languages; null/[] in Vietnam. */
function overseas(row: {
  country: string | null;
  institutionAbroad: string | null;
  workModes: string;
  languages: string;
}) {
  return {
    country: row.country,
    institutionAbroad: row.country ? row.institutionAbroad : null,
    workModes: row.country ? workModesOf(row.workModes) : [],
    languages: row.country ? splitLines(row.languages) : [],
  };
}

export function expertSummary(card: ExpertCard, fieldSlugs: string[], origin: string) {
  return {
    slug: card.slug,
    title: card.title,
    fullName: card.fullName,
    position: card.position,
    affiliation: affiliation(card.affiliation),
    // Whether the affiliation is verified (app/domain/affiliation.ts), never the address that verified it.
    affiliationVerified: card.affiliationVerified && affiliation(card.affiliation) !== null,
    keywords: splitLines(card.keywords),
    offers: splitLines(card.offers),
    ...overseas(card),
    fields: fieldSlugs,
    ...addresses(origin, `/experts/${card.slug}`),
  };
}
export type ApiExpertSummary = ReturnType<typeof expertSummary>;

type ExpertDetailRow = NonNullable<Awaited<ReturnType<typeof getPublishedExpert>>>;

export function expertDetail(row: ExpertDetailRow, origin: string) {
  return {
    slug: row.slug,
    title: row.title,
    fullName: row.fullName,
    position: row.position,
    affiliation: affiliation(row.affiliation),
    affiliationVerified: row.affiliationVerified && affiliation(row.affiliation) !== null,
    bioVi: row.bioVi,
    bioEn: row.bioEn,
    orcid: row.orcid,
    keywords: splitLines(row.keywords),
    offers: splitLines(row.offers),
    ...overseas(row),
    fields: row.fields.map(({ field }) => fieldRef(field)),
    links: row.links.map((link) => ({
      kind: link.kind,
      title: link.title,
      url: webLink(link.url),
      year: link.year,
      authors: link.authors,
      venue: link.venue,
      doi: link.doi,
    })),
    publishedAt: iso(row.publishedAt),
    ...addresses(origin, `/experts/${row.slug}`),
  };
}
export type ApiExpert = ReturnType<typeof expertDetail>;

// ------------------------------------------------------------------ requests

/**
 * Who is asking. An anonymous request shows only its sector, size and
 * district (those are in every request): never the company or its listing.
 * The author's account is not part of any request the API returns.
 */
function requester<T>(row: { visibility: string }, company: T): T | null {
  return row.visibility === "public" ? company : null;
}

type RequestCardRow = {
  id: string;
  title: string;
  problem: string;
  visibility: string;
  companyName: string | null;
  sector: string;
  companySize: string;
  requesterType: string;
  district: string | null;
  ward?: string | null;
  trl: number;
  budget: string;
  deadline: Date;
  publishedAt: Date | null;
};

export function requestSummary(row: RequestCardRow, fieldSlugs: string[], origin: string) {
  return {
    id: row.id,
    title: row.title,
    problem: row.problem,
    sector: row.sector,
    // A public agency has no company size ("" stored).
    companySize: row.companySize || null,
    requesterType: row.requesterType,
    area: district(row.district),
    district: district(row.district),
    // Never the ward of an anonymous request: it narrows the company down.
    ward: requester(row, ward(row.ward ?? null)),
    trl: row.trl,
    budget: row.budget,
    deadline: row.deadline.toISOString(),
    publishedAt: iso(row.publishedAt),
    visibility: row.visibility,
    companyName: requester(row, row.companyName),
    fields: fieldSlugs,
    ...addresses(origin, `/requests/${row.id}`),
  };
}
export type ApiRequestSummary = ReturnType<typeof requestSummary>;

/** `listing`: the requester's organization, passed only while it is published. */
export function requestDetail(row: VisibleRequest, listing: ApiOrganizationRef | null, origin: string) {
  return {
    ...requestSummary(row, [], origin),
    desiredOutcome: row.desiredOutcome,
    organization: requester(row, listing),
    fields: row.fields.map(fieldRef),
  };
}
export type ApiRequest = ReturnType<typeof requestDetail>;

// ------------------------------------------------------------------ offers

type OfferRow = OfferCardData | PublicOffer;

/** Where an offer lives: /services/{id}, /equipment/{id} or /technologies/{id}; its page is /offers/{id}. */
function offerAddresses(offer: { id: string; type: string }, origin: string) {
  const path = OFFER_TYPE_PATHS[offer.type as OfferType];
  return { url: `${origin}/api/v1/${path}/${offer.id}`, webUrl: `${origin}/offers/${offer.id}` };
}

/** What every offer says: names, owner, place, the type's key facts. */
function offerBasics(offer: OfferRow) {
  const { organization: owner, ownerExpert } = offer;
  return {
    id: offer.id,
    type: offer.type,
    nameVi: offer.nameVi,
    nameEn: offer.nameEn,
    descriptionVi: offer.descriptionVi,
    descriptionEn: offer.descriptionEn,
    organization: owner
      ? { slug: owner.slug, nameVi: owner.nameVi, nameEn: owner.nameEn, acronym: owner.acronym }
      : null,
    ownerExpert: ownerExpert ? { slug: ownerExpert.slug, fullName: ownerExpert.fullName } : null,
    area: district(offer.district),
    ward: ward(offer.ward),
    priceMode: offer.priceMode,
    accessMode: offer.accessMode,
    category: offer.category,
    trl: offer.trl,
    ipStatus: offer.ipStatus,
    fromPublicSource: offer.fromPublicSource,
    stale: offer.stale,
    updatedAt: offer.updatedAt.toISOString(),
  };
}

export function offerSummary(offer: OfferCardData, origin: string) {
  return {
    ...offerBasics(offer),
    fields: offer.fields.map((field) => field.slug),
    ...offerAddresses(offer, origin),
  };
}

export function offerDetail(offer: PublicOffer, origin: string) {
  // An offer from public sources shows no price until its organization confirms it (decision 050).
  const priced = !offer.fromPublicSource;
  return {
    ...offerBasics(offer),
    method: offer.method,
    sampleRequirements: offer.sampleRequirements,
    turnaround: offer.turnaround,
    audience: splitLines(offer.audience),
    priceMinVnd: priced ? offer.priceMinVnd : null,
    priceMaxVnd: priced ? offer.priceMaxVnd : null,
    freeFor: splitLines(offer.freeFor),
    instrument: offer.instrument,
    make: offer.make,
    model: offer.model,
    specifications: splitLines(offer.specifications ?? ""),
    building: offer.building,
    conditions: offer.conditions,
    applications: offer.applications,
    ipNumber: offer.ipNumber,
    offeredAs: splitLines(offer.offeredAs),
    transferredTo: offer.transferredTo,
    transferredAt: iso(offer.transferredAt),
    inventors: offer.inventors.map((expert) => ({ slug: expert.slug, fullName: expert.fullName })),
    sourceUrls: splitLines(offer.sourceUrls).flatMap((link) => webLink(link) ?? []),
    publishedAt: iso(offer.publishedAt),
    fields: offer.fields.map(fieldRef),
    ...offerAddresses(offer, origin),
  };
}

// ------------------------------------------------------------------ events

type EventBasics = Pick<
  EventCardData,
  "slug" | "kind" | "titleVi" | "titleEn" | "startsAt" | "endsAt" | "format" | "venue" | "district" | "ward"
> & {
  organizerName: string | null;
  organization: ({ slug: string } & Names) | null;
};

/** What every event says, as its card and its page show it; times as UTC instants, like every date of the API. */
function eventBasics(row: EventBasics, origin: string) {
  const organization = row.organization
    ? { slug: row.organization.slug, nameVi: row.organization.nameVi, nameEn: row.organization.nameEn }
    : null;
  return {
    slug: row.slug,
    kind: row.kind,
    titleVi: row.titleVi,
    titleEn: row.titleEn,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    format: row.format,
    venue: row.venue,
    area: district(row.district),
    ward: ward(row.ward),
    organization,
    // The organizer as named when it is no published listing; null with both: the city itself.
    organizerName: organization ? null : row.organizerName,
    ...addresses(origin, `/events/${row.slug}`),
    icsUrl: `${origin}/events/${row.slug}.ics`,
  };
}

/** `card.organization` is already null unless the listing is published (publicEventCards). */
export function eventSummary(card: EventCardData, fieldSlugs: string[], origin: string) {
  return { ...eventBasics(card, origin), fields: fieldSlugs };
}
export type ApiEventSummary = ReturnType<typeof eventSummary>;

type EventPageRow = NonNullable<Awaited<ReturnType<typeof eventForPage>>>["event"];

export function eventDetail(row: EventPageRow, origin: string) {
  const cancelled = row.status === "cancelled";
  return {
    ...eventBasics(row, origin),
    status: cancelled ? ("cancelled" as const) : ("published" as const),
    descriptionVi: row.descriptionVi,
    descriptionEn: row.descriptionEn,
    // The page stops showing the link once the event is cancelled.
    onlineUrl: cancelled ? null : webLink(row.onlineUrl),
    capacity: row.capacity,
    seatsLeft: row.capacity === null ? null : row.seatsLeft,
    fields: row.fields.map(fieldRef),
  };
}
export type ApiEvent = ReturnType<typeof eventDetail>;
