import crypto from "node:crypto";
import type { EquipmentCategory, IpStatus, OfferType } from "~/domain/offer-values";
import offersFile from "../../prisma/seed/hanoi-lab-offers.json";
import { refreshOfferSearchFields } from "#search/offer-document";
import type { Effects, Tx } from "./write.server";

/**
 * The real lab services, equipment and technologies (prisma/seed/hanoi-lab-offers.json,
 * copied from the shared data set). Each is shown as "from public sources, not yet
 * confirmed by the organization", with no price, until a manager confirms or removes it.
 * Idempotent as the organizations' seed: keyed by owner, type and name, rewritten only
 * when its record changed, never once edited in the portal.
 */
export type SeedOffer = {
  slug: string;
  type: string;
  nameVi: string | null;
  nameEn: string | null;
  description: string;
  instrument: string | null;
  ipStatus: string | null;
  sources: string[];
};
export const SEED_OFFERS: readonly SeedOffer[] = offersFile;

export type OfferSeedReport = {
  created: number;
  updated: number;
  unchanged: number;
  keptPortalEdits: number;
  ownerMissing: number;
};

/** The stable key of a record: its owner, type and name (English, else Vietnamese). */
export function offerSeedKey(record: Pick<SeedOffer, "slug" | "type" | "nameVi" | "nameEn">) {
  const name = (record.nameEn ?? record.nameVi ?? "").trim().toLowerCase();
  return crypto.createHash("sha256").update(`${record.slug}\n${record.type}\n${name}`).digest("hex").slice(0, 32);
}

/**
 * Fields and equipment category by what the English name says, where it is clear;
 * an offer no rule matches takes its organization's fields.
 */
const RULES: { match: RegExp; fields: string[]; category?: EquipmentCategory }[] = [
  {
    match: /electron microscope|SEM with|EDS analysis/i,
    fields: ["electron-microscopy", "materials-characterization"],
    category: "microscopy",
  },
  { match: /X-ray diffractometer/i, fields: ["materials-characterization"], category: "diffraction" },
  {
    match: /FTIR|circular dichroism|NMR|polarimeter|Spectral measurement/i,
    fields: ["analytical-chemistry"],
    category: "spectroscopy",
  },
  {
    match: /LC\/MS|LC-MSD/i,
    fields: ["analytical-chemistry", "natural-products-chemistry"],
    category: "chromatography",
  },
  {
    match: /thermal analyser|chemisorption/i,
    fields: ["materials-characterization", "catalysis"],
    category: "thermal",
  },
  { match: /surface-area/i, fields: ["materials-characterization", "catalysis"], category: "other" },
  { match: /clean room/i, fields: ["micro-nano-technology", "nanotechnology"], category: "fabrication" },
  { match: /cyclotron/i, fields: ["nuclear-medicine", "radiation-technology"], category: "irradiation" },
  { match: /irradiation|Electron-beam accelerator/i, fields: ["radiation-technology"], category: "irradiation" },
  { match: /GMO/i, fields: ["genetically-modified-organisms"] },
  { match: /gac oil|glucose|lactic acid|lactoferrin/i, fields: ["food-technology", "biotechnology"] },
  { match: /DGA malware/i, fields: ["cybersecurity"] },
  { match: /phosphor|Lamp-coating/i, fields: ["rare-earth-materials"] },
  { match: /technology transfer support/i, fields: ["technology-transfer"] },
  { match: /Speech/i, fields: ["speech-technology"] },
  { match: /ID card recognition/i, fields: ["computer-vision"] },
  { match: /coastal works/i, fields: ["coastal-engineering", "hydraulic-modelling"] },
  { match: /Data Cube/i, fields: ["earth-observation", "satellite-data-applications"] },
  { match: /VILAS/i, fields: ["testing-conformity-assessment", "analytical-chemistry"] },
  { match: /Environmental Quality and Food Safety/i, fields: ["environmental-analysis", "food-safety"] },
  { match: /influenza|SARS-CoV-2/i, fields: ["epidemiology"] },
  { match: /PhoBERT/i, fields: ["natural-language-processing", "vietnamese-language-processing"] },
  { match: /cytotoxicity/i, fields: ["pharmacology"] },
];

/**
 * The data set's IP notes, read carefully: a granted patent has no number in it, a
 * "transferred to …" note names the receiver (its IP status is not given), an
 * "open release" is open.
 */
