/** Applies pending migrations (npm run db:migrate). Safe while the portal runs. */
import { applyMigrations } from "~/utils/migrate.server";

const report = applyMigrations();
console.log(
  report.applied.length > 0
    ? `applied: ${report.applied.join(", ")}`
    : `nothing to apply (${report.alreadyApplied} migration(s) already applied)`,
);
