/**
 * Writes a new SQL migration from the difference between the schema the last
 * migration produced and prisma/schema.prisma.
 *
 * `prisma migrate dev` needs a shadow database that Prisma's WebAssembly engine
 * cannot create for SQLite, so each migration folder keeps a copy of the
 * schema it produces (`schema.snapshot.prisma`) and the next one is diffed from
 * it. Usage: npm run db:new-migration -- <name>
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <snake_case_name>");
  process.exit(2);
}

const migrationsDir = path.resolve("prisma/migrations");
const schema = path.resolve("prisma/schema.prisma");
const previous = fs
  .readdirSync(migrationsDir)
  .filter((entry) => fs.existsSync(path.join(migrationsDir, entry, "schema.snapshot.prisma")))
  .sort()
  .at(-1);

const from = previous
  ? ["--from-schema-datamodel", path.join(migrationsDir, previous, "schema.snapshot.prisma")]
  : ["--from-empty"];
const sql = execFileSync("npx", ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"], {
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
});
if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE)\b/.test(sql)) {
  console.log("The schema has not changed since the last migration; nothing written.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
fs.copyFileSync(schema, path.join(dir, "schema.snapshot.prisma"));
const lock = path.join(migrationsDir, "migration_lock.toml");
if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "sqlite"\n');
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql; apply it with npm run db:migrate`);
