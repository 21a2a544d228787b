import fs from "node:fs";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ColumnHeadings } from "~/components/ui/column-headings";
import { SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { applyImport } from "~/models/import/apply.server";
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES } from "~/models/import/columns";
import { parseImportFile, type FileProblem } from "~/models/import/parse";
import { planImport, type PlannedRow } from "~/models/import/plan.server";
import { forgetUpload, keepUpload, readImportForm, removeFile, takeUpload } from "~/models/import/uploads.server";
import type { BodyLimitHandle } from "~/server/body-limits.server";
import { requirePermission } from "~/auth/auth.server";
import { log } from "~/config/log.server";
import { titled } from "~/utils/meta";

// The only route that takes a large body (server/body-limits.server.ts): others get 256 KiB.
export const handle: BodyLimitHandle = { maxBodyBytes: MAX_IMPORT_BYTES };

export const meta: MetaFunction = (args) => titled(args, (t) => t("import.title"));

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "organization:import");
  return null;
}

type Shown = {
  row: number;
  slug: string;
  outcome: PlannedRow["outcome"];
  problems: { key: string; params?: Record<string, string | number> }[];
  changed?: string[];
};
type Result =
  | {
      kind: "file-problem";
      problem:
        FileProblem | { key: "import.noFile" | "import.file.expired" | "import.file.changed"; params?: undefined };
    }
  | {
      kind: "plan";
      applied: false;
      refused: boolean;
      token: string | null;
      fileName: string;
      counts: Record<PlannedRow["outcome"], number>;
      rows: Shown[];
      hidden: number;
    }
  | { kind: "applied"; created: number; updated: number; unchanged: number };

