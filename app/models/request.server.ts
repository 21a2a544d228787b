import type { Prisma } from "~/generated/prisma/client";
import { requestIndexInclude, requestSearchText } from "#search/request-document";
import { prisma, type DbClient } from "~/db/client.server";
import type { Outcome } from "~/domain/request-values";
import type { RequestInput } from "~/validation/request";
import { getTaxonomy } from "./field.server";
import { notify, notifyOfficials } from "./notification.server";
import { audit, auditDecision } from "./audit.server";
import { write, writeOnce, type Effects, type Tx } from "./write.server";

/**
 * Technology requests: posted by a business, reviewed by an official before
 * they are public, open until their deadline (unless renewed), closed with an
 * outcome. Every change queues the search document, and (when it matters)
 * a recompute of the suggestions, in the same transaction.
 */

export class RequestInputError extends Error {
  constructor(readonly field: "fieldSlugs" | "organizationSlug") {
    super(field);
  }
}

/** The request form: one request per form key, however often it is sent; returns the request's page. */
export function submitRequest(authorId: string, input: RequestInput, formKey: string): Promise<string> {
  return writeOnce(authorId, formKey, async (tx, effects) => {
    const request = await createRequestInTransaction(authorId, input, tx, effects);
    return `/requests/${request.id}`;
  });
}

/** A step of a write: the request, its fields, and the officials' notifications. */
export async function createRequestInTransaction(authorId: string, input: RequestInput, tx: Tx, effects: Effects) {
  // Through the transaction: a query on the global client would wait for this transaction's own lock.
  const taxonomy = await getTaxonomy(tx);
  const fields = input.fieldSlugs.map((slug) => taxonomy.bySlug.get(slug));
  if (fields.some((field) => !field || field.areaSlug === null)) throw new RequestInputError("fieldSlugs");
  const organizationId = input.organizationSlug
    ? await managedOrganizationId(authorId, input.organizationSlug, tx)
    : null;
  if (input.organizationSlug && !organizationId) throw new RequestInputError("organizationSlug");

  const request = await tx.techRequest.create({
    data: {
      authorId,
      organizationId,
      companyName: input.companyName,
      requesterType: input.requesterType,
      sector: input.sector,
      companySize: input.companySize,
      district: input.district,
      ward: input.ward,
      title: input.title,
      problem: input.problem,
      desiredOutcome: input.desiredOutcome,
      trl: input.trl,
      budget: input.budget,
      deadline: input.deadline,
      visibility: input.visibility,
      confidential: input.confidential,
      status: "pending",
      fields: { create: fields.map((field) => ({ fieldId: field!.id })) },
    },
  });
  await refreshRequestSearchText(request.id, tx);
  await notifyOfficials(
    {
      type: "review",
      key: "notify.requestToReview",
      params: { title: request.title },
      url: `/admin/queue#request-${request.id}`,
    },
    tx,
    effects,
  );
  return request;
}

/** The id of a listing this user manages, by slug. */
async function managedOrganizationId(userId: string, slug: string, tx: DbClient) {
  const found = await tx.organizationManager.findFirst({
    where: { userId, organization: { slug } },
    select: { organizationId: true },
  });
  return found?.organizationId ?? null;
}

export async function refreshRequestSearchText(id: string, tx: DbClient) {
  const request = await tx.techRequest.findUniqueOrThrow({ where: { id }, include: requestIndexInclude });
  await tx.techRequest.update({ where: { id }, data: { searchText: requestSearchText(request) } });
}

/** What an author may still change; closed and expired requests keep what they said. */
export const EDITABLE_STATUSES = ["pending", "rejected", "open"] as const;
export const isEditable = (status: string) => (EDITABLE_STATUSES as readonly string[]).includes(status);

/** What the request asks for: a change to any of these sends an open request back to review. */
export const SUBSTANTIVE_FIELDS = ["problem", "desiredOutcome", "fieldSlugs", "trl", "budget", "visibility"] as const;

/** The deadline's day in Hanoi (the form's yyyy-mm-dd). */
export const hanoiDay = (date: Date) => new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

export class RequestEditError extends Error {
  constructor(readonly reason: "notEditable" | "deadlineEarlier" | "changedMeanwhile") {
    super(reason);
  }
}

/**
 * How an edit ended: nothing to save; saved as it was (pending stays pending,
 * open stays open); a rejected request sent back for review; an open one sent
 * back for review because what it asks for changed.
 */
export type EditOutcome = "unchanged" | "saved" | "resubmitted" | "review";

/**
 * The author edits their own request (null when it is not theirs). One
 * transaction: the request, its fields, the audit entry, the notifications
 * and the search outbox row, so a half-written edit cannot be seen.
 */
