/**
 * Writes N synthetic but realistic organizations (Vietnamese and English
 * names, fields from the taxonomy, Hanoi districts) for scale tests.
 *
 *   npm run generate-fixtures -- --count 100000 [--seed 7] [--no-outbox]
 *
 * Into DATABASE_URL (default .data/portal.db); the taxonomy must be seeded.
 * With --no-outbox, run `npm run reindex` afterwards to make them searchable.
 */
// First: the files this script makes are private (docs/decisions/027).
import "./lib/private-data";
import { parseArgs } from "node:util";
import { generateOrganizations } from "./lib/organization-fixtures";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    seed: { type: "string" },
    "no-outbox": { type: "boolean", default: false },
  },
});
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1 || count > 2_000_000) {
  console.error("--count must be a whole number from 1 to 2,000,000");
  process.exit(2);
}

const started = Date.now();
generateOrganizations({
  count,
  seed: values.seed ? Number(values.seed) : undefined,
  outbox: !values["no-outbox"],
  onProgress: (done) => process.stdout.write(`\rgenerated ${done}/${count} organizations`),
});
process.stdout.write(`\ndone in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