/** The rows a page can show: every rejected one (up to 500), then the first others. */
function shownRows(rows: PlannedRow[]): { rows: Shown[]; hidden: number } {
  const rejected = rows.filter((row) => row.outcome === "reject").slice(0, 500);
  const others = rows.filter((row) => row.outcome !== "reject").slice(0, 100);
  const shown = [...rejected, ...others].map((row) => ({
    row: row.row,
    slug: row.slug,
    outcome: row.outcome,
    problems: row.outcome === "reject" ? row.problems : [],
    changed: row.outcome === "update" ? row.changed : undefined,
  }));
  return { rows: shown, hidden: rows.length - shown.length };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "organization:import");
  const { form, upload: fresh } = await readImportForm(args.request);
  const apply = form.get("intent") === "apply";
  const token = typeof form.get("token") === "string" ? (form.get("token") as string) : "";
  const upload = fresh ?? (token ? takeUpload(user.id, token) : null);
  if (!upload) {
    return data<Result>(
      { kind: "file-problem", problem: { key: token ? "import.file.expired" : "import.noFile" } },
      { status: 400 },
    );
  }
  // A fresh upload is kept only for a dry run that can be applied; otherwise its file goes now.
  let kept = !fresh;
  try {
    const parsed = await parseImportFile(upload.name, fs.createReadStream(upload.path, { highWaterMark: 256 * 1024 }));
    if (!parsed.ok) return data<Result>({ kind: "file-problem", problem: parsed.problem }, { status: 400 });
    const plan = await planImport(parsed.rows);
    const refused = plan.counts.reject > 0;
    if (!apply || refused) {
      let keep: string | null = null;
      if (!refused) keep = fresh ? keepUpload(user.id, fresh) : token;
      if (fresh && keep) kept = true;
      return data<Result>(
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
    return await applied(plan, user.id, upload.name, token);
  } finally {
    if (!kept) removeFile(fresh);
  }
}

async function applied(plan: Awaited<ReturnType<typeof planImport>>, actorId: string, fileName: string, token: string) {
  try {
    const result = await applyImport(plan, { actorId, fileName });
    if (token) forgetUpload(token);
    return data<Result>({
      kind: "applied",
      created: result.created,
      updated: result.updated,
      unchanged: plan.counts.unchanged,
    });
  } catch (error) {
    // A listing created meanwhile with one of the file's addresses: the transaction rolled back whole.
    if ((error as { code?: string }).code === "P2002")
      return data<Result>({ kind: "file-problem", problem: { key: "import.file.changed" } }, { status: 409 });
    log("error", "import_failed", { error: String(error) });
    throw error;
  }
}

export default function Import() {
  const t = useT();
  const result = useActionData<typeof action>() as Result | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <div className="space-y-6">
      <PageHeader title={t("import.title")} />
      <p className="max-w-3xl text-slate-700">{t("import.intro")}</p>

      {result?.kind === "file-problem" ? (
        <Notice tone="error" role="alert">
          {t(result.problem.key as MessageKey, result.problem.params as Record<string, string>)}
        </Notice>
      ) : null}
      {result?.kind === "applied" ? (
        <Notice>{t("import.applied", { create: result.created, update: result.updated })}</Notice>
      ) : null}

      <Form
        method="post"
        encType="multipart/form-data"
        className="space-y-4 rounded-2xl border border-slate-200 bg-white p-5"
      >
        <div>
          <label htmlFor="import-file" className="block font-medium">
            {t("import.file")}
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            className="mt-1 block w-full text-sm"
          />
        </div>
        <div className="flex flex-wrap gap-3">
          <SubmitButton name="intent" value="dry-run" tone="secondary">
            {t("import.dryRun")}
          </SubmitButton>
          <SubmitButton name="intent" value="apply">
            {t("import.apply")}
          </SubmitButton>
        </div>
        {busy ? (
          <p role="status" className="text-sm text-slate-700">
            <progress className="mr-2 align-middle" aria-label={t("import.title")} /> …
          </p>
        ) : null}
        <details className="text-sm text-slate-700">
          <summary className="cursor-pointer">{t("import.columns")}</summary>
          <p className="mt-2 font-mono">{IMPORT_COLUMNS.join(", ")}</p>
        </details>
      </Form>

      {result?.kind === "plan" ? (
        <section aria-labelledby="plan" className="space-y-3">
          <h2 id="plan" className="text-lg font-semibold">
            {result.fileName}:{" "}
            {t("import.summary", {
              create: result.counts.create,
              update: result.counts.update,
              reject: result.counts.reject,
            })}
          </h2>
          {result.refused ? (
            <Notice tone="error" role="alert">
              {t("import.refused")}
            </Notice>
          ) : null}
          {result.token ? (
            <Form method="post">
              <input type="hidden" name="token" value={result.token} />
              <SubmitButton name="intent" value="apply">
                {t("import.apply")} ({result.counts.create + result.counts.update})
              </SubmitButton>
            </Form>
          ) : null}
          <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <ColumnHeadings labels={[t("import.row"), "slug", t("import.outcome"), t("import.problems")]} />
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row) => (
                  <tr key={row.row} className={row.outcome === "reject" ? "bg-red-50" : undefined}>
                    <td className="p-2 tabular-nums">{row.row}</td>
                    <td className="p-2 font-mono break-all">{row.slug}</td>
                    <td className="p-2">{t(`import.outcome.${row.outcome}` as MessageKey)}</td>
                    <td className="p-2">
                      {row.problems.length ? (
                        <ul className="list-disc pl-4">
                          {row.problems.map((problem, index) => (
                            <li key={index}>
                              {t(problem.key as MessageKey, problem.params as Record<string, string>)}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        row.changed?.join(", ")
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.hidden > 0 ? (
            <p className="text-sm text-slate-700">{t("import.more", { count: result.hidden })}</p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="export" className="rounded-2xl border border-slate-200 bg-white p-5">
        <h2 id="export" className="text-lg font-semibold">
          {t("import.export")}
        </h2>
        <p className="text-sm text-slate-700">{t("import.exportIntro")}</p>
        <p className="mt-2 flex gap-4">
          <a className="text-brand-700 underline" href="/export/organizations.csv" download>
            CSV
          </a>
          <a className="text-brand-700 underline" href="/export/organizations.json" download>
            JSON
          </a>
        </p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