export function seedIpColumns(note: string | null): { ipStatus: IpStatus | null; transferredTo: string | null } {
  if (!note) return { ipStatus: null, transferredTo: null };
  const transferred = /^transferred to (.+?)(?: under .*)?$/i.exec(note.trim());
  if (transferred) return { ipStatus: null, transferredTo: transferred[1]!.trim() };
  if (/patent granted/i.test(note)) return { ipStatus: "granted_patent", transferredTo: null };
  if (/^open release/i.test(note)) return { ipStatus: "open", transferredTo: null };
  return { ipStatus: null, transferredTo: null };
}

/** The columns a record gives (fields as slugs, resolved when written). */
export function seedOfferData(record: SeedOffer) {
  const type = record.type as OfferType;
  const rule = RULES.find((candidate) => candidate.match.test(record.nameEn ?? ""));
  const ip = type === "technology" ? seedIpColumns(record.ipStatus) : { ipStatus: null, transferredTo: null };
  return {
    type,
    nameVi: record.nameVi,
    nameEn: record.nameEn,
    descriptionVi: null,
    descriptionEn: record.description,
    instrument: type === "technology" ? null : record.instrument,
    category: type === "equipment" ? (rule?.category ?? null) : null,
    ipStatus: ip.ipStatus,
    ipNumber: null,
    transferredTo: ip.transferredTo,
    priceMode: "unknown",
    sourceUrls: record.sources.join("\n"),
    fieldSlugs: rule?.fields ?? [],
  };
}

export async function seedOffers(tx: Tx, effects: Effects): Promise<OfferSeedReport> {
  const report: OfferSeedReport = { created: 0, updated: 0, unchanged: 0, keptPortalEdits: 0, ownerMissing: 0 };
  const slugs = [...new Set(SEED_OFFERS.map((record) => record.slug))];
  const organizations = await tx.organization.findMany({
    where: { slug: { in: slugs } },
    select: {
      id: true,
      slug: true,
      fields: { select: { fieldId: true } },
      _count: { select: { managers: true } },
    },
  });
  const owners = new Map(organizations.map((organization) => [organization.slug, organization]));
  const fieldIds = new Map(
    (
      await tx.field.findMany({
        where: { slug: { in: RULES.flatMap((rule) => rule.fields) } },
        select: { id: true, slug: true },
      })
    ).map((field) => [field.slug, field.id]),
  );
  const keys = SEED_OFFERS.map(offerSeedKey);
  const existing = new Map(
    (
      await tx.offer.findMany({
        where: { seedKey: { in: keys } },
        select: { id: true, seedKey: true, seedHash: true, editedAt: true },
      })
    ).map((row) => [row.seedKey!, row]),
  );
  const touched: string[] = [];
  for (const record of SEED_OFFERS) {
    const owner = owners.get(record.slug);
    if (!owner) {
      report.ownerMissing++;
      continue;
    }
    const { fieldSlugs, ...columns } = seedOfferData(record);
    const ids = fieldSlugs.flatMap((slug) => (fieldIds.has(slug) ? [fieldIds.get(slug)!] : []));
    const linked = ids.length > 0 ? ids : owner.fields.map((field) => field.fieldId);
    const key = offerSeedKey(record);
    const hash = crypto.createHash("sha256").update(JSON.stringify({ columns, linked })).digest("hex");
    const current = existing.get(key);
    const data = { ...columns, seedHash: hash };
    if (current?.editedAt) {
      report.keptPortalEdits++;
      continue;
    }
    if (current?.seedHash === hash) {
      report.unchanged++;
      continue;
    }
    let id: string;
    if (current) {
      await tx.offer.update({ where: { id: current.id }, data });
      await tx.offerField.deleteMany({ where: { offerId: current.id } });
      id = current.id;
      report.updated++;
    } else {
      const now = new Date();
      const created = await tx.offer.create({
        data: {
          ...data,
          organizationId: owner.id,
          seedKey: key,
          status: "published",
          fromPublicSource: true,
          publishedAt: now,
          // The yearly clock starts with the organization's first manager (now, if it has one).
          confirmedAt: owner._count.managers > 0 ? now : null,
        },
      });
      id = created.id;
      report.created++;
    }
    await tx.offerField.createMany({ data: linked.map((fieldId) => ({ offerId: id, fieldId })) });
    await refreshOfferSearchFields(tx, id);
    touched.push(id);
  }
  await effects.reindex("offer", touched);
  return report;
}
