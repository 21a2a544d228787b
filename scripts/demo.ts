/**
 * `npm run demo`: the portal as `npm start` runs it, on a demonstration database of its own
 * (.data/demo/, never the real one) holding the real directory plus clearly labelled example
 * experts, requests, responses, a match and its messages. Every page shows a banner saying it
 * is a demonstration; one account per role is printed at start.
 */
// First: the demo's own files (scripts/lib/demo-env.ts), and they are private.
import { DEMO_DIR } from "./lib/demo-env";
import "./lib/private-data";
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DEMO_ACCOUNTS, loadDemoContent } from "~/models/demo.server";
import { seedDirectory } from "~/models/seed.server";
import { prisma } from "~/db/client.server";
import { applyMigrations } from "~/db/migrate.server";
import { buildIfStale, serverArguments } from "./lib/build";

fs.mkdirSync(DEMO_DIR, { recursive: true });
applyMigrations();
await seedDirectory();
// One password for the demo accounts, made on the first run and kept beside the demo database.
const passwordFile = path.join(DEMO_DIR, "demo-password");
if (!fs.existsSync(passwordFile))
  fs.writeFileSync(passwordFile, `demo-${crypto.randomBytes(6).toString("hex")}\n`, { mode: 0o600 });
const password = fs.readFileSync(passwordFile, "utf8").trim();
await loadDemoContent(password);
await prisma.$disconnect();

await buildIfStale();
const port = process.env.PORT ?? "3000";
console.log(
  [
    "",
    `Demonstration portal (its own database in ${path.relative(process.cwd(), DEMO_DIR)}/): http://localhost:${port}`,
    `Demo accounts, password ${password}:`,
    ...DEMO_ACCOUNTS.map(
      (account) => `  ${account.role === "member" ? account.accountType : account.role}: ${account.email}`,
    ),
    "",
  ].join("\n"),
);
const server = spawn(process.execPath, serverArguments(), { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
