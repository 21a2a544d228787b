import type { Prisma } from "~/generated/prisma/client";
import type { DbClient } from "~/db/client.server";
import { foldForSearch } from "~/utils/text";
import { DOCUMENT_FORMAT } from "./document-format";
import { fieldTerms } from "./synonyms";
import { INDEXED_FIELDS } from "./field-select";

/**
 * What the requests index holds for one open request. An anonymous request's
 * company never enters the index: only sector, size and district.
 */
export type RequestDocument = {
  /** See search/document-format.ts */
  documentFormat: number;
  id: string;
  title: string;
  problem: string;
  desiredOutcome: string;
  fieldNames: string[];
  fieldSlugs: string[];
  areaSlugs: string[];
  sector: string;
  /** business | agency (app/domain/request-values.ts REQUESTER_TYPES) */
  requesterType: string;
  companySize: string;
  district: string | null;
  trl: number;
  budget: string;
  visibility: string;
  companyName: string | null;
  deadline: number;
  publishedAt: number;
};

export const requestIndexInclude = {
  fields: INDEXED_FIELDS,
} satisfies Prisma.TechRequestInclude;

export type RequestForIndex = Prisma.TechRequestGetPayload<{ include: typeof requestIndexInclude }>;

export function isListed(request: { status: string }) {
  return request.status === "open";
}

export function requestDocument(request: RequestForIndex): RequestDocument {
  const fields = request.fields.map(({ field }) => field);
  const isPublic = request.visibility === "public";
  return {
    id: request.id,
    documentFormat: DOCUMENT_FORMAT,
    title: request.title,
    problem: request.problem,
    desiredOutcome: request.desiredOutcome,
    fieldNames: fieldTerms(fields),
    fieldSlugs: fields.map((field) => field.slug),
    areaSlugs: [...new Set(fields.flatMap((field) => (field.parent ? [field.parent.slug] : [])))],
    sector: request.sector,
    requesterType: request.requesterType,
    companySize: request.companySize,
    district: request.district,
    trl: request.trl,
    budget: request.budget,
    visibility: request.visibility,
    companyName: isPublic ? request.companyName : null,
    deadline: request.deadline.getTime(),
    publishedAt: (request.publishedAt ?? request.createdAt).getTime(),
  };
}

/** Folded text for the database fallback: only what the public may search. */
export function requestSearchText(request: RequestForIndex): string {
  const doc = requestDocument(request);
  const areas = request.fields.flatMap(({ field }) => (field.parent ? [field.parent.nameVi, field.parent.nameEn] : []));
  return foldForSearch(
    [doc.title, ...doc.fieldNames, ...areas, doc.problem, doc.desiredOutcome, doc.companyName]
      .filter(Boolean)
      .join(" \n "),
  );
}

export async function loadRequestDocuments(db: DbClient, ids: readonly string[]) {
  const rows = await db.techRequest.findMany({ where: { id: { in: [...ids] } }, include: requestIndexInclude });
  const upserts = rows.filter(isListed).map(requestDocument);
  const indexed = new Set(upserts.map((doc) => doc.id));
  return { upserts, deletes: ids.filter((id) => !indexed.has(id)) };
}
