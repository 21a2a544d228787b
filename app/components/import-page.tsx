import type { ReactNode } from "react";
import { Form, useNavigation } from "@remix-run/react";
import { SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { ColumnHeadings } from "~/components/ui/column-headings";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import type { ImportResult, Shown } from "~/models/import/report";

/**
 * An import page (listings or offers): the file, dry run and import buttons, and the
 * report of the last run, every rejected row with its line and what is wrong.
 */
export function ImportPage({
  title,
  intro,
  columns,
  rowHeading,
  applied,
  result,
  children,
}: {
  title: string;
  intro: string;
  columns: readonly string[];
  /** The heading of the column naming each row's record. */
  rowHeading: string;
  /** The message once a file was imported. */
  applied: (counts: { create: number; update: number }) => string;
  result: ImportResult | undefined;
  children?: ReactNode;
}) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <div className="space-y-6">
      <PageHeader title={title} />
      <p className="max-w-3xl text-slate-700">{intro}</p>

      {result?.kind === "file-problem" ? (
        <Notice tone="error" role="alert">
          {t(result.problem.key as MessageKey, result.problem.params as Record<string, string>)}
        </Notice>
      ) : null}
      {result?.kind === "applied" ? (
        <Notice>{applied({ create: result.created, update: result.updated })}</Notice>
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
            <progress className="mr-2 align-middle" aria-label={title} /> …
          </p>
        ) : null}
        <details className="text-sm text-slate-700">
          <summary className="cursor-pointer">{t("import.columns")}</summary>
          <p className="mt-2 font-mono break-words">{columns.join(", ")}</p>
        </details>
      </Form>

      {result?.kind === "plan" ? (
        <section aria-labelledby="plan" className="space-y-3">
          <h2 id="plan" className="text-lg font-semibold break-words">
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
                  <ColumnHeadings labels={[t("import.row"), rowHeading, t("import.outcome"), t("import.problems")]} />
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row) => (
                  <ReportRow key={row.row} row={row} />
                ))}
              </tbody>
            </table>
          </div>
          {result.hidden > 0 ? (
            <p className="text-sm text-slate-700">{t("import.more", { count: result.hidden })}</p>
          ) : null}
        </section>
      ) : null}
      {children}
    </div>
  );
}

function ReportRow({ row }: { row: Shown }) {
  const t = useT();
  return (
    <tr className={row.outcome === "reject" ? "bg-red-50" : undefined}>
      <td className="p-2 tabular-nums">{row.row}</td>
      <td className="p-2 font-mono [overflow-wrap:anywhere]">{row.slug}</td>
      <td className="p-2">{t(`import.outcome.${row.outcome}` as MessageKey)}</td>
      <td className="p-2">
        {row.problems.length ? (
          <ul className="list-disc pl-4">
            {row.problems.map((problem, index) => (
              <li key={index}>
                {problem.column ? <span className="font-mono">{problem.column}: </span> : null}
                {t(problem.key as MessageKey, problem.params as Record<string, string>)}
              </li>
            ))}
          </ul>
        ) : (
          row.changed?.join(", ")
        )}
      </td>
    </tr>
  );
}
