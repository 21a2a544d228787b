/**
 * Runs one of the portal's periodic tasks now, on the database in DATABASE_URL:
 *
 *   npm run task -- request-reminders
 *
 * The running portal runs each on its own clock (PERIODIC_TASKS in
 * app/jobs/handlers.server.ts); this is for an operator after downtime, or to
 * send a reminder without waiting for its next turn. Each task is idempotent, so
 * running it beside the portal sends nothing twice. Mail is queued as the portal
 * queues it; the portal's job worker sends it.
 */
// First: the files this script makes are private (docs/decisions/027).
import "./lib/private-data";
import { prisma } from "~/db/client.server";
import { PERIODIC_TASKS } from "~/jobs/handlers.server";

const name = process.argv[2];
const task = PERIODIC_TASKS.find((candidate) => candidate.name === name);
if (!task) {
  console.error(`usage: npm run task -- <${PERIODIC_TASKS.map((candidate) => candidate.name).join(" | ")}>`);
  process.exit(2);
}
const result = await task.run();
console.log(JSON.stringify({ task: task.name, result: result ?? null }));
await prisma.$disconnect();
