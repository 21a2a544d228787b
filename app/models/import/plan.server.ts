import { sortableName } from "#search/organization-document";
import { getTaxonomy } from "~/models/field.server";
import { prisma } from "~/db/client.server";
import { isDistrictSlug } from "~/domain/districts";
import { isWardSlug } from "~/domain/wards";
import { isEmailList, isPhoneList } from "~/validation/contact";
import { isOrganizationKind } from "~/domain/organization-values";
import { SLUG_PATTERN, slugify } from "~/utils/text";
import { COLUMN_LIMITS, IMPORT_COLUMNS_SELECT, type ImportColumn } from "./columns";
import type { RawRow } from "./parse";
import { cellProblems, clean, dedupe, listCell, type RowProblem } from "./rows";

/**
 * Decides, for each row, what an import would do: create a listing, update
 * the one with the row's slug, leave it unchanged, or reject the row (with
 * every reason at once, so a file can be fixed in one go). Nothing is written.
 *
 * Rules: a row with the slug of an existing listing updates it, and blank
 * cells leave its facts as they are; a row without a known slug creates a
 * listing, unless another listing (or an earlier row) already has its name
 * and kind, which is reported as a duplicate.
 */
export type { RowProblem };

export type Values = {
  kind?: string;
  nameVi?: string | null;
  nameEn?: string | null;
  acronym?: string | null;
  summaryVi?: string | null;
  summaryEn?: string | null;
  district?: string | null;
  ward?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  foundedYear?: number | null;
  verified?: boolean;
  status?: string;
  sourceUrl?: string | null;
};

export type PlannedRow =
  | {
      row: number;
      outcome: "create";
      slug: string;
      values: Values;
      parentSlug: string | null;
      fieldIds: string[] | null;
    }
  | {
      row: number;
      outcome: "update";
      slug: string;
      id: string;
      values: Values;
      parentSlug: string | null | undefined;
      fieldIds: string[] | null;
      changed: string[];
    }
  | { row: number; outcome: "unchanged"; slug: string; id: string }
  | { row: number; outcome: "reject"; slug: string; problems: RowProblem[] };

export type ImportPlan = { rows: PlannedRow[]; counts: Record<PlannedRow["outcome"], number> };

const TRUE = new Set(["true", "1", "yes", "có", "co", "x"]);
const FALSE = new Set(["false", "0", "no", "không", "khong", ""]);
const STATUSES = new Set(["published", "draft", "archived"]);
const YEAR_MAX = new Date().getFullYear();

