import { parseWithZod } from "@conform-to/zod/v3";
import type { Readable } from "node:stream";
import { prisma } from "~/db/client.server";
import { getTaxonomy } from "~/models/field.server";
import { inventorsBySlug, OFFER_MATERIAL, offerColumns, type OfferData } from "~/models/offer.server";
import { offerSeedKey } from "~/models/offer-seed.server";
import { parseProblem } from "~/validation/messages";
import { OfferSchema } from "~/validation/offer";
import { FORM_NAMES, LIST_COLUMNS, OFFER_IMPORT_COLUMNS, type OfferImportColumn } from "./offer-columns";
import { parseImportFile, type FileSpec, type RawRow } from "./parse";
import type { Outcome } from "./report";
import { cellProblems, clean, dedupe, listCell, type RowProblem } from "./rows";

/**
 * Decides what an offer import would do with each row (docs/decisions/057). Every row
 * goes through the offer form's own schema (app/validation/offer.ts), as if its cells
 * had been typed into the form, so the import cannot store what the form refuses. A
 * row whose stable key (owner, type and name: the seed's key) is an existing offer's
 * updates it; the others add offers. Nothing is written here.
 */
export const OFFER_FILE: FileSpec<OfferImportColumn> = {
  columns: OFFER_IMPORT_COLUMNS,
  missing: (header) => [
    ...(["type", "organization"] as const).filter((column) => !header.includes(column)),
    ...(header.includes("nameVi") || header.includes("nameEn") ? [] : ["nameVi | nameEn"]),
  ],
};

export const parseOfferFile = (name: string, input: Readable | string) => parseImportFile(name, input, OFFER_FILE);

export type PlannedOffer = {
  row: number;
  /** The owner's slug, the type and the name: what the report shows of the row. */
  slug: string;
  outcome: Outcome;
  problems?: RowProblem[];
  changed?: string[];
  organizationId?: string;
  /** The offer it updates. */
  id?: string;
  data?: OfferData;
};
export type OfferImportPlan = { rows: PlannedOffer[]; counts: Record<Outcome, number> };

const TRUE = new Set(["true", "1", "yes", "có", "co", "x", "on"]);
/** The form's limit on a cell is its schema's; this only keeps a report readable. */
const CELL_LIMIT = 3_000;
const LIMITS = Object.fromEntries(OFFER_IMPORT_COLUMNS.map((column) => [column, CELL_LIMIT]));

