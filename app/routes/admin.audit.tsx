import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ChangeTableHead } from "~/components/change-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, SelectField, SubmitButton, useFilterSelect } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { SimplePager } from "~/components/simple-pager";
import { useLanguage, useT } from "~/i18n/i18n";
import { AUDIT_ACTIONS } from "~/models/audit-actions";
import { auditActors, auditFiltersFromUrl, listAudit } from "~/models/audit.server";
import type { MessageKey } from "~/i18n/messages";
import { vi } from "~/i18n/messages";
import { auditDiff, parseSnapshot } from "~/utils/audit-diff";
import { requirePermission } from "~/auth/auth.server";
import { titled } from "~/utils/meta";

/** The audit log, filtered by action, official, subject and dates; exported as CSV or JSON with the same filters. */
export const meta: MetaFunction = (args) => titled(args, (t) => t("audit.title"));

const PAGE_SIZE = 50;

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "organization:curate");
  const url = new URL(args.request.url);
  const { raw, ...filters } = auditFiltersFromUrl(url);
  const page = Math.min(Math.max(1, Number(url.searchParams.get("page")) || 1), 10_000);
  const [{ total, entries }, actors] = await Promise.all([
    listAudit(filters, { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    auditActors(),
  ]);
  return {
    raw,
    page,
    totalPages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    actors,
    entries: entries.map((entry) => ({ ...entry, actor: entry.actor ? { name: entry.actor.name } : null })),
    query: url.searchParams.toString(),
  };
}

export default function AuditLog() {
  const { raw, page, totalPages, total, actors, entries, query } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  const actionLabel = (action: string) =>
    (AUDIT_ACTIONS as readonly string[]).includes(action) ? t(`audit.action.${action}` as MessageKey) : action;
  const exportQuery = (format: string) => {
    const params = new URLSearchParams(query);
    params.delete("page");
    params.set("format", format);
    return `/admin/audit/export?${params.toString()}`;
  };
  const filter = useFilterSelect(raw, "audit-");
  return (
    <div className="space-y-6">
      <PageHeader title={t("audit.title")} />
      <p className="text-slate-700">{t("audit.intro")}</p>
      <Form
        method="get"
        className="grid gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
      >
        <SelectField
          label={t("audit.action")}
          {...filter("action")}
          options={AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`audit.action.${action}` as MessageKey) }))}
        />
        <SelectField
          label={t("audit.actor")}
          {...filter("actor")}
          options={actors.map((actor) => ({ value: actor.id, label: actor.name }))}
        />
        <Field label={t("audit.from")} name="from" type="date" defaultValue={raw.from} />
        <Field label={t("audit.to")} name="to" type="date" defaultValue={raw.to} />
        <div className="flex items-end">
          <SubmitButton tone="secondary">{t("audit.filter")}</SubmitButton>
        </div>
        {raw.entity ? <input type="hidden" name="entity" value={raw.entity} /> : null}
      </Form>
      <p className="flex flex-wrap gap-4 text-sm">
        <span>{t("audit.count", { count: total })}</span>
        <a className="text-brand-700 underline" href={exportQuery("csv")} download>
          {t("audit.exportCsv")}
        </a>
        <a className="text-brand-700 underline" href={exportQuery("json")} download>
          {t("audit.exportJson")}
        </a>
      </p>
      {entries.length === 0 ? <p>{t("audit.empty")}</p> : null}
      <ol className="space-y-3">
        {entries.map((entry) => (
          <li key={entry.id} className="rounded-2xl border border-slate-200 bg-white p-4" data-audit={entry.action}>
            <p className="flex flex-wrap gap-x-3 text-sm">
              <time dateTime={new Date(entry.createdAt).toISOString()}>{formatDateTime(lang, entry.createdAt)}</time>
              <span className="font-medium">{actionLabel(entry.action)}</span>
              <span>{entry.actor?.name ?? t("audit.system")}</span>
            </p>
            <p className="font-semibold">
              <Link to={`?entity=${encodeURIComponent(entry.entityId)}`} className="text-brand-700 underline">
                {entry.label}
              </Link>
            </p>
            {entry.reason ? (
              <p className="text-sm">
                {t("audit.reason")}: {entry.reason}
              </p>
            ) : null}
            {entry.before || entry.after ? <Changes before={entry.before} after={entry.after} /> : null}
          </li>
        ))}
      </ol>
      <SimplePager page={page} pages={totalPages} href={(target) => pageHref(query, target)} />
    </div>
  );
}

/** What changed, field by field, labelled in the reader's language. */
function Changes({ before, after }: { before: string | null; after: string | null }) {
  const t = useT();
  const rows = auditDiff(parseSnapshot(before), parseSnapshot(after));
  const label = (part: string) => {
    const key = (
      ["duplicate", "survivor", "moved"].includes(part) ? `audit.part.${part}` : `audit.field.${part}`
    ) as MessageKey;
    return key in vi ? t(key) : part;
  };
  const show = (value: unknown) => {
    if (value === null || value === undefined || value === "") return "—";
    if (typeof value === "boolean") return t(value ? "audit.yes" : "audit.no");
    if (Array.isArray(value)) return value.join(", ") || "—";
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  };
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-brand-700">{t("audit.details")}</summary>
      {rows.length === 0 ? (
        <p className="mt-2">{t("audit.noDiff")}</p>
      ) : (
        <table className="mt-2 w-full table-fixed text-left">
          <ChangeTableHead />
          <tbody>
            {rows.map((row) => (
              <tr key={row.path.join(".")} className="border-b border-slate-100 align-top">
                <th scope="row" className="p-1 font-medium break-words">
                  {row.path.map(label).join(" › ")}
                </th>
                <td className="p-1 break-words text-red-800">{show(row.before)}</td>
                <td className="p-1 break-words text-green-800">{show(row.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

function pageHref(query: string, page: number) {
  const params = new URLSearchParams(query);
  params.set("page", String(page));
  return `?${params.toString()}`;
}

function formatDateTime(lang: "vi" | "en", value: Date | string) {
  return new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(new Date(value));
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
