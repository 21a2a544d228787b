import { prisma } from "~/db/client.server";
import { toCsv } from "~/utils/csv";
import { IMPORT_COLUMNS, IMPORT_COLUMNS_SELECT } from "./import/columns";

/**
 * Published listings as open data, in the import file's columns, so that an
 * export can be corrected in a spreadsheet and imported back.
 */
export type ExportedOrganization = Record<(typeof IMPORT_COLUMNS)[number], string | number | boolean | string[] | null>;

/**
 * Public contacts only: the ward is part of an organization's published
 * address (requests' wards are never exported).
 */

export async function exportPublishedOrganizations(): Promise<ExportedOrganization[]> {
  const rows = await prisma.organization.findMany({
    where: { status: "published" },
    orderBy: { slug: "asc" },
    select: {
      ...IMPORT_COLUMNS_SELECT,
      parent: { select: { slug: true, status: true } },
      fields: { select: { field: { select: { slug: true } } }, orderBy: { field: { position: "asc" } } },
    },
  });
  return rows.map(({ parent, fields, district, ...row }) => ({
    ...row,
    area: district,
    parent: parent?.status === "published" ? parent.slug : null,
    fields: fields.map(({ field }) => field.slug),
  }));
}

export function organizationsCsv(rows: ExportedOrganization[]): string {
  return toCsv(
    IMPORT_COLUMNS,
    rows.map((row) =>
      IMPORT_COLUMNS.map((column) => (Array.isArray(row[column]) ? (row[column] as string[]).join(";") : row[column])),
    ),
  );
}
