import crypto from "node:crypto";
import Database from "better-sqlite3";
import { organizationDocument, searchTextOf, type OrganizationIndexSource } from "#search/organization-document";
import { databaseFilePath, resolveDatabaseUrl } from "~/db/database-url";
import { DISTRICTS } from "~/domain/districts";
import { LISTING_TEXT_COLUMNS, type OrganizationKind } from "~/domain/organization-values";
import { slugify } from "~/utils/text";

/**
 * Synthetic but realistic organizations for scale tests and the benchmark:
 * Vietnamese and English names built the way Hanoi institutions are named,
 * fields from the real taxonomy, real districts. Deterministic for a seed.
 *
 * Rows go in through prepared SQLite statements, not Prisma: 100,000
 * organizations take seconds this way instead of minutes. Dates use the
 * format Prisma's adapter writes (ISO 8601 with +00:00).
 */
export type Field = {
  id: string;
  slug: string;
  nameVi: string;
  nameEn: string;
  aliases: string;
  parent: { slug: string; nameVi: string; nameEn: string; aliases: string } | null;
};

const KIND_WEIGHTS: [OrganizationKind, number][] = [
  ["enterprise", 30],
  ["startup", 25],
  ["lab", 15],
  ["institute", 12],
  ["university", 8],
  ["incubator", 10],
];
const PLACES = [
  { vi: "Hà Nội", en: "Hanoi" },
  { vi: "Thăng Long", en: "Thang Long" },
  { vi: "Hòa Lạc", en: "Hoa Lac" },
  { vi: "Tây Hồ", en: "West Lake" },
  { vi: "Sông Hồng", en: "Red River" },
  { vi: "Đông Đô", en: "Dong Do" },
  { vi: "Việt Nam", en: "Vietnam" },
  { vi: "Thủ đô", en: "Capital" },
];
const QUALIFIERS = [
  { vi: "Ứng dụng", en: "Applied" },
  { vi: "Tiên tiến", en: "Advanced" },
  { vi: "Liên ngành", en: "Interdisciplinary" },
  { vi: "Trọng điểm", en: "Key" },
  { vi: "Quốc tế", en: "International" },
  { vi: "Công nghệ cao", en: "High-Tech" },
];
const BRAND_PARTS = [
  "Vina",
  "Viet",
  "Tech",
  "Soft",
  "Smart",
  "Nano",
  "Bio",
  "Data",
  "Sao",
  "Rong",
  "Lac",
  "Hong",
  "Minh",
  "An",
  "Phu",
  "Thanh",
  "Quang",
  "Hai",
  "Green",
  "Sky",
  "Net",
  "Lab",
  "Mind",
  "Robo",
  "Med",
  "Agri",
  "Edu",
  "Fin",
  "Geo",
  "Volt",
];

/** How a fixture set is written, whatever it holds. */
export type FixtureRunOptions = {
  seed?: number;
  batchSize?: number;
  /** Queue each row for the search index (default true); false when the index is rebuilt afterwards */
  outbox?: boolean;
  databaseUrl?: string;
  onProgress?: (done: number) => void;
};

export type FixtureOptions = {
  count: number;
  seed?: number;
  batchSize?: number;
  outbox?: boolean;
  onProgress?: (done: number) => void;
};

const COLUMNS = [
  "id",
  ...LISTING_TEXT_COLUMNS,
  "parentId",
  "district",
  "website",
  "foundedYear",
  "status",
  "verified",
  "verifiedAt",
  "createdAt",
  "updatedAt",
  "searchText",
  "sortNameVi",
  "sortNameEn",
] as const;
type Row = Record<(typeof COLUMNS)[number], string | number | null>;

export const sqlDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

export function generateOrganizations(options: FixtureOptions & { databaseUrl?: string }): number {
  return withFixtureDatabase(options.databaseUrl, (sqlite) => generateInto(sqlite, options));
}

/** Opens the database file for a bulk load, runs `fill`, then gives the query planner fresh statistics. */
export function withFixtureDatabase(
  databaseUrl: string | undefined,
  fill: (sqlite: Database.Database) => number,
): number {
  const file = databaseFilePath(resolveDatabaseUrl(databaseUrl));
  if (!file) throw new Error("fixtures need a database file");
  const sqlite = new Database(file, { timeout: 10_000 });
  sqlite.pragma("journal_mode = WAL");
  try {
    const count = fill(sqlite);
    sqlite.exec("ANALYZE");
    return count;
  } finally {
    sqlite.close();
  }
}

/** A field as a document's source reads it (INDEXED_FIELDS in search/field-select.ts). */
export function indexedField({ slug, nameVi, nameEn, aliases, parent }: Field) {
  return { field: { slug, nameVi, nameEn, aliases, parent } };
}

