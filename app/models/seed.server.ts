import crypto from "node:crypto";
import { prisma } from "~/db/client.server";
import { districtSlugFromName } from "~/domain/districts";
import type { OrganizationKind } from "~/domain/organization-values";
import taxonomyFile from "../../prisma/seed/fields.json";
import organizationsFile from "../../prisma/seed/hanoi-orgs.json";
import researchFile from "../../prisma/seed/hanoi-orgs-more-research.json";
import universitiesFile from "../../prisma/seed/hanoi-orgs-more-universities.json";
import namesViFile from "../../prisma/seed/hanoi-orgs-names-vi.json";
import summariesVi from "../../prisma/seed/summaries-vi.json";
import contactsFile from "../../prisma/seed/hanoi-orgs-contacts.json";
import { optionalEmails, optionalPhone } from "~/validation/contact";
import { WARDS } from "~/domain/wards";
import {
  createOrganizationInTransaction,
  updateOrganizationInTransaction,
  type OrganizationData,
} from "./organization.server";
import { write, type Effects, type Tx } from "./write.server";
import { seedOffers, type OfferSeedReport } from "./offer-seed.server";

/**
 * Loads the real Hanoi organizations (prisma/seed/hanoi-orgs*.json, copied from
 * the shared data set) and the bilingual field taxonomy.
 *
 * Idempotent: a listing is written only when its seed record changed since the
 * seed last wrote it (tracked by a hash), and never once it has been edited in
 * the portal (`editedAt`). A second run therefore writes nothing.
 */

export type SeedOrganization = {
  slug: string;
  kind: string;
  name: string;
  nameVi: string | null;
  acronym: string | null;
  parent: string | null;
  district: string | null;
  website: string | null;
  founded: number | null;
  fields: string[];
  summary: string;
  source: string;
};

/** Every record of the data set's files; a parent may sit in another file. */
export const SEED_RECORDS: readonly SeedOrganization[] = [...organizationsFile, ...universitiesFile, ...researchFile];

/**
 * Vietnamese names whose note in hanoi-orgs-names-vi.json records a doubt
 * (the data README lists them): they stay out until someone confirms them.
 */
export const DOUBTFUL_NAMES_VI = new Set([
  "hanoi-sme-support-center",
  "hus-key-lab-enzyme-protein",
  "hus-nano-energy-center",
  "silicon-valley-vietnam",
  "vinbigdata",
]);

const NAMES_VI = new Map(
  namesViFile.flatMap((entry) =>
    entry.nameVi && !DOUBTFUL_NAMES_VI.has(entry.slug) ? [[entry.slug, entry.nameVi]] : [],
  ),
);

/**
 * A record that succeeds an older one (a merger) is written into the older
 * record's listing, which keeps its slug and links; the older record is dropped.
 */
export const SEED_SUCCESSORS: Record<string, string> = { "vast-istee": "vast-institute-of-energy-science" };
const SUPERSEDED = new Set(Object.values(SEED_SUCCESSORS));

/** The seed key of the listing a record (or a parent reference) lands in. */
const seedKeyOf = (slug: string) => SEED_SUCCESSORS[slug] ?? slug;
type TaxonomyFile = {
  areas: { slug: string; en: string; vi: string; aliases: string[] }[];
  fields: { slug: string; area: string; en: string; vi: string; aliases: string[]; sources: string[] }[];
};

/**
 * The data set has no "startup" kind. These are its young, independent,
 * venture-funded product companies (docs/decisions/006-seed-classification.md);
 * corporate labs and subsidiaries of large groups stay enterprises.
 */
export const SEED_STARTUPS = new Set([
  "abivin",
  "base-vn",
  "coc-coc",
  "edupia",
  "finhay",
  "ghtk",
  "got-it",
  "kiotviet",
  "sapo",
  "topcv",
  "vbee",
  "vnlife",
]);

/** Area names in the data set that are not districts, mapped to their district. */
const AREA_DISTRICTS: Record<string, string> = { "Tây Hồ Tây urban area": "bac-tu-liem" };

/** Published addresses and contacts (prisma/seed/hanoi-orgs-contacts.json, each with its sources), by slug. */
const CONTACTS = new Map(contactsFile.map((contact) => [contact.slug, contact]));

