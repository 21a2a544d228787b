/**
 * Imported first by every script: from here on the script creates its files
 * 700/600, and `.data` left readable by others is tightened (docs/decisions/027).
 */
import path from "node:path";
import { protectPrivateData } from "~/db/private-data.server";

protectPrivateData({ root: path.resolve(import.meta.dirname, "../..") });
