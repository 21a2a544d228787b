import { exportPublicOffers, offersCsv } from "~/models/export.server";
import { openDataLicenseLink } from "~/domain/open-data";

/** GET /export/offers.csv: every public service, instrument and technology, as open data. */
export async function loader() {
  const csv = offersCsv(await exportPublicOffers());
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="hanoi-innovation-offers.csv"',
      "Cache-Control": "public, max-age=300",
      Link: openDataLicenseLink,
    },
  });
}
