/** Loads the real Hanoi organizations and the field taxonomy. Safe to run again. */
// First: the files this script makes are private (docs/decisions/027).
import "./lib/private-data";
import { seedDirectory } from "~/models/seed.server";
import { prisma } from "~/db/client.server";

const report = await seedDirectory();
console.log(
  `fields: ${report.fields.created} created, ${report.fields.updated} updated, ${report.fields.unchanged} unchanged\n` +
    `organizations: ${report.organizations.created} created, ${report.organizations.updated} updated, ` +
    `${report.organizations.unchanged} unchanged, ${report.organizations.keptPortalEdits} kept (edited in the portal)\n` +
    `offers: ${report.offers.created} created, ${report.offers.updated} updated, ` +
    `${report.offers.unchanged} unchanged, ${report.offers.keptPortalEdits} kept (edited in the portal)`,
);
await prisma.$disconnect();
