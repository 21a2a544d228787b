import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditFiltersFromUrl, exportAudit } from "~/models/audit.server";
import { requirePermission } from "~/auth/auth.server";
import { toCsv } from "~/utils/csv";

/** GET /admin/audit/export?format=csv|json plus the audit page's filters. */
export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "organization:curate");
  const url = new URL(args.request.url);
  const format = url.searchParams.get("format") === "json" ? "json" : "csv";
  const { raw: _raw, ...filters } = auditFiltersFromUrl(url);
  const rows = (await exportAudit(filters)).map((entry) => ({
    time: entry.createdAt.toISOString(),
    action: entry.action,
    actor: entry.actor?.name ?? null,
    actorEmail: entry.actor?.email ?? null,
    entityType: entry.entityType,
    entityId: entry.entityId,
    label: entry.label,
    reason: entry.reason,
    before: entry.before ? (JSON.parse(entry.before) as unknown) : null,
    after: entry.after ? (JSON.parse(entry.after) as unknown) : null,
  }));
  const body =
    format === "json"
      ? JSON.stringify({ exportedAt: new Date().toISOString(), count: rows.length, entries: rows }, null, 1)
      : toCsv(
          ["time", "action", "actor", "actorEmail", "entityType", "entityId", "label", "reason", "before", "after"],
          rows.map((row) => [
            row.time,
            row.action,
            row.actor,
            row.actorEmail,
            row.entityType,
            row.entityId,
            row.label,
            row.reason,
            JSON.stringify(row.before),
            JSON.stringify(row.after),
          ]),
        );
  return new Response(body, {
    headers: {
      "Content-Type": format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
