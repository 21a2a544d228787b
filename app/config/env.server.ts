import { log } from "./log.server";

/**
 * A whole-number setting from the environment. A value that is not one is
 * reported and the default used: `Number("abc")` is NaN, and a cache bounded
 * by NaN entries is never trimmed.
 */
export function positiveIntegerSetting(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  if (/^\s*[1-9]\d*\s*$/.test(raw)) return Number(raw);
  log("warn", "setting_ignored", { name, value: raw.slice(0, 100), using: fallback });
  return fallback;
}
