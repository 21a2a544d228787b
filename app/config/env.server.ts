import os from "node:os";
import { z } from "zod";
// A cycle on purpose: log() asks this module for LOG_LEVEL, and this module reports a bad
// value through log(). Both only call each other inside functions, never at import.
import { log } from "./log.server";

/**
 * Every environment variable the portal (app/ and search/) reads, checked here and nowhere
 * else (docs/decisions/035). Read at each call, not once at import: tests and the bench set
 * process.env before they start a portal or between cases. An empty value counts as unset;
 * a value the schema refuses is reported (`setting_ignored`) and the default used, so a
 * typo never switches a limit off (NaN) or stops the portal. The README lists them all.
 */
const text = z.string().trim().min(1);
const positiveInteger = z
  .string()
  .trim()
  .regex(/^[1-9]\d*$/)
  .transform(Number);
const positiveNumber = z.string().trim().transform(Number).pipe(z.number().finite().positive());
const flag = (on: string) => z.string().transform((value) => value.trim() === on);

const SETTINGS = {
  DATABASE_URL: { schema: text, fallback: undefined },
  LOG_LEVEL: { schema: z.enum(["debug", "info", "warn", "error"]), fallback: "info" as const },
  PORT: { schema: positiveInteger, fallback: 3000 },
  APP_URL: { schema: text, fallback: undefined },
  APP_ORIGIN: { schema: text, fallback: undefined },
  // "true", or what Express's "trust proxy" takes: a hop count, "loopback", addresses
  TRUST_PROXY: { schema: text, fallback: undefined },
  PORTAL_DEMO: { schema: flag("1"), fallback: false },
  OPERATOR_NAME_VI: { schema: text, fallback: undefined },
  OPERATOR_NAME_EN: { schema: text, fallback: undefined },
  OPERATOR_WEBSITE: { schema: text, fallback: undefined },
  OPERATOR_EMAIL: { schema: text, fallback: undefined },
  MAILBOX_FILE: { schema: text, fallback: ".data/mailbox.mbox" },
  MAIL_FROM: { schema: text, fallback: "Mạng lưới Đổi mới sáng tạo Hà Nội <no-reply@hanoi-innovation.local>" },
  SMTP_URL: { schema: text, fallback: undefined },
  RATE_LIMIT_FACTOR: { schema: positiveNumber, fallback: 1 },
  SEARCH_CACHE: { schema: flag("off"), fallback: false },
  SEARCH_CACHE_ENTRIES: { schema: positiveInteger, fallback: 500 },
  STATISTICS_CACHE: { schema: flag("off"), fallback: false },
  // `off`: the job worker runs queued jobs but not the periodic tasks (the bench's portals)
  PERIODIC_TASKS: { schema: flag("off"), fallback: false },
  SERVER_TIMING: { schema: flag("on"), fallback: false },
  // Threads reading the search fallback's SQL (app/db/read-workers.server.ts); 0: on the main thread
  READ_WORKERS: { schema: z.string().trim().regex(/^\d+$/).transform(Number), fallback: undefined },
  MEILI_HOST: { schema: text, fallback: undefined },
  MEILI_MASTER_KEY: { schema: z.string(), fallback: undefined },
  MEILI_API_KEY: { schema: z.string(), fallback: undefined },
  MEILI_SEARCH_KEY: { schema: text, fallback: undefined },
  MEILI_INDEX_PREFIX: { schema: z.string(), fallback: "" },
  MEILI_TIMEOUT_MS: { schema: positiveInteger, fallback: 2_000 },
  SEARCH_RETRY_PAUSE_MS: { schema: positiveInteger, fallback: 3_000 },
  MEILI_DATA_DIR: { schema: text, fallback: undefined },
  MEILI_BIN: { schema: text, fallback: undefined },
  MEILI_MAX_INDEXING_THREADS: { schema: positiveInteger, fallback: undefined },
  MEILI_MAX_INDEXING_MEMORY: { schema: text, fallback: undefined },
} satisfies Record<string, { schema: z.ZodType<unknown, z.ZodTypeDef, string>; fallback: unknown }>;

type Settings = typeof SETTINGS;
type Env = Record<string, string | undefined>;
export type SettingName = keyof Settings;
type Value<K extends SettingName> = z.output<Settings[K]["schema"]> | Settings[K]["fallback"];

/** The last value read for each name, with the raw text it came from: parsing is skipped while that text stays. */
const lastRead = new Map<SettingName, { raw: string | undefined; value: unknown }>();

/** A setting, checked; `source` lets a caller (a test, a script) check another environment than the process's. */
export function setting<K extends SettingName>(name: K, source: Env = process.env): Value<K> {
  const raw = source[name];
  const fromProcess = source === process.env;
  const cached = fromProcess ? lastRead.get(name) : undefined;
  if (cached && cached.raw === raw) return cached.value as Value<K>;
  const { schema, fallback } = SETTINGS[name];
  let value: unknown = fallback;
  let refused = false;
  if (raw !== undefined && raw.trim() !== "") {
    const parsed = (schema as z.ZodType<unknown, z.ZodTypeDef, string>).safeParse(raw);
    if (parsed.success) value = parsed.data;
    else refused = true;
  }
  // Kept before reporting: log() reads LOG_LEVEL, which may be the value refused here.
  if (fromProcess) lastRead.set(name, { raw, value });
  if (refused) log("warn", "setting_ignored", { name, value: raw!.slice(0, 100), using: fallback ?? null });
  return value as Value<K>;
}

/** The process's environment as it is, for a child process to inherit (not for reading settings). */
export function inheritedEnvironment(): NodeJS.ProcessEnv {
  return process.env;
}

/** Express's "trust proxy": `true` for TRUST_PROXY=true, else its text, or undefined when unset. */
export function trustProxy(): true | string | undefined {
  const value = setting("TRUST_PROXY");
  return value === "true" ? true : value;
}

/** APP_ORIGIN: origins besides the portal's own that may post forms, comma-separated. */
export function allowedOrigins(): string[] {
  return (setting("APP_ORIGIN") ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
}

/** Threads the local Meilisearch indexes with (default: all cores). */
export function meiliIndexingThreads(): number {
  return setting("MEILI_MAX_INDEXING_THREADS") ?? os.availableParallelism();
}
