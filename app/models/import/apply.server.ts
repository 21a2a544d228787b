import crypto from "node:crypto";
import { organizationDocument, searchTextOf, type OrganizationIndexSource } from "#search/organization-document";
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/models/audit.server";
import { updateOrganizationInTransaction } from "~/models/organization.server";
import { refreshPlannerStatistics } from "~/db/client.server";
import { storedDate } from "~/db/sqlite-adapter.server";
import { log } from "~/config/log.server";
import { LISTING_CONTACT_COLUMNS, LISTING_TEXT_COLUMNS } from "~/domain/organization-values";
import type { ImportPlan, PlannedRow } from "./plan.server";
import { write } from "../write.server";

/**
 * Applies a plan with no rejected rows, all or nothing: one transaction holds
 * every created and updated listing, their search outbox rows and one audit
 * entry. New listings are written in bulk (their search text built in memory)
 * because a file may hold tens of thousands; updates go through the same path
 * as any edit.
 */
export class ImportRefusedError extends Error {}

const CHUNK = 400;
/** New listings from which an import refreshes the planner's statistics at once. */
const REFRESH_STATISTICS_AFTER = 1_000;

export async function applyImport(plan: ImportPlan, options: { actorId: string; fileName: string }) {
  if (plan.counts.reject > 0) throw new ImportRefusedError("The file has rejected rows.");
  const creates = plan.rows.filter(
    (row): row is Extract<PlannedRow, { outcome: "create" }> => row.outcome === "create",
  );
  const updates = plan.rows.filter(
    (row): row is Extract<PlannedRow, { outcome: "update" }> => row.outcome === "update",
  );
  const importId = `import-${crypto.randomUUID()}`;

  await write(
    async (tx, effects) => {
      // A unit may come before its parent in the file: foreign keys are checked at commit.
      await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
      const fields = await tx.field.findMany({
        select: {
          id: true,
          slug: true,
          nameVi: true,
          nameEn: true,
          aliases: true,
          parent: { select: { slug: true, nameVi: true, nameEn: true, aliases: true } },
        },
      });
      const fieldById = new Map(fields.map((field) => [field.id, field]));
      const newIds = new Map(creates.map((row) => [row.slug, crypto.randomUUID()]));
      const parentSlugs = [
        ...new Set(
          [...creates, ...updates]
            .map((row) => row.parentSlug)
            .filter((slug): slug is string => Boolean(slug) && !newIds.has(slug!)),
        ),
      ];
      const parents = new Map((await findBySlugs(parentSlugs, tx)).map((parent) => [parent.slug, parent]));
      const newRows = new Map(creates.map((row) => [row.slug, row]));
      const parentOf = (slug: string | null | undefined) => {
        if (!slug) return null;
        const created = newRows.get(slug);
        if (created)
          return {
            id: newIds.get(slug)!,
            nameVi: created.values.nameVi ?? null,
            nameEn: created.values.nameEn ?? null,
            acronym: created.values.acronym ?? null,
            status: created.values.status ?? "published",
          };
        const listed = parents.get(slug);
        return listed
          ? {
              id: listed.id,
              nameVi: listed.nameVi,
              nameEn: listed.nameEn,
              acronym: listed.acronym,
              status: listed.status,
            }
          : null;
      };

      const now = new Date();
      for (let start = 0; start < creates.length; start += CHUNK) {
        const chunk = creates.slice(start, start + CHUNK);
        const data: Prisma.OrganizationCreateManyInput[] = [];
        const links: Prisma.OrganizationFieldCreateManyInput[] = [];
        for (const row of chunk) {
          const id = newIds.get(row.slug)!;
          const parent = parentOf(row.parentSlug);
          const source: OrganizationIndexSource = {
            id,
            slug: row.slug,
            kind: row.values.kind!,
            nameVi: row.values.nameVi ?? null,
            nameEn: row.values.nameEn ?? null,
            acronym: row.values.acronym ?? null,
            summaryVi: row.values.summaryVi ?? null,
            summaryEn: row.values.summaryEn ?? null,
            parentId: parent?.id ?? null,
            district: row.values.district ?? null,
            ward: row.values.ward ?? null,
            address: row.values.address ?? null,
            verified: row.values.verified ?? false,
            createdAt: now,
            status: row.values.status ?? "published",
            parent,
            fields: (row.fieldIds ?? []).map((fieldId) => ({ field: fieldById.get(fieldId)! })),
          };
          const document = organizationDocument(source);
          data.push({
            id,
            slug: row.slug,
            kind: source.kind,
            nameVi: source.nameVi,
            nameEn: source.nameEn,
            acronym: source.acronym,
            summaryVi: source.summaryVi,
            summaryEn: source.summaryEn,
            parentId: source.parentId,
            district: source.district,
            ward: source.ward,
            address: source.address,
            phone: row.values.phone ?? null,
            email: row.values.email ?? null,
            website: row.values.website ?? null,
            foundedYear: row.values.foundedYear ?? null,
            sourceUrl: row.values.sourceUrl ?? null,
            status: source.status,
            verified: source.verified,
            verifiedAt: source.verified ? now : null,
            confirmedAt: now,
            searchText: searchTextOf(document, source),
            sortNameVi: document.sortNameVi,
            sortNameEn: document.sortNameEn,
            createdAt: now,
            updatedAt: now,
          });
          for (const fieldId of row.fieldIds ?? []) links.push({ organizationId: id, fieldId });
        }
        // Raw multi-row INSERTs: through Prisma's query layer, 50,000 rows took over a minute.
        await insertRows(
          "Organization",
          ORGANIZATION_COLUMNS,
          data.map((row) => ORGANIZATION_COLUMNS.map((column) => sqlValue(row[column]))),
          tx,
        );
        if (links.length)
          await insertRows(
            "OrganizationField",
            ["organizationId", "fieldId"],
            links.map((link) => [link.organizationId, link.fieldId]),
            tx,
          );
        // One multi-row INSERT per chunk as well (createMany).
        await effects.reindex(
          "organization",
          data.map((row) => row.id!),
        );
      }

      for (const row of updates) {
        const { kind, ...values } = row.values;
        await updateOrganizationInTransaction(
          row.id,
          {
            ...values,
            ...(kind ? { kind } : {}),
            ...(row.parentSlug !== undefined ? { parentId: parentOf(row.parentSlug)?.id ?? null } : {}),
            ...(row.fieldIds ? { fieldIds: row.fieldIds } : {}),
          },
          { origin: "import", extra: { confirmedAt: now, staleSince: null } },
          tx,
          effects,
        );
      }

      await audit(
        {
          actorId: options.actorId,
          action: "organization.import",
          entityType: "import",
          entityId: importId,
          label: options.fileName,
          after: {
            created: creates.length,
            updated: updates.length,
            unchanged: plan.counts.unchanged,
            createdSlugs: creates.slice(0, 200).map((row) => row.slug),
            updatedSlugs: updates.slice(0, 200).map((row) => ({ slug: row.slug, changed: row.changed })),
          },
        },
        tx,
      );
    },
    { timeout: 15 * 60_000, maxWait: 60_000 },
  );
  // Thousands of new rows at once: the planner's numbers would be off until the hourly refresh.
  // A smaller import waits for it (ANALYZE holds the thread for about 0.2 s at 100,000 listings).
  // The import has committed: a failure here is only logged.
  if (creates.length >= REFRESH_STATISTICS_AFTER) {
    await refreshPlannerStatistics().catch((error) => log("warn", "sqlite_analyze_failed", { error: String(error) }));
  }
  return { importId, created: creates.length, updated: updates.length };
}

