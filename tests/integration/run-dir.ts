import path from "node:path";
import { inject } from "vitest";

/** This run's scratch directory (beside the template database), for files a test makes. */
export function runDir(): string {
  return path.dirname(inject("templateDatabase"));
}