export async function editRequest(
  requestId: string,
  authorId: string,
  input: Omit<RequestInput, "formToken">,
): Promise<EditOutcome | null> {
  return write(async (tx, effects) => {
    const current = await tx.techRequest.findUnique({
      where: { id: requestId },
      include: { fields: { select: { field: { select: { slug: true } } } }, organization: { select: { slug: true } } },
    });
    if (!current || current.authorId !== authorId) return null;
    if (!isEditable(current.status)) throw new RequestEditError("notEditable");

    const taxonomy = await getTaxonomy(tx);
    const fields = input.fieldSlugs.map((slug) => taxonomy.bySlug.get(slug));
    if (fields.some((field) => !field || field.areaSlug === null)) throw new RequestInputError("fieldSlugs");
    // The listing it already names stays allowed, even if the author no longer manages it.
    const keepsOrganization = input.organizationSlug !== null && input.organizationSlug === current.organization?.slug;
    const organizationId = keepsOrganization
      ? current.organizationId
      : input.organizationSlug
        ? await managedOrganizationId(authorId, input.organizationSlug, tx)
        : null;
    if (input.organizationSlug && !organizationId) throw new RequestInputError("organizationSlug");
    // Those who responded rely on the deadline: an open request's may only move later.
    if (current.status === "open" && hanoiDay(input.deadline) < hanoiDay(current.deadline))
      throw new RequestEditError("deadlineEarlier");

    const snapshot = (request: typeof input & { fieldSlugs: string[] }, deadline: Date) => ({
      title: request.title,
      problem: request.problem,
      desiredOutcome: request.desiredOutcome,
      fieldSlugs: [...new Set(request.fieldSlugs)].sort(),
      trl: request.trl,
      budget: request.budget,
      deadline: hanoiDay(deadline),
      visibility: request.visibility,
      companyName: request.companyName,
      requesterType: request.requesterType,
      organizationSlug: request.organizationSlug,
      sector: request.sector,
      companySize: request.companySize,
      district: request.district,
      ward: request.ward,
    });
    const before = snapshot(
      {
        ...current,
        fieldSlugs: current.fields.map(({ field }) => field.slug),
        organizationSlug: current.organization?.slug ?? null,
      } as typeof input,
      current.deadline,
    );
    const after = snapshot(input, input.deadline);
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
    );
    // The confidential section is not reviewed (it never reaches the public) and its text
    // stays out of the audit log, which officials read: only that it changed.
    const confidentialChanged = (current.confidential ?? null) !== input.confidential;
    const marker = confidentialChanged ? { confidential: "…" } : {};
    const substantive = changed.some((key) => (SUBSTANTIVE_FIELDS as readonly string[]).includes(key));
    const outcome: EditOutcome =
      current.status === "rejected"
        ? "resubmitted"
        : changed.length === 0 && !confidentialChanged
          ? "unchanged"
          : current.status === "open" && substantive
            ? "review"
            : "saved";
    if (outcome === "unchanged") return outcome; // a second click, or saved without a change: nothing to log

    const status = outcome === "saved" ? current.status : "pending";
    // Guarded by what was read: an official's review or a second tab in between refuses this edit.
    const { count } = await tx.techRequest.updateMany({
      where: { id: requestId, status: current.status, updatedAt: current.updatedAt },
      data: {
        title: input.title,
        problem: input.problem,
        desiredOutcome: input.desiredOutcome,
        trl: input.trl,
        budget: input.budget,
        // The same day keeps the stored time (an unchanged deadline is not rewritten).
        deadline: before.deadline === after.deadline ? current.deadline : input.deadline,
        // A moved deadline re-arms its reminders.
        ...(before.deadline === after.deadline ? {} : { deadlineReminderAt: null, feedbackReminderAt: null }),
        visibility: input.visibility,
        companyName: input.companyName,
        requesterType: input.requesterType,
        organizationId,
        sector: input.sector,
        companySize: input.companySize,
        district: input.district,
        ward: input.ward,
        confidential: input.confidential,
        status,
        // The old review note stays in the audit log; a resubmitted request starts a new review.
        ...(status === "pending" ? { reviewNote: null } : {}),
      },
    });
    if (count === 0) throw new RequestEditError("changedMeanwhile");
    if (changed.includes("fieldSlugs")) {
      await tx.requestField.deleteMany({ where: { requestId } });
      await tx.requestField.createMany({
        data: [...new Set(fields.map((field) => field!.id))].map((fieldId) => ({ requestId, fieldId })),
      });
    }
    await refreshRequestSearchText(requestId, tx);
    await audit(
      {
        actorId: authorId,
        action:
          outcome === "resubmitted" ? "request.resubmit" : outcome === "review" ? "request.rereview" : "request.edit",
        entityType: "request",
        entityId: requestId,
        label: input.title,
        before: { ...pickKeys(before, changed), ...marker, status: current.status },
        after: { ...pickKeys(after, changed), ...marker, status },
        reason: current.status === "rejected" ? current.reviewNote : null,
      },
      tx,
    );
    const params = { title: input.title };
    if (status === "pending" && outcome !== "saved") {
      await notifyOfficials(
        {
          type: "review",
          key: outcome === "review" ? "notify.requestChangedToReview" : "notify.requestToReview",
          params,
          url: `/admin/queue#request-${requestId}`,
        },
        tx,
        effects,
      );
    }
    if (outcome === "review") {
      // Their responses stay as they are; they learn the request changed and waits for review again.
      const responders = await tx.requestResponse.findMany({ where: { requestId }, select: { responderId: true } });
      for (const { responderId } of responders) {
        // Their proposals page: the request itself is hidden from them until it is approved again.
        await notify(
          {
            userId: responderId,
            type: "status",
            key: "notify.requestChangedForResponder",
            params,
            url: "/me/responses",
          },
          tx,
          effects,
        );
      }
    }
    // Open → pending drops it from the index; an open request's new title is indexed.
    await effects.reindex("request", [requestId]);
    return outcome;
  });
}

