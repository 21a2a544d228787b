import { exportPublishedOrganizations, organizationsCsv } from "~/models/export.server";

/** GET /export/organizations.csv: every published listing, as open data. */
export async function loader() {
  const csv = organizationsCsv(await exportPublishedOrganizations());
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="hanoi-innovation-organizations.csv"',
      "Cache-Control": "public, max-age=300",
    },
  });
}
