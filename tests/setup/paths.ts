import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
/** Scratch space for test databases and engines. */
export const ARTIFACTS = path.join(ROOT, "tests/.artifacts");

/**
 * A fresh directory for this test run (`<name>-<pid>`), so two runs in one
 * checkout never wipe each other's databases; left-overs of runs whose
 * process is gone are removed.
 */
export function freshDir(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const entry of fs.readdirSync(ARTIFACTS)) {
    const match = entry.match(new RegExp(`^${name}-(\\d+)$`));
    if (entry === name || (match && !isRunning(Number(match[1]))))
      fs.rmSync(path.join(ARTIFACTS, entry), { recursive: true, force: true });
  }
  const dir = path.join(ARTIFACTS, `${name}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