const pickKeys = <T extends Record<string, unknown>>(object: T, keys: (keyof T)[]) =>
  Object.fromEntries(keys.map((key) => [key, object[key]]));

/** An official approves (the request opens) or rejects it with a reason the author sees. */
export async function reviewRequest(
  requestId: string,
  reviewerId: string,
  decision: { approve: boolean; note: string | null },
) {
  const done = await write(async (tx, effects) => {
    const { count } = await tx.techRequest.updateMany({
      where: { id: requestId, status: "pending" },
      data: decision.approve
        ? {
            status: "open",
            publishedAt: new Date(),
            reviewedById: reviewerId,
            reviewedAt: new Date(),
            reviewNote: decision.note,
          }
        : { status: "rejected", reviewedById: reviewerId, reviewedAt: new Date(), reviewNote: decision.note },
    });
    if (count === 0) return false; // already reviewed (by someone else, or a double click)
    const request = await tx.techRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: { authorId: true, title: true },
    });
    await auditDecision(
      reviewerId,
      decision,
      "request",
      {
        entityType: "request",
        entityId: requestId,
        label: request.title,
        before: { status: "pending" },
        after: { status: decision.approve ? "open" : "rejected" },
      },
      tx,
    );
    await notify(
      {
        userId: request.authorId,
        type: "status",
        key: decision.approve ? "notify.requestApproved" : "notify.requestRejected",
        // An approval's note is the officials' (the message does not show it): not in the author's data.
        params: decision.approve ? { title: request.title } : { title: request.title, note: decision.note ?? "" },
        url: `/requests/${requestId}`,
      },
      tx,
      effects,
    );
    if (decision.approve) {
      await effects.reindex("request", [requestId]);
      await effects.enqueue("recompute-matches", { requestId });
    }
    return true;
  });
  return done;
}

export async function renewRequest(requestId: string, deadline: Date) {
  await write(async (tx, effects) => {
    const request = await tx.techRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true } });
    const reopen = request.status === "expired";
    await tx.techRequest.update({
      where: { id: requestId },
      // A new deadline re-arms its reminders (app/models/request-feedback.server.ts).
      data: { deadline, deadlineReminderAt: null, feedbackReminderAt: null, ...(reopen ? { status: "open" } : {}) },
    });
    await effects.reindex("request", [requestId]);
    if (reopen) await effects.enqueue("recompute-matches", { requestId });
  });
}

export async function closeRequest(requestId: string, outcome: Outcome) {
  await write(async (tx, effects) => {
    await tx.techRequest.update({
      where: { id: requestId },
      data: { status: "closed", outcome, closedAt: new Date() },
    });
    await effects.reindex("request", [requestId]);
    // Everyone who responded learns how it ended.
    const responders = await tx.requestResponse.findMany({ where: { requestId }, select: { responderId: true } });
    const request = await tx.techRequest.findUniqueOrThrow({ where: { id: requestId }, select: { title: true } });
    for (const { responderId } of responders) {
      await notify(
        {
          userId: responderId,
          type: "status",
          key: `notify.requestClosed.${outcome}`,
          params: { title: request.title },
          url: `/requests/${requestId}`,
        },
        tx,
        effects,
      );
    }
  });
}

