import { execFileSync } from "node:child_process";
import { prisma } from "~/utils/db.server";
console.log(await prisma.organization.count());
try {
  const out = execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env: process.env, encoding: "utf8", stdio: "pipe" });
  console.log("ok", out.split("\n").slice(-3).join(" "));
} catch (e: any) { console.log("FAIL", String(e.stderr).slice(0, 300)); }
await prisma.$disconnect();
