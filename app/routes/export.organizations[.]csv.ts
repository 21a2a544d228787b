import { exportPublishedOrganizations, organizationsCsv } from "~/models/export.server";
import { openDataLicenseLink } from "~/domain/open-data";

/** GET /export/organizations.csv: every published listing, as open data. */
export async function loader() {
  const csv = organizationsCsv(await exportPublishedOrganizations());
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="hanoi-innovation-organizations.csv"',
      "Cache-Control": "public, max-age=300",
      // The CSV keeps the import's columns only: its licence travels in the header.
      Link: openDataLicenseLink,
    },
  });
}
