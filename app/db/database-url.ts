import fs from "node:fs";
import path from "node:path";
// Relative: Prisma's CLI loads this file through prisma.config.ts, which knows no "~/" alias.
import { setting } from "../config/env.server";

/** Default location of the embedded database, relative to the project root. */
export const DEFAULT_DATABASE_URL = "file:./.data/portal.db";

/**
 * The SQLite URL the app, the scripts and Prisma's CLI all use. Makes sure the
 * directory exists, because SQLite creates the file but not its folder.
 */
export function resolveDatabaseUrl(url = setting("DATABASE_URL")): string {
  const resolved = url && url.trim() !== "" ? url : DEFAULT_DATABASE_URL;
  const file = databaseFilePath(resolved);
  if (file) fs.mkdirSync(path.dirname(file), { recursive: true });
  return resolved;
}

/** The file path behind a `file:` URL, or null for `:memory:`. */
export function databaseFilePath(url: string): string | null {
  const withoutScheme = url.replace(/^file:/, "").split("?")[0] ?? "";
  if (withoutScheme === "" || withoutScheme === ":memory:") return null;
  return path.resolve(withoutScheme);
}
