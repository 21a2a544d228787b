import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { resolveDatabaseUrl } from "./app/db/database-url";

// Prisma 6.19 with the JavaScript engine: migrations run through the
// WebAssembly schema engine and this adapter, so no engine binary is
// downloaded (see docs/decisions/002-prisma-without-engines.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => new PrismaBetterSQLite3({ url: resolveDatabaseUrl() }),
});
