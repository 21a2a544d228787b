import { exportPublicOffers } from "~/models/export.server";
import { OPEN_DATA_LICENSE, openDataLicenseLink } from "~/domain/open-data";

/** GET /export/offers.json: every public service, instrument and technology, as open data. */
export async function loader() {
  const data = await exportPublicOffers();
  return new Response(
    JSON.stringify({ exportedAt: new Date().toISOString(), license: OPEN_DATA_LICENSE, count: data.length, data }),
    {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": 'attachment; filename="hanoi-innovation-offers.json"',
        "Cache-Control": "public, max-age=300",
        Link: openDataLicenseLink,
      },
    },
  );
}
