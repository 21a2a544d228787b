import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
/** Scratch space for test databases and engines; removed by each run's setup. */
export const ARTIFACTS = path.join(ROOT, "tests/.artifacts");

export function freshDir(name: string): string {
  const dir = path.join(ARTIFACTS, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
