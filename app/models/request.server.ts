import type { Prisma } from "~/generated/prisma/client";
import { enqueueSearchSync, notifySearchOutbox } from "#search/outbox";
import { requestIndexInclude, requestSearchText } from "#search/request-document";
import { enqueueJob, notifyJobs } from "~/jobs/queue.server";
import { prisma, type DbClient } from "~/utils/db.server";
import type { Outcome } from "~/utils/request-values";
import type { RequestInput } from "~/validation/request";
import { getTaxonomy } from "./field.server";
import { notify, notifyOfficials } from "./notification.server";
import { audit } from "./audit.server";

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

/** Runs in the caller's transaction (see createOnce): the request, its fields, and the officials' notifications. */
export async function createRequestInTransaction(tx: Prisma.TransactionClient, authorId: string, input: RequestInput) {
  // Through the transaction: a query on the global client would wait for this transaction's own lock.
  const taxonomy = await getTaxonomy(tx);
  const fields = input.fieldSlugs.map((slug) => taxonomy.bySlug.get(slug));
  if (fields.some((field) => !field || field.areaSlug === null)) throw new RequestInputError("fieldSlugs");
  const organizationId = input.organizationSlug ? await managedOrganizationId(tx, authorId, input.organizationSlug) : null;
  if (input.organizationSlug && !organizationId) throw new RequestInputError("organizationSlug");

  const request = await tx.techRequest.create({
    data: {
      authorId,
      organizationId,
      companyName: input.companyName,
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
      status: "pending",
      fields: { create: fields.map((field) => ({ fieldId: field!.id })) },
    },
  });
  await refreshRequestSearchText(tx, request.id);
  await notifyOfficials(tx, { type: "review", key: "notify.requestToReview", params: { title: request.title }, url: `/admin/queue#request-${request.id}` });
  return request;
}

/** The id of a listing this user manages, by slug. */
async function managedOrganizationId(tx: DbClient, userId: string, slug: string) {
  const found = await tx.organizationManager.findFirst({ where: { userId, organization: { slug } }, select: { organizationId: true } });
  return found?.organizationId ?? null;
}

export async function refreshRequestSearchText(tx: DbClient, id: string) {
  const request = await tx.techRequest.findUniqueOrThrow({ where: { id }, include: requestIndexInclude });
  await tx.techRequest.update({ where: { id }, data: { searchText: requestSearchText(request) } });
}

/** An official approves (the request opens) or rejects it with a reason the author sees. */
export async function reviewRequest(requestId: string, reviewerId: string, decision: { approve: boolean; note: string | null }) {
  const done = await prisma.$transaction(async (tx) => {
    const { count } = await tx.techRequest.updateMany({
      where: { id: requestId, status: "pending" },
      data: decision.approve
        ? { status: "open", publishedAt: new Date(), reviewedById: reviewerId, reviewedAt: new Date(), reviewNote: decision.note }
        : { status: "rejected", reviewedById: reviewerId, reviewedAt: new Date(), reviewNote: decision.note },
    });
    if (count === 0) return false; // already reviewed (by someone else, or a double click)
    const request = await tx.techRequest.findUniqueOrThrow({ where: { id: requestId }, select: { authorId: true, title: true } });
    await audit(tx, {
      actorId: reviewerId,
      action: decision.approve ? "request.approve" : "request.reject",
      entityType: "request",
      entityId: requestId,
      label: request.title,
      before: { status: "pending" },
      after: { status: decision.approve ? "open" : "rejected" },
      reason: decision.note,
    });
    await notify(tx, {
      userId: request.authorId,
      type: "status",
      key: decision.approve ? "notify.requestApproved" : "notify.requestRejected",
      // An approval's note is the officials' (the message does not show it): not in the author's data.
      params: decision.approve ? { title: request.title } : { title: request.title, note: decision.note ?? "" },
      url: `/requests/${requestId}`,
    });
    if (decision.approve) {
      await enqueueSearchSync(tx, "request", [requestId]);
      await enqueueJob(tx, "recompute-matches", { requestId });
    }
    return true;
  });
  notifySearchOutbox();
  notifyJobs();
  return done;
}

export async function renewRequest(requestId: string, deadline: Date) {
  await prisma.$transaction(async (tx) => {
    const request = await tx.techRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true } });
    const reopen = request.status === "expired";
    await tx.techRequest.update({ where: { id: requestId }, data: { deadline, ...(reopen ? { status: "open" } : {}) } });
    await enqueueSearchSync(tx, "request", [requestId]);
    if (reopen) await enqueueJob(tx, "recompute-matches", { requestId });
  });
  notifySearchOutbox();
  notifyJobs();
}

export async function closeRequest(requestId: string, outcome: Outcome) {
  await prisma.$transaction(async (tx) => {
    await tx.techRequest.update({ where: { id: requestId }, data: { status: "closed", outcome, closedAt: new Date() } });
    await enqueueSearchSync(tx, "request", [requestId]);
    // Everyone who responded learns how it ended.
    const responders = await tx.requestResponse.findMany({ where: { requestId }, select: { responderId: true } });
    const request = await tx.techRequest.findUniqueOrThrow({ where: { id: requestId }, select: { title: true } });
    for (const { responderId } of responders) {
      await notify(tx, { userId: responderId, type: "status", key: `notify.requestClosed.${outcome}`, params: { title: request.title }, url: `/requests/${requestId}` });
    }
  });
  notifySearchOutbox();
  notifyJobs();
}

/** Open requests past their deadline expire (run every minute by the job worker). */
export async function expireOverdueRequests(now = new Date()) {
  const overdue = await prisma.techRequest.findMany({ where: { status: "open", deadline: { lt: now } }, select: { id: true, authorId: true, title: true } });
  if (overdue.length === 0) return 0;
  await prisma.$transaction(async (tx) => {
    for (const request of overdue) {
      const { count } = await tx.techRequest.updateMany({ where: { id: request.id, status: "open" }, data: { status: "expired" } });
      if (count === 0) continue;
      await notify(tx, { userId: request.authorId, type: "status", key: "notify.requestExpired", params: { title: request.title }, url: `/requests/${request.id}` });
    }
    await enqueueSearchSync(tx, "request", overdue.map((request) => request.id));
  });
  notifySearchOutbox();
  notifyJobs();
  return overdue.length;
}

/** What visibleRequest may show, and who may see it: no search text, no reviewer. */
const requestDetailSelect = {
  id: true,
  authorId: true,
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
    select: { id: true, title: true, status: true, deadline: true, createdAt: true, _count: { select: { responses: true } } },
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
      district: true,
      trl: true,
      budget: true,
      deadline: true,
      publishedAt: true,
      fields: { select: { field: { select: { slug: true, nameVi: true, nameEn: true } } }, take: 4 },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, { ...row, companyName: row.visibility === "public" ? row.companyName : null }]));
  return ids.map((id) => byId.get(id)).filter((row): row is NonNullable<typeof row> => Boolean(row));
}