const ORGANIZATION_COLUMNS = [
  "id",
  ...LISTING_TEXT_COLUMNS,
  "parentId",
  "district",
  ...LISTING_CONTACT_COLUMNS,
  "sourceUrl",
  "status",
  "verified",
  "verifiedAt",
  "confirmedAt",
  "searchText",
  "sortNameVi",
  "sortNameEn",
  "createdAt",
  "updatedAt",
] as const satisfies readonly (keyof Prisma.OrganizationCreateManyInput)[];

/** Dates as Prisma stores them in SQLite, booleans as 0/1. */
function sqlValue(value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return storedDate(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value as string | number;
}

async function insertRows(
  table: string,
  columns: readonly string[],
  rows: (string | number | null)[][],
  tx: Prisma.TransactionClient,
) {
  if (rows.length === 0) return;
  const placeholders = `(${columns.map(() => "?").join(", ")})`;
  await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES ${rows.map(() => placeholders).join(", ")}`,
    ...rows.flat(),
  );
}

async function findBySlugs(slugs: string[], tx: Prisma.TransactionClient) {
  const found = [];
  for (let start = 0; start < slugs.length; start += CHUNK) {
    found.push(
      ...(await tx.organization.findMany({
        where: { slug: { in: slugs.slice(start, start + CHUNK) } },
        select: { id: true, slug: true, nameVi: true, nameEn: true, acronym: true, status: true },
      })),
    );
  }
  return found;
}
