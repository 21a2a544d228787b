import { setting } from "./env.server";

/**
 * Structured logs: one JSON object per line on stdout (errors on stderr), so a
 * supervisor or log shipper can parse them. LOG_LEVEL=debug|info|warn|error.
 */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

function threshold(): number {
  return LEVELS[setting("LOG_LEVEL")];
}

export function log(level: Level, event: string, fields: Record<string, unknown> = {}) {
  if (LEVELS[level] < threshold()) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  if (level === "error" || level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}
