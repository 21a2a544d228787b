/** What the audit log records (app/models/audit.server.ts); shared with the audit page's filter. */
export type AuditAction =
  | "request.approve"
  | "request.reject"
  | "request.edit"
  | "request.resubmit"
  | "request.rereview"
  | "claim.approve"
  | "claim.reject"
  | "revision.approve"
  | "revision.reject"
  | "expert.approve"
  | "expert.reject"
  | "organization.publish"
  | "organization.decline"
  | "organization.verify"
  | "organization.unverify"
  | "organization.archive"
  | "organization.restore"
  | "organization.merge"
  | "organization.edit"
  | "organization.confirm"
  | "organization.logo"
  | "organization.import"
  | "offer.create"
  | "offer.edit"
  | "offer.approve"
  | "offer.reject"
  | "offer.archive"
  | "offer.remove"
  | "offer.confirm"
  | "offer.stale"
  | "offer.hide"
  | "offer.import"
  | "offer.photo"
  | "user.role"
  | "affiliation.verify"
  | "affiliation.decline"
  | "organization.domains"
  // Events (docs/decisions/072)
  | "event.create"
  | "event.edit"
  | "event.approve"
  | "event.reject"
  | "event.cancel";

export const AUDIT_ACTIONS: readonly AuditAction[] = [
  "request.approve",
  "request.reject",
  "request.edit",
  "request.resubmit",
  "request.rereview",
  "claim.approve",
  "claim.reject",
  "revision.approve",
  "revision.reject",
  "expert.approve",
  "expert.reject",
  "organization.publish",
  "organization.decline",
  "organization.verify",
  "organization.unverify",
  "organization.archive",
  "organization.restore",
  "organization.merge",
  "organization.edit",
  "organization.confirm",
  "organization.logo",
  "organization.import",
  "offer.create",
  "offer.edit",
  "offer.approve",
  "offer.reject",
  "offer.archive",
  "offer.remove",
  "offer.confirm",
  "offer.stale",
  "offer.hide",
  "offer.import",
  "offer.photo",
  "user.role",
  "affiliation.verify",
  "affiliation.decline",
  "organization.domains",
  // Events (docs/decisions/072)
  "event.create",
  "event.edit",
  "event.approve",
  "event.reject",
  "event.cancel",
];