export async function planOfferImport(rows: RawRow<OfferImportColumn>[]): Promise<OfferImportPlan> {
  const slugs = [...new Set(rows.map((raw) => clean(raw.organization)).filter(Boolean))];
  const [owners, taxonomy] = await Promise.all([ownersBySlug(slugs), getTaxonomy()]);
  const existing = await offersByKey([...owners.values()]);
  const keysInFile = new Map<string, number>();
  const planned: PlannedOffer[] = [];

  for (const [index, raw] of rows.entries()) {
    if (index % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
    const rowNumber = index + 1;
    const problems = cellProblems(raw, LIMITS);
    const ownerSlug = clean(raw.organization);
    const owner = owners.get(ownerSlug);
    if (!ownerSlug) problems.push({ key: "import.problem.organizationRequired" });
    else if (!owner) problems.push({ key: "import.problem.organization", params: { value: ownerSlug } });

    // Every problem of a row at once: the fields are looked up even when the form refuses the row.
    for (const slug of listCell(raw.fields ?? "")) {
      const field = taxonomy.bySlug.get(slug);
      if (!field || field.areaSlug === null) problems.push({ key: "import.problem.field", params: { value: slug } });
    }
    const submission = parseWithZod(rowAsForm(raw), { schema: OfferSchema });
    const label = `${ownerSlug || "?"} · ${clean(raw.type) || "?"} · ${clean(raw.nameVi) || clean(raw.nameEn)}`;
    if (submission.status !== "success") {
      for (const [path, messages] of Object.entries(submission.error ?? {}))
        for (const message of messages ?? []) problems.push({ ...problemOf(message), column: columnOf(path) });
      planned.push({ row: rowNumber, slug: label, outcome: "reject", problems: dedupe(problems) });
      continue;
    }
    const { fieldSlugs, inventors, ...input } = submission.value;
    const fields = fieldSlugs.map((slug) => taxonomy.bySlug.get(slug));
    const found =
      input.type === "technology" && inventors.length
        ? await inventorsBySlug(inventors)
        : { ids: [], unknown: [] as string[] };
    for (const slug of found.unknown) problems.push({ key: "import.problem.inventor", params: { value: slug } });

    const keys = keysOf({ slug: ownerSlug, type: input.type, nameVi: input.nameVi, nameEn: input.nameEn });
    const key = keys[0]!;
    const earlier = keysInFile.get(key);
    if (earlier !== undefined) problems.push({ key: "import.problem.duplicateRow", params: { row: earlier } });
    else keysInFile.set(key, rowNumber);

    if (problems.length || !owner) {
      planned.push({ row: rowNumber, slug: label, outcome: "reject", problems: dedupe(problems) });
      continue;
    }
    const data: OfferData = {
      ...offerColumns(input),
      fieldIds: fields.map((field) => field!.id),
      inventorIds: found.ids,
    };
    const current = keys.map((candidate) => existing.get(candidate)).find(Boolean);
    if (!current) {
      planned.push({ row: rowNumber, slug: label, outcome: "create", organizationId: owner.id, data });
      continue;
    }
    const changed: string[] = OFFER_MATERIAL.filter((column) => (current[column] ?? null) !== (data[column] ?? null));
    if (!sameList(data.fieldIds, current.fieldIds, true)) changed.push("fields");
    if (!sameList(data.inventorIds, current.inventorIds, false)) changed.push("inventors");
    if (current.status !== "published" || current.hiddenAt) changed.push("status");
    planned.push({
      row: rowNumber,
      slug: label,
      outcome: changed.length ? "update" : "unchanged",
      organizationId: owner.id,
      id: current.id,
      data,
      changed,
    });
  }
  const counts = { create: 0, update: 0, unchanged: 0, reject: 0 };
  for (const row of planned) counts[row.outcome] += 1;
  return { rows: planned, counts };
}

/** The row's cells as the offer form would send them. */
function rowAsForm(raw: RawRow<OfferImportColumn>): FormData {
  const form = new FormData();
  for (const column of OFFER_IMPORT_COLUMNS) {
    const value = raw[column];
    if (value === undefined || value.includes("\u0000")) continue;
    const name = FORM_NAMES[column] ?? column;
    if (LIST_COLUMNS.has(column)) for (const item of listCell(value)) form.append(name, item);
    else if (column === "transferred") {
      if (TRUE.has(value.trim().toLowerCase())) form.append(name, "on");
    } else if (column === "inventors") form.append(name, listCell(value).join("\n"));
    else if (column !== "organization") form.append(name, value);
  }
  return form;
}

/** The file's column a form field's message is about. */
function columnOf(path: string): string {
  const field = path.split(/[.[]/)[0] ?? path;
  const column = Object.entries(FORM_NAMES).find(([, name]) => name === field)?.[0];
  return column ?? field;
}

function problemOf(message: string): RowProblem {
  const { key, params } = parseProblem(message);
  return { key: key as RowProblem["key"], params };
}

function sameList(a: string[], b: string[], anyOrder: boolean) {
  if (a.length !== b.length) return false;
  return anyOrder ? new Set([...a, ...b]).size === a.length : a.every((value, at) => value === b[at]);
}

/** The published organizations a file names, by slug (offers belong to published listings only). */
async function ownersBySlug(slugs: string[]) {
  const owners = new Map<string, { id: string; slug: string }>();
  for (let start = 0; start < slugs.length; start += 400) {
    const found = await prisma.organization.findMany({
      where: { slug: { in: slugs.slice(start, start + 400) }, status: "published" },
      select: { id: true, slug: true },
    });
    for (const owner of found) owners.set(owner.slug, owner);
  }
  return owners;
}

/**
 * The offers of these organizations by stable key. Two with one key (an archived one and
 * its successor): the one not archived.
 */
async function offersByKey(owners: { id: string; slug: string }[]) {
  const slugOf = new Map(owners.map((owner) => [owner.id, owner.slug]));
  const byKey = new Map<string, Awaited<ReturnType<typeof readOffers>>[number] & Links>();
  for (let start = 0; start < owners.length; start += 400) {
    for (const offer of await readOffers(owners.slice(start, start + 400).map((owner) => owner.id))) {
      const links = {
        fieldIds: offer.fields.map((field) => field.fieldId),
        inventorIds: offer.inventors.map((inventor) => inventor.expertId),
      };
      for (const key of keysOf({ slug: slugOf.get(offer.organizationId!)!, ...offer })) {
        const kept = byKey.get(key);
        if (!kept || kept.status === "archived") byKey.set(key, { ...offer, ...links });
      }
    }
  }
  return byKey;
}
type Links = { fieldIds: string[]; inventorIds: string[] };

/**
 * The seed's key (owner, type, English name else Vietnamese), then the key by the
 * Vietnamese name alone: a row naming an offer in Vietnamese only still finds it.
 */
function keysOf(record: { slug: string; type: string; nameVi: string | null; nameEn: string | null }) {
  const keys = [offerSeedKey(record)];
  if (record.nameEn && record.nameVi) keys.push(offerSeedKey({ ...record, nameEn: null }));
  return keys;
}

function readOffers(organizationIds: string[]) {
  return prisma.offer.findMany({
    where: { organizationId: { in: organizationIds } },
    include: {
      fields: { select: { fieldId: true } },
      inventors: { orderBy: { position: "asc" }, select: { expertId: true } },
    },
  });
}