/** The taxonomy's fields with their areas, and the fields of each area (the seed must have run). */
export function loadFields(sqlite: Database.Database): { fields: Field[]; fieldsByArea: Map<string, Field[]> } {
  const fields = (
    sqlite
      .prepare(
        `SELECT f.id, f.slug, f.nameVi, f.nameEn, f.aliases, a.slug AS areaSlug, a.nameVi AS areaVi, a.nameEn AS areaEn, a.aliases AS areaAliases
         FROM Field f JOIN Field a ON a.id = f.parentId`,
      )
      .all() as {
      id: string;
      slug: string;
      nameVi: string;
      nameEn: string;
      aliases: string;
      areaSlug: string;
      areaVi: string;
      areaEn: string;
      areaAliases: string;
    }[]
  ).map((row): Field => ({
    id: row.id,
    slug: row.slug,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    aliases: row.aliases,
    parent: { slug: row.areaSlug, nameVi: row.areaVi, nameEn: row.areaEn, aliases: row.areaAliases },
  }));
  if (fields.length === 0) throw new Error("The field taxonomy is empty: run the seed first (npm run seed)");
  const fieldsByArea = new Map<string, Field[]>();
  for (const field of fields)
    fieldsByArea.set(field.parent!.slug, [...(fieldsByArea.get(field.parent!.slug) ?? []), field]);
  return { fields, fieldsByArea };
}

/** A published lab, institute or university, as the expert and offer fixtures read it. */
export type ResearchOrganization = {
  id: string;
  nameVi: string | null;
  nameEn: string | null;
  acronym: string | null;
  kind: string;
  district: string | null;
  ward: string | null;
  verified: number;
};

/** Research organizations, each once, and by the areas of their fields: where scientists work and labs are. */
export function researchOrganizations(sqlite: Database.Database) {
  const all = new Map<string, ResearchOrganization>();
  const byArea = new Map<string, ResearchOrganization[]>();
  const rows = sqlite
    .prepare(
      `SELECT DISTINCT o.id, o.nameVi, o.nameEn, o.acronym, o.kind, o.district, o.ward, o.verified, a.slug AS areaSlug
       FROM Organization o JOIN OrganizationField l ON l.organizationId = o.id JOIN Field f ON f.id = l.fieldId
       JOIN Field a ON a.id = f.parentId
       WHERE o.status = 'published' AND o.kind IN ('lab', 'institute', 'university')`,
    )
    .all() as (ResearchOrganization & { areaSlug: string })[];
  for (const { areaSlug, ...organization } of rows) {
    const known = all.get(organization.id) ?? organization;
    all.set(known.id, known);
    byArea.set(areaSlug, [...(byArea.get(areaSlug) ?? []), known]);
  }
  return { all: [...all.values()], byArea };
}

function generateInto(sqlite: Database.Database, options: FixtureOptions): number {
  const random = mulberry32(options.seed ?? 20261122);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const { fields, fieldsByArea } = loadFields(sqlite);
  const insertOrganization = sqlite.prepare(
    `INSERT INTO Organization (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map((column) => `@${column}`).join(", ")})`,
  );
  const insertLink = sqlite.prepare("INSERT INTO OrganizationField (organizationId, fieldId) VALUES (?, ?)");
  const insertOutbox = sqlite.prepare(
    "INSERT INTO SearchOutbox (entity, entityId, createdAt, availableAt) VALUES ('organization', ?, ?, ?)",
  );
  const writeBatch = sqlite.transaction((rows: Row[], links: [string, string][]) => {
    const stamp = sqlDate(new Date());
    for (const row of rows) insertOrganization.run(row);
    for (const [organizationId, fieldId] of links) insertLink.run(organizationId, fieldId);
    if (options.outbox !== false) for (const row of rows) insertOutbox.run(row.id, stamp, stamp);
  });
  const runId = crypto.randomBytes(3).toString("hex");
  const batchSize = options.batchSize ?? 2_000;
  const parents: { id: string; nameVi: string; nameEn: string; acronym: string | null }[] = [];
  const now = Date.now();
  let done = 0;

  while (done < options.count) {
    const size = Math.min(batchSize, options.count - done);
    const organizations: Row[] = [];
    const links: [string, string][] = [];
    for (let i = 0; i < size; i++) {
      const n = done + i;
      const kind = weighted(KIND_WEIGHTS, random());
      const own = pickFields(fields, fieldsByArea, 1 + Math.floor(random() * 4), random);
      const main = own[0]!;
      const names = nameFor(kind, main, pick, random);
      const district = random() < 0.9 ? pick(DISTRICTS).slug : null;
      const parent =
        (kind === "lab" || kind === "institute") && parents.length > 0 && random() < 0.6 ? pick(parents) : null;
      const id = `fx${runId}${n.toString(36).padStart(7, "0")}`;
      const verified = random() < 0.4;
      const createdAt = new Date(now - Math.floor(random() * 5 * 365 * 86_400_000));
      const fieldList = own.map((field) => field.nameVi.toLowerCase()).join(", ");
      const fieldListEn = own.map((field) => field.nameEn.toLowerCase()).join(", ");
      const row = {
        id,
        slug: `${slugify(names.en, 60)}-${n.toString(36)}`,
        kind,
        nameVi: names.vi,
        nameEn: names.en,
        acronym: names.acronym,
        summaryVi: `${names.vi} hoạt động trong lĩnh vực ${fieldList}, hợp tác với doanh nghiệp và viện nghiên cứu tại Hà Nội.`,
        summaryEn: `${names.en} works in ${fieldListEn}, partnering with companies and research institutes in Hanoi.`,
        parentId: parent?.id ?? null,
        district,
        website: `https://${slugify(names.en, 30).replace(/-/g, "")}.example.vn`,
        foundedYear: 1956 + Math.floor(random() * 70),
        status: "published",
        verified,
        verifiedAt: verified ? createdAt : null,
        createdAt,
        updatedAt: createdAt,
      };
      const forIndex: OrganizationIndexSource = {
        ...row,
        ward: null,
        address: null,
        parent: parent
          ? { nameVi: parent.nameVi, nameEn: parent.nameEn, acronym: parent.acronym, status: "published" }
          : null,
        fields: own.map((field) => ({ field })),
      };
      const document = organizationDocument(forIndex);
      organizations.push({
        ...row,
        verified: verified ? 1 : 0,
        verifiedAt: row.verifiedAt ? sqlDate(row.verifiedAt) : null,
        createdAt: sqlDate(createdAt),
        updatedAt: sqlDate(createdAt),
        searchText: searchTextOf(document, forIndex),
        sortNameVi: document.sortNameVi,
        sortNameEn: document.sortNameEn,
      });
      for (const field of own) links.push([id, field.id]);
      if ((kind === "university" || kind === "institute") && parents.length < 5_000) {
        parents.push({ id, nameVi: names.vi, nameEn: names.en, acronym: names.acronym });
      }
    }
    writeBatch(organizations, links);
    done += size;
    options.onProgress?.(done);
  }
  return done;
}

