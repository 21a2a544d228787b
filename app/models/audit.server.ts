import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/db/client.server";
import { AUDIT_ACTIONS, type AuditAction } from "./audit-actions";

export { AUDIT_ACTIONS, type AuditAction };

/**
 * The audit log: every curation action writes exactly one entry, in the same
 * transaction as the action, so the log can neither miss an action nor record
 * one that rolled back. Officials filter and export it (/admin/audit).
 */
export type AuditInput = {
  actorId: string | null;
  action: AuditAction;
  entityType: "organization" | "request" | "claim" | "expert" | "user" | "import" | "offer" | "event";
  entityId: string;
  label: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

/**
 * An official's decision on something submitted, audited as `<subject>.approve`
 * or `<subject>.reject` with the note as the reason.
 */
export function auditDecision(
  reviewerId: string,
  decision: { approve: boolean; note?: string | null },
  subject: "request" | "expert" | "claim" | "revision" | "offer" | "event",
  entry: Omit<AuditInput, "actorId" | "action" | "reason">,
  tx: Prisma.TransactionClient,
) {
  const action = `${subject}.${decision.approve ? "approve" : "reject"}` as const;
  return audit({ ...entry, actorId: reviewerId, action, reason: decision.note }, tx);
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

export async function audit(entry: AuditInput, tx: Prisma.TransactionClient) {
  await tx.auditEntry.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      label: entry.label.slice(0, 300),
      before: json(entry.before),
      after: json(entry.after),
      reason: entry.reason ?? null,
    },
  });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters from the audit page's query string; unknown values are ignored, not errors. */
export function auditFiltersFromUrl(
  url: URL,
): AuditFilters & { raw: Record<"action" | "actor" | "entity" | "from" | "to", string> } {
  const get = (name: string) => (url.searchParams.get(name) ?? "").slice(0, 100);
  const raw = { action: get("action"), actor: get("actor"), entity: get("entity"), from: get("from"), to: get("to") };
  const day = (value: string, offset = 0) =>
    DATE.test(value) && !Number.isNaN(Date.parse(value)) ? new Date(Date.parse(value) + offset) : undefined;
  return {
    raw,
    action: (AUDIT_ACTIONS as readonly string[]).includes(raw.action) ? raw.action : undefined,
    actorId: raw.actor || undefined,
    entityId: raw.entity || undefined,
    from: day(raw.from),
    to: day(raw.to, 24 * 3600_000), // the whole "to" day
  };
}

export type AuditFilters = {
  action?: string;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
};

function where(filters: AuditFilters): Prisma.AuditEntryWhereInput {
  return {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.from || filters.to
      ? { createdAt: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lt: filters.to } : {}) } }
      : {}),
  };
}

export async function listAudit(filters: AuditFilters, page: { skip: number; take: number }) {
  const [total, entries] = await Promise.all([
    prisma.auditEntry.count({ where: where(filters) }),
    prisma.auditEntry.findMany({
      where: where(filters),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: page.skip,
      take: page.take,
      include: { actor: { select: { id: true, name: true, email: true } } },
    }),
  ]);
  return { total, entries };
}

/** Every matching entry, oldest first, for export (bounded: the log of a city portal stays small). */
export function exportAudit(filters: AuditFilters, limit = 100_000) {
  return prisma.auditEntry.findMany({
    where: where(filters),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
    include: { actor: { select: { name: true, email: true } } },
  });
}

/** Officials, for the actor filter. */
export function auditActors() {
  return prisma.user.findMany({
    where: { auditEntries: { some: {} } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