export async function planImport(rows: RawRow[]): Promise<ImportPlan> {
  // A unit may name a parent that comes later in the file.
  const slugsGiven = new Set(rows.map((raw) => clean(raw.slug)).filter(Boolean));
  const [listed, taxonomy] = await Promise.all([listedNames(), getTaxonomy()]);
  const slugsListed = new Set(listed.map((organization) => organization.slug));
  const byName = new Map<string, string>();
  for (const organization of listed) {
    for (const name of [organization.sortNameVi, organization.sortNameEn])
      if (name) byName.set(`${organization.kind}|${name}`, organization.slug);
  }
  // Whole rows only for the listings the file names: at 100,000 listings, reading them all held a
  // gigabyte for the length of the import.
  const bySlug = await listingsBySlug([...slugsGiven].filter((slug) => slugsListed.has(slug)));
  const slugsInFile = new Map<string, number>();
  const namesInFile = new Map<string, number>();
  const planned: PlannedRow[] = [];

  for (const [index, raw] of rows.entries()) {
    // Long files: let the server answer other requests meanwhile.
    if (index % 2000 === 1999) await new Promise((resolve) => setImmediate(resolve));
    const rowNumber = index + 1;
    const problems: RowProblem[] = cellProblems(raw, COLUMN_LIMITS);
    const cell = (column: ImportColumn) => clean(raw[column]);

    const givenSlug = cell("slug");
    if (givenSlug && !SLUG_PATTERN.test(givenSlug))
      problems.push({ key: "import.problem.slug", params: { value: givenSlug } });
    const current = givenSlug ? bySlug.get(givenSlug) : undefined;

    const values: Values = {};
    const kind = cell("kind");
    if (kind) {
      if (isOrganizationKind(kind)) values.kind = kind;
      else problems.push({ key: "import.problem.kind", params: { value: kind } });
    } else if (!current) problems.push({ key: "import.problem.kindRequired" });

    for (const column of ["nameVi", "nameEn", "acronym", "summaryVi", "summaryEn", "address"] as const) {
      const value = cell(column);
      if (value) values[column] = value;
    }
    if (!current && !values.nameVi && !values.nameEn) problems.push({ key: "import.problem.nameRequired" });

    // The area column is stored as `district` (the former district's slug).
    const district = cell("area") || cell("district");
    if (district) {
      if (isDistrictSlug(district)) values.district = district;
      else problems.push({ key: "import.problem.district", params: { value: district } });
    }
    // Never guessed from the area: only a ward or commune the file names.
    const ward = cell("ward");
    if (ward) {
      if (isWardSlug(ward)) values.ward = ward;
      else problems.push({ key: "import.problem.ward", params: { value: ward } });
    }
    const phone = cell("phone");
    if (phone) {
      if (isPhoneList(phone)) values.phone = phone.split(/\s*;\s*|\s*,\s*|\s+-\s+/).join("; ");
      else problems.push({ key: "import.problem.phone", params: { value: phone } });
    }
    const email = cell("email").toLowerCase();
    if (email) {
      if (isEmailList(email)) values.email = email.split(/\s*[;,]\s*/).join("; ");
      else problems.push({ key: "import.problem.email", params: { value: email } });
    }
    for (const column of ["website", "sourceUrl"] as const) {
      const value = cell(column);
      if (!value) continue;
      if (isHttpUrl(value)) values[column] = value;
      else problems.push({ key: "import.problem.url", params: { column, value } });
    }
    const year = cell("foundedYear");
    if (year) {
      if (/^\d{4}$/.test(year) && Number(year) >= 1800 && Number(year) <= YEAR_MAX) values.foundedYear = Number(year);
      else problems.push({ key: "import.problem.year", params: { value: year, max: YEAR_MAX } });
    }
    const verified = cell("verified").toLowerCase();
    if (TRUE.has(verified)) values.verified = true;
    else if (verified && FALSE.has(verified)) values.verified = false;
    else if (verified) problems.push({ key: "import.problem.verified", params: { value: verified } });
    const status = cell("status");
    if (status) {
      if (STATUSES.has(status)) values.status = status;
      else problems.push({ key: "import.problem.status", params: { value: status } });
    }

    let fieldIds: string[] | null = null;
    const fieldList = cell("fields");
    if (fieldList) {
      fieldIds = [];
      for (const slug of listCell(fieldList)) {
        const field = taxonomy.bySlug.get(slug);
        if (!field || field.areaSlug === null) problems.push({ key: "import.problem.field", params: { value: slug } });
        else fieldIds.push(field.id);
      }
      if (fieldIds.length > 8) problems.push({ key: "import.problem.tooManyFields", params: { max: 8 } });
    }

    const parentCell = raw.parent === undefined ? undefined : cell("parent");
    const parentSlug = parentCell === undefined ? undefined : parentCell || null;
    if (parentSlug && !slugsListed.has(parentSlug) && !slugsGiven.has(parentSlug)) {
      problems.push({ key: "import.problem.parent", params: { value: parentSlug } });
    }

    // Duplicates: the same slug twice in the file, or a new listing named like one that exists.
    const slug = givenSlug || uniqueSlug(values, slugsListed, slugsInFile);
    if (parentSlug && parentSlug === slug) problems.push({ key: "import.problem.parentSelf" });
    const earlier = slugsInFile.get(slug);
    if (earlier !== undefined) problems.push({ key: "import.problem.duplicateRow", params: { row: earlier } });
    else slugsInFile.set(slug, rowNumber);
    if (!current) {
      const effectiveKind = values.kind ?? "";
      for (const name of [values.nameVi, values.nameEn]) {
        if (!name) continue;
        const key = `${effectiveKind}|${sortableName(name)}`;
        const listed = byName.get(key);
        const inFile = namesInFile.get(key);
        if (listed) problems.push({ key: "import.problem.duplicateListing", params: { slug: listed } });
        else if (inFile !== undefined && inFile !== rowNumber)
          problems.push({ key: "import.problem.duplicateRow", params: { row: inFile } });
        else namesInFile.set(key, rowNumber);
      }
    }

    if (problems.length) {
      planned.push({ row: rowNumber, outcome: "reject", slug, problems: dedupe(problems) });
      continue;
    }
    if (!current) {
      planned.push({ row: rowNumber, outcome: "create", slug, values, parentSlug: parentSlug ?? null, fieldIds });
      continue;
    }
    const changed = (Object.keys(values) as (keyof Values)[]).filter((column) => values[column] !== current[column]);
    if (parentSlug !== undefined && parentSlug !== (current.parent?.slug ?? null))
      changed.push("parent" as keyof Values);
    if (
      fieldIds &&
      !sameSet(
        fieldIds,
        current.fields.map((link) => link.fieldId),
      )
    )
      changed.push("fields" as keyof Values);
    planned.push(
      changed.length
        ? { row: rowNumber, outcome: "update", slug, id: current.id, values, parentSlug, fieldIds, changed }
        : { row: rowNumber, outcome: "unchanged", slug, id: current.id },
    );
  }

  const counts = { create: 0, update: 0, unchanged: 0, reject: 0 };
  for (const row of planned) counts[row.outcome] += 1;
  return { rows: planned, counts };
}

/** Every listing's slug, kind and sortable names: what duplicates and new slugs are checked against. */
function listedNames() {
  return prisma.$queryRaw<{ slug: string; kind: string; sortNameVi: string | null; sortNameEn: string | null }[]>`
    SELECT slug, kind, sortNameVi, sortNameEn FROM Organization`;
}

const SLUGS_PER_QUERY = 400;

/** The listings a file updates, as the plan compares them. */
async function listingsBySlug(slugs: string[]) {
  const bySlug = new Map<string, Awaited<ReturnType<typeof readListings>>[number]>();
  for (let start = 0; start < slugs.length; start += SLUGS_PER_QUERY) {
    for (const listing of await readListings(slugs.slice(start, start + SLUGS_PER_QUERY)))
      bySlug.set(listing.slug, listing);
  }
  return bySlug;
}

function readListings(slugs: string[]) {
  return prisma.organization.findMany({
    where: { slug: { in: slugs } },
    select: {
      id: true,
      ...IMPORT_COLUMNS_SELECT,
      parent: { select: { slug: true } },
      fields: { select: { fieldId: true } },
    },
  });
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function uniqueSlug(values: Values, taken: Set<string>, inFile: Map<string, number>): string {
  const base =
    slugify(
      values.acronym && values.nameVi ? `${values.acronym} ${values.nameVi}` : (values.nameVi ?? values.nameEn ?? ""),
      70,
    ) || "organization";
  let slug = base;
  for (let n = 2; taken.has(slug) || inFile.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

function sameSet(a: string[], b: string[]) {
  return a.length === b.length && new Set([...a, ...b]).size === a.length;
}