function nameFor(kind: OrganizationKind, field: Field, pick: <T>(items: readonly T[]) => T, random: () => number) {
  const place = pick(PLACES);
  const qualifier = pick(QUALIFIERS);
  const fieldVi = field.nameVi.toLowerCase();
  switch (kind) {
    case "university": {
      const en = `${place.en} University of ${field.nameEn}`;
      return { vi: `Trường Đại học ${capitalize(fieldVi)} ${place.vi}`, en, acronym: initials(en) };
    }
    case "institute": {
      const en = `Institute of ${qualifier.en} ${field.nameEn}`;
      return {
        vi: `Viện ${capitalize(fieldVi)} ${qualifier.vi.toLowerCase()}`,
        en,
        acronym: random() < 0.5 ? initials(en) : null,
      };
    }
    case "lab":
      return {
        vi: `Phòng thí nghiệm ${capitalize(fieldVi)} ${qualifier.vi.toLowerCase()}`,
        en: `${qualifier.en} ${field.nameEn} Laboratory`,
        acronym: null,
      };
    case "incubator":
      return {
        vi: `Vườn ươm Doanh nghiệp ${capitalize(fieldVi)} ${place.vi}`,
        en: `${place.en} ${field.nameEn} Incubator`,
        acronym: null,
      };
    case "startup": {
      const brand = `${pick(BRAND_PARTS)}${pick(BRAND_PARTS).toLowerCase()}`;
      return { vi: `Công ty Cổ phần ${brand}`, en: `${brand} JSC`, acronym: null };
    }
    case "enterprise": {
      const brand = `${pick(BRAND_PARTS)}${pick(BRAND_PARTS).toLowerCase()}`;
      return {
        vi: `Tập đoàn ${brand} ${place.vi}`,
        en: `${brand} ${place.en} Group`,
        acronym: brand.toUpperCase().slice(0, 5),
      };
    }
  }
}

export function pickFields(
  fields: Field[],
  fieldsByArea: Map<string, Field[]>,
  count: number,
  random: () => number,
): Field[] {
  const chosen = new Map<string, Field>();
  const first = fields[Math.floor(random() * fields.length)]!;
  chosen.set(first.id, first);
  // Related fields: mostly from the same area, as real organizations are.
  const sameArea = fieldsByArea.get(first.parent!.slug) ?? fields;
  while (chosen.size < count) {
    const pool = random() < 0.75 && sameArea.length > chosen.size ? sameArea : fields;
    const field = pool[Math.floor(random() * pool.length)]!;
    chosen.set(field.id, field);
  }
  return [...chosen.values()];
}

export function weighted<T>(items: [T, number][], roll: number): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let cursor = roll * total;
  for (const [item, weight] of items) {
    cursor -= weight;
    if (cursor < 0) return item;
  }
  return items.at(-1)![0];
}

function capitalize(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function initials(text: string) {
  return text
    .split(/\s+/)
    .filter((word) => /^[A-Z]/.test(word))
    .map((word) => word[0])
    .join("")
    .slice(0, 6);
}

/** A seeded random number source and a pick from a list, for a fixture run. */
export function seeded(seed: number) {
  const random = mulberry32(seed);
  return { random, pick: <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]! };
}

/** A small seeded PRNG, so a fixture set can be generated again identically. */
export function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
