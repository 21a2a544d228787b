/**
 * Writes N synthetic but realistic organizations (Vietnamese and English
 * names, fields from the taxonomy, Hanoi districts) for scale tests, and
 * optionally offers of the research organizations among them (issue 17).
 *
 *   npm run generate-fixtures -- --count 100000 [--seed 7] [--no-outbox]
 *   npm run generate-fixtures -- --count 0 --services 2000 --equipment 2000 --technologies 1000
 *
 * Into DATABASE_URL (default .data/portal.db); the taxonomy must be seeded.
 * With --no-outbox, run `npm run reindex` afterwards to make them searchable.
 */
// First: the files this script makes are private (docs/decisions/027).
import "./lib/private-data";
import { parseArgs } from "node:util";
import { generateOffers } from "./lib/offer-fixtures";
import { generateOrganizations } from "./lib/organization-fixtures";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    services: { type: "string", default: "0" },
    equipment: { type: "string", default: "0" },
    technologies: { type: "string", default: "0" },
    seed: { type: "string" },
    "no-outbox": { type: "boolean", default: false },
  },
});
const wholeNumber = (name: "count" | "services" | "equipment" | "technologies") => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 0 || n > 2_000_000) {
    console.error(`--${name} must be a whole number from 0 to 2,000,000`);
    process.exit(2);
  }
  return n;
};
const count = wholeNumber("count");
const offers = {
  services: wholeNumber("services"),
  equipment: wholeNumber("equipment"),
  technologies: wholeNumber("technologies"),
};
const seed = values.seed ? Number(values.seed) : undefined;
const outbox = !values["no-outbox"];

const started = Date.now();
if (count > 0) {
  generateOrganizations({
    count,
    seed,
    outbox,
    onProgress: (done) => process.stdout.write(`\rgenerated ${done}/${count} organizations`),
  });
  process.stdout.write("\n");
}
const offerCount = offers.services + offers.equipment + offers.technologies;
if (offerCount > 0) {
  generateOffers({
    ...offers,
    seed,
    outbox,
    onProgress: (done) => process.stdout.write(`\rgenerated ${done}/${offerCount} offers`),
  });
  process.stdout.write("\n");
}
process.stdout.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