/**
 * A listing's contact columns from the contacts file. Only keys with a value
 * are returned, so records without contacts keep their seed hash. The ward is
 * taken only where the source names it (never derived from the district).
 */
export function seedContactData(slug: string): Partial<OrganizationData> {
  const contact = CONTACTS.get(slug);
  if (!contact) return {};
  const data: Partial<OrganizationData> = {};
  if (contact.address) data.address = contact.address;
  const ward = contact.ward ? WARDS.find((unit) => unit.vi === contact.ward) : undefined;
  if (ward) data.ward = ward.slug;
  // Separators normalised as the edit form does, so a manager's next save keeps them.
  const phone = optionalPhone.safeParse(contact.phone ?? "");
  if (contact.phone) data.phone = phone.success && phone.data ? phone.data : contact.phone;
  const email = optionalEmails.safeParse(contact.email ?? "");
  if (contact.email) data.email = email.success && email.data ? email.data : contact.email;
  if (contact.sources[0]) data.contactSourceUrl = contact.sources[0];
  return data;
}

export type SeedReport = {
  fields: { created: number; updated: number; unchanged: number };
  organizations: { created: number; updated: number; unchanged: number; keptPortalEdits: number };
  offers: OfferSeedReport;
};

export async function seedDirectory(db: typeof prisma = prisma): Promise<SeedReport> {
  const report: SeedReport = {
    fields: { created: 0, updated: 0, unchanged: 0 },
    organizations: { created: 0, updated: 0, unchanged: 0, keptPortalEdits: 0 },
    offers: { created: 0, updated: 0, unchanged: 0, keptPortalEdits: 0, ownerMissing: 0 },
  };
  await write(
    async (tx, effects) => {
      const fieldIdBySource = await seedTaxonomy(taxonomyFile as TaxonomyFile, report, tx, effects);
      await seedOrganizations(fieldIdBySource, report, tx, effects);
      report.offers = await seedOffers(tx, effects);
    },
    { db, timeout: 120_000 },
  );
  return report;
}

async function seedTaxonomy(taxonomy: TaxonomyFile, report: SeedReport, tx: Tx, effects: Effects) {
  const existing = new Map((await tx.field.findMany()).map((field) => [field.slug, field]));
  const idBySlug = new Map<string, string>();
  const updatedIds: string[] = [];
  const upsert = async (
    slug: string,
    data: { nameVi: string; nameEn: string; aliases: string; parentId: string | null; position: number },
  ) => {
    const current = existing.get(slug);
    if (!current) {
      const created = await tx.field.create({ data: { slug, ...data } });
      report.fields.created++;
      idBySlug.set(slug, created.id);
      return;
    }
    idBySlug.set(slug, current.id);
    const same = (Object.keys(data) as (keyof typeof data)[]).every((key) => current[key] === data[key]);
    if (same) {
      report.fields.unchanged++;
      return;
    }
    await tx.field.update({ where: { id: current.id }, data });
    updatedIds.push(current.id);
    report.fields.updated++;
  };
  for (const [position, area] of taxonomy.areas.entries()) {
    await upsert(area.slug, {
      nameVi: area.vi,
      nameEn: area.en,
      aliases: area.aliases.join("\n"),
      parentId: null,
      position,
    });
  }
  for (const [position, field] of taxonomy.fields.entries()) {
    await upsert(field.slug, {
      nameVi: field.vi,
      nameEn: field.en,
      aliases: field.aliases.join("\n"),
      parentId: idBySlug.get(field.area) ?? null,
      position,
    });
  }
  await effects.reindexFieldHolders(updatedIds);
  // Names of areas and fields show in answers that hold no listing of theirs (facets).
  if (updatedIds.length > 0 || report.fields.created > 0) await effects.searchableDataChanged();
  const idBySource = new Map<string, string>();
  for (const field of taxonomy.fields)
    for (const source of field.sources) idBySource.set(source, idBySlug.get(field.slug)!);
  return idBySource;
}