/** Open requests past their deadline expire (run every minute by the job worker). */
export async function expireOverdueRequests(now = new Date()) {
  const overdue = await prisma.techRequest.findMany({
    where: { status: "open", deadline: { lt: now } },
    select: { id: true, authorId: true, title: true },
  });
  if (overdue.length === 0) return 0;
  await write(async (tx, effects) => {
    for (const request of overdue) {
      const { count } = await tx.techRequest.updateMany({
        where: { id: request.id, status: "open" },
        data: { status: "expired" },
      });
      if (count === 0) continue;
      await notify(
        {
          userId: request.authorId,
          type: "status",
          key: "notify.requestExpired",
          params: { title: request.title },
          url: `/requests/${request.id}`,
        },
        tx,
        effects,
      );
    }
    await effects.reindex(
      "request",
      overdue.map((request) => request.id),
    );
  });
  return overdue.length;
}

/** What visibleRequest may show, and who may see it: no search text, no reviewer. */
const requestDetailSelect = {
  id: true,
  authorId: true,
  organizationId: true,
  requesterType: true,
  title: true,
  problem: true,
  desiredOutcome: true,
  trl: true,
  budget: true,
  deadline: true,
  visibility: true,
  status: true,
  outcome: true,
  reviewNote: true,
  sector: true,
  companySize: true,
  district: true,
  ward: true,
  companyName: true,
  publishedAt: true,
  createdAt: true,
  fields: { select: { field: { select: { id: true, slug: true, nameVi: true, nameEn: true } } } },
  organization: { select: { slug: true, nameVi: true, nameEn: true } },
} satisfies Prisma.TechRequestSelect;
export type RequestDetail = Prisma.TechRequestGetPayload<{ select: typeof requestDetailSelect }>;

export function getRequest(id: string, db: DbClient = prisma) {
  return db.techRequest.findUnique({ where: { id }, select: requestDetailSelect });
}

/**
 * What a viewer may see of a request. The author and officials see it all;
 * others see only open, closed or expired requests, and for an anonymous
 * one never the company: only sector, size and district.
 */
export function visibleRequest(request: RequestDetail, viewer: { id: string; role: string } | null) {
  const isAuthor = viewer?.id === request.authorId;
  const isOfficial = viewer?.role === "curator" || viewer?.role === "admin";
  const isPublic = ["open", "closed", "expired"].includes(request.status);
  if (!isAuthor && !isOfficial && !isPublic) return null;
  const showCompany = isAuthor || isOfficial || request.visibility === "public";
  return {
    id: request.id,
    title: request.title,
    problem: request.problem,
    desiredOutcome: request.desiredOutcome,
    trl: request.trl,
    budget: request.budget,
    deadline: request.deadline,
    visibility: request.visibility,
    status: request.status,
    outcome: request.outcome,
    // A rejection's reason is for its author; any other note is the officials' own.
    // The key is not even sent to anyone else.
    ...(isOfficial || (isAuthor && request.status === "rejected") ? { reviewNote: request.reviewNote } : {}),
    sector: request.sector,
    companySize: request.companySize,
    requesterType: request.requesterType,
    district: request.district,
    // A ward narrows an anonymous company down: only its area is shown.
    ward: showCompany ? request.ward : null,
    companyName: showCompany ? request.companyName : null,
    organization: showCompany ? request.organization : null,
    fields: request.fields.map(({ field }) => field),
    publishedAt: request.publishedAt,
    createdAt: request.createdAt,
    isAuthor,
    isOfficial,
  };
}
export type VisibleRequest = NonNullable<ReturnType<typeof visibleRequest>>;

/** Open requests, newest first, for lists (the public index pages through the engine). */
export function listRequestsOf(authorId: string) {
  return prisma.techRequest.findMany({
    where: { authorId },
    select: {
      id: true,
      title: true,
      status: true,
      deadline: true,
      createdAt: true,
      _count: { select: { responses: true } },
    },
    orderBy: { createdAt: "desc" },
  });
}

/** Cards of open requests in the order of `ids`; an anonymous request's company stays hidden. */
export async function openRequestCards(ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await prisma.techRequest.findMany({
    where: { id: { in: ids }, status: "open" },
    select: {
      id: true,
      title: true,
      problem: true,
      visibility: true,
      companyName: true,
      sector: true,
      companySize: true,
      requesterType: true,
      district: true,
      trl: true,
      budget: true,
      deadline: true,
      publishedAt: true,
      fields: { select: { field: { select: { slug: true, nameVi: true, nameEn: true } } }, take: 4 },
    },
  });
  const byId = new Map(
    rows.map((row) => [row.id, { ...row, companyName: row.visibility === "public" ? row.companyName : null }]),
  );
  return ids.map((id) => byId.get(id)).filter((row): row is NonNullable<typeof row> => Boolean(row));
}
