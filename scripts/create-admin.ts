/**
 * Makes the first administrator (or promotes an existing account):
 *
 *   npm run create-admin -- --email you@example.vn --name "Your Name"
 *
 * The password is read from ADMIN_PASSWORD, or asked for on the terminal, so it
 * never lands in the shell's history.
 */
// First: the files this script makes are private (docs/decisions/027).
import "./lib/private-data";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { createUser, setRole } from "~/models/user.server";
import { prisma } from "~/db/client.server";
import { applyMigrations } from "~/db/migrate.server";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
const email = values.email?.trim().toLowerCase();
if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
  console.error('usage: npm run create-admin -- --email you@example.vn --name "Your Name"');
  process.exit(2);
}
applyMigrations();
const existing = await prisma.user.findUnique({ where: { email } });
if (existing) {
  await setRole(existing.id, "admin");
  console.log(`${email} is now an administrator.`);
} else {
  let password = process.env.ADMIN_PASSWORD ?? "";
  if (!password) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question("Password (at least 10 characters): ");
    rl.close();
  }
  if (password.length < 10) {
    console.error("The password needs at least 10 characters.");
    process.exit(2);
  }
  const user = await createUser({ email, name: values.name ?? email, password, accountType: "business", locale: "vi" });
  await setRole(user.id, "admin");
  console.log(`Created the administrator ${email}.`);
}
await prisma.$disconnect();