/** The listing a seed record describes, without parent and ids resolved. */
export function seedRecordData(record: SeedOrganization, fieldIdBySource: Map<string, string>): OrganizationData {
  const selfSourced = record.website !== null && record.source === `https://${record.website}`;
  const kind: OrganizationKind =
    record.kind === "enterprise" && SEED_STARTUPS.has(record.slug) ? "startup" : (record.kind as OrganizationKind);
  const contact = seedContactData(record.slug);
  const district = record.district
    ? (AREA_DISTRICTS[record.district] ?? districtSlugFromName(record.district))
    : districtSlugFromName(CONTACTS.get(record.slug)?.formerDistrict);
  return {
    slug: record.slug,
    kind,
    nameVi: record.nameVi ?? NAMES_VI.get(record.slug) ?? null,
    nameEn: record.name,
    acronym: record.acronym,
    summaryEn: record.summary,
    summaryVi: (summariesVi as Record<string, string>)[record.slug] ?? null,
    district,
    address: record.district && AREA_DISTRICTS[record.district] ? record.district : null,
    website: record.website ? `https://${record.website}` : null,
    foundedYear: record.founded,
    status: "published",
    // Checked against an independent public page; self-described entries are not.
    verified: !selfSourced,
    sourceUrl: record.source,
    fieldIds: [
      ...new Set(record.fields.map((source) => fieldIdBySource.get(source)).filter((id): id is string => Boolean(id))),
    ],
    ...contact,
  };
}

async function seedOrganizations(fieldIdBySource: Map<string, string>, report: SeedReport, tx: Tx, effects: Effects) {
  const records = parentsFirst(SEED_RECORDS.filter((record) => !SUPERSEDED.has(record.slug)));
  const existing = new Map(
    (
      await tx.organization.findMany({
        where: { seedKey: { in: records.map((record) => seedKeyOf(record.slug)) } },
        select: { id: true, seedKey: true, seedHash: true, editedAt: true },
      })
    ).map((row) => [row.seedKey!, row]),
  );
  const idByKey = new Map<string, string>();
  for (const row of existing.values()) idByKey.set(row.seedKey!, row.id);

  for (const record of records) {
    const data = seedRecordData(record, fieldIdBySource);
    const key = seedKeyOf(record.slug);
    const parentId = record.parent ? (idByKey.get(seedKeyOf(record.parent)) ?? null) : null;
    const hash = crypto
      .createHash("sha256")
      .update(JSON.stringify({ data, parent: record.parent }))
      .digest("hex");
    const current = existing.get(key);
    if (!current) {
      const slugTaken = await tx.organization.findUnique({ where: { slug: data.slug }, select: { id: true } });
      const created = await createOrganizationInTransaction(
        { ...data, slug: slugTaken ? `${data.slug}-seed` : data.slug, parentId },
        { origin: "seed", extra: { seedKey: key, seedHash: hash } },
        tx,
        effects,
      );
      idByKey.set(key, created.id);
      report.organizations.created++;
    } else if (current.editedAt) {
      report.organizations.keptPortalEdits++;
    } else if (current.seedHash === hash) {
      report.organizations.unchanged++;
    } else {
      // The slug is the listing's address: a seed update (or a merger) keeps it.
      const { slug: _slug, ...changes } = data;
      await updateOrganizationInTransaction(
        current.id,
        { ...changes, parentId },
        { origin: "seed", extra: { seedHash: hash } },
        tx,
        effects,
      );
      report.organizations.updated++;
    }
  }
}

/** Records ordered so that every parent comes before its children. */
function parentsFirst(records: readonly SeedOrganization[]): SeedOrganization[] {
  const bySlug = new Map(records.map((record) => [seedKeyOf(record.slug), record]));
  const ordered: SeedOrganization[] = [];
  const placed = new Set<string>();
  const place = (record: SeedOrganization, trail: Set<string>) => {
    if (placed.has(record.slug)) return;
    if (trail.has(record.slug)) throw new Error(`parent cycle at ${record.slug}`);
    trail.add(record.slug);
    const parent = record.parent ? bySlug.get(seedKeyOf(record.parent)) : undefined;
    if (parent) place(parent, trail);
    placed.add(record.slug);
    ordered.push(record);
  };
  for (const record of records) place(record, new Set());
  return ordered;
}
