import fs from "node:fs";
import path from "node:path";

/**
 * Other processes that have a SQLite database (or its -wal or -shm) open, read
 * from /proc. Replacing the file under a running portal would leave it writing
 * to the old, unlinked copy, so restore refuses while there are any. Only
 * processes of this user are visible, which is the user a portal runs as.
 */
export function processesUsingDatabase(file: string): { pid: number; command: string }[] {
  const targets = new Set(
    [file, `${file}-wal`, `${file}-shm`].filter((name) => fs.existsSync(name)).map((name) => fs.realpathSync(name)),
  );
  if (targets.size === 0 || !fs.existsSync("/proc")) return [];
  const found: { pid: number; command: string }[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const fds = fs.readdirSync(`/proc/${pid}/fd`);
      if (fds.some((fd) => targets.has(readLink(path.join(`/proc/${pid}/fd`, fd))))) {
        const command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
        found.push({ pid, command: command.length > 100 ? `${command.slice(0, 97)}...` : command });
      }
    } catch {
      /* gone, or another user's */
    }
  }
  return found;
}

function readLink(link: string): string {
  try {
    return fs.readlinkSync(link);
  } catch {
    return "";
  }
}
