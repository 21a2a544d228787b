import fs from "node:fs";
import { data, type ActionFunctionArgs } from "@remix-run/node";
import type { Permission } from "~/auth/permissions";
import { requirePermission } from "~/auth/auth.server";
import { log } from "~/config/log.server";
import type { ParsedFile } from "~/models/import/parse";
import { shownRows, type ImportResult, type Plan } from "~/models/import/report";
import {
  forgetUpload,
  keepUpload,
  readImportForm,
  removeFile,
  takeUpload,
  type ImportScope,
} from "~/models/import/uploads.server";

/**
 * The import pages' one action (/admin/import for listings, /admin/import/offers for
 * offers): the upload streamed to disk, parsed, planned, shown as a dry run (every
 * row with its outcome and problems) and kept for "Import", or applied whole.
 */
export type Importer<P extends Plan> = {
  scope: ImportScope;
  permission: Permission;
  parse: (name: string, input: fs.ReadStream) => Promise<ParsedFile<string>>;
  plan: (rows: Record<string, string | undefined>[]) => Promise<P>;
  apply: (plan: P, options: { actorId: string; fileName: string }) => Promise<{ created: number; updated: number }>;
};

export async function importAction<P extends Plan>(args: ActionFunctionArgs, importer: Importer<P>) {
  const user = requirePermission(args, importer.permission);
  const { form, upload: fresh } = await readImportForm(args.request);
  const apply = form.get("intent") === "apply";
  const token = typeof form.get("token") === "string" ? (form.get("token") as string) : "";
  const upload = fresh ?? (token ? takeUpload(user.id, importer.scope, token) : null);
  if (!upload) {
    return data<ImportResult>(
      { kind: "file-problem", problem: { key: token ? "import.file.expired" : "import.noFile" } },
      { status: 400 },
    );
  }
  // A fresh upload is kept only for a dry run that can be applied; otherwise its file goes now.
  let kept = !fresh;
  try {
    const parsed = await importer.parse(upload.name, fs.createReadStream(upload.path, { highWaterMark: 256 * 1024 }));
    if (!parsed.ok) return data<ImportResult>({ kind: "file-problem", problem: parsed.problem }, { status: 400 });
    const plan = await importer.plan(parsed.rows);
    const refused = plan.counts.reject > 0;
    if (!apply || refused) {
      let keep: string | null = null;
      if (!refused) keep = fresh ? keepUpload(user.id, importer.scope, fresh) : token;
      if (fresh && keep) kept = true;
      return data<ImportResult>(
        {
          kind: "plan",
          applied: false,
          refused: apply && refused,
          token: keep,
          fileName: upload.name,
          counts: plan.counts,
          ...shownRows(plan.rows),
        },
        { status: refused ? 400 : 200 },
      );
    }
    try {
      const result = await importer.apply(plan, { actorId: user.id, fileName: upload.name });
      if (token) forgetUpload(token);
      return data<ImportResult>({
        kind: "applied",
        created: result.created,
        updated: result.updated,
        unchanged: plan.counts.unchanged,
      });
    } catch (error) {
      // A record created meanwhile with one of the file's keys: the transaction rolled back whole.
      if ((error as { code?: string }).code === "P2002")
        return data<ImportResult>({ kind: "file-problem", problem: { key: "import.file.changed" } }, { status: 409 });
      log("error", "import_failed", { scope: importer.scope, error: String(error) });
      throw error;
    }
  } finally {
    if (!kept) removeFile(fresh);
  }
}
