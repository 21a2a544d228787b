import path from "node:path";

/** Small formatters for what the backup and restore scripts print. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** A path as the user would type it: relative to the working directory when inside it. */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

const MAIN_TABLES: [table: string, label: string][] = [
  ["Organization", "organizations"],
  ["ExpertProfile", "expert profiles"],
  ["TechRequest", "requests"],
  ["User", "users"],
];

/** "138 organizations, 12 expert profiles, 3 requests, 40 users" from row counts per table. */
export function tableSummary(tables: Record<string, number>): string {
  return MAIN_TABLES.filter(([table]) => table in tables)
    .map(([table, label]) => `${tables[table]} ${label}`)
    .join(", ");
}

/**
 * One line of progress rewritten in place, at most twice a second, so a
 * quick step prints nothing and a long one shows it is moving.
 */
export function progressLine(startedAt = Date.now()) {
  let last = startedAt;
  let shown = false;
  return {
    update(text: string) {
      if (Date.now() - last < 500) return;
      last = Date.now();
      shown = true;
      process.stdout.write(`\r${text}   `);
    },
    /** Ends the progress line, if one was shown, before the next output. */
    done() {
      if (shown) process.stdout.write("\n");
      shown = false;
    },
  };
}
