/** Applies pending migrations (npm run db:migrate). Safe while the portal runs. */
// First: the files this script makes are private (docs/decisions/027).
import "./lib/private-data";
import { applyMigrations } from "~/db/migrate.server";

const report = applyMigrations();
console.log(
  report.applied.length > 0
    ? `applied: ${report.applied.join(", ")}`
    : `nothing to apply (${report.alreadyApplied} migration(s) already applied)`,
);
