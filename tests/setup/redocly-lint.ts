import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ROOT } from "./paths";

export type LintReport = {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string }[];
};

/**
 * Lints an OpenAPI document (its JSON text) with Redocly's CLI (a pinned devDependency) and
 * its `recommended` rules, offline: no usage report, no check for a newer version.
 */
export async function lintOpenApi(text: string, options: { skipRules?: string[] } = {}): Promise<LintReport> {
  // A directory of its own: no redocly.yaml elsewhere can change the rules.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "openapi-lint-"));
  try {
    fs.writeFileSync(path.join(dir, "openapi.json"), text);
    const cli = path.join(ROOT, "node_modules/@redocly/cli/bin/cli.js");
    const skips = (options.skipRules ?? []).map((rule) => `--skip-rule=${rule}`);
    const run = promisify(execFile)(
      process.execPath,
      [cli, "lint", "--extends=recommended", "--format=json", ...skips, "openapi.json"],
      {
        cwd: dir,
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
        timeout: 120_000,
      },
    );
    // It exits with 1 when it finds an error; its JSON report is on stdout either way.
    const { stdout } = await run.catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
    return JSON.parse(stdout) as LintReport;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Problems as short lines, for an assertion that reads well when it fails. */
export const problemLines = (report: LintReport) =>
  report.problems.map((problem) => `${problem.severity} ${problem.ruleId}: ${problem.message}`);
