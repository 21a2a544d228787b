import { exportPublishedOrganizations } from "~/models/export.server";
import { OPEN_DATA_LICENSE, openDataLicenseLink } from "~/domain/open-data";

/** GET /export/organizations.json: every published listing, as open data. */
export async function loader() {
  const data = await exportPublishedOrganizations();
  return new Response(
    JSON.stringify({ exportedAt: new Date().toISOString(), license: OPEN_DATA_LICENSE, count: data.length, data }),
    {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": 'attachment; filename="hanoi-innovation-organizations.json"',
        "Cache-Control": "public, max-age=300",
        Link: openDataLicenseLink,
      },
    },
  );
}
