import type { Prisma } from "~/generated/prisma/client";
import type { DbClient } from "~/db/client.server";
import { EVENT_FORMAT_LABELS, EVENT_KIND_LABELS, type EventFormat, type EventKind } from "~/domain/event-values";
import { findDistrict } from "~/domain/districts";
import { findWard } from "~/domain/wards";
import { DOCUMENT_FORMAT } from "./document-format";
import { INDEXED_FIELDS } from "./field-select";
import { fieldTerms } from "./synonyms";

/**
 * What the events index holds for one published event (docs/decisions/072):
 * its words, kind, format, place, fields, organizer and times, so the list
 * filters and orders by start in the engine. Never the review note.
 */
export type EventDocument = {
  /** See search/document-format.ts */
  documentFormat: number;
  id: string;
  kind: string;
  kindLabels: string[];
  format: string;
  formatLabels: string[];
  titleVi: string | null;
  titleEn: string | null;
  descriptionVi: string | null;
  descriptionEn: string | null;
  venue: string | null;
  placeNames: string[];
  organizerNames: string[];
  fieldNames: string[];
  fieldSlugs: string[];
  areaSlugs: string[];
  district: string | null;
  ward: string | null;
  organizationId: string | null;
  startsAt: number;
  endsAt: number;
};

export const eventIndexInclude = {
  fields: INDEXED_FIELDS,
  organization: { select: { id: true, nameVi: true, nameEn: true, acronym: true, status: true } },
} satisfies Prisma.EventInclude;

export type EventForIndex = Prisma.EventGetPayload<{ include: typeof eventIndexInclude }>;

/** In the index: published (cancelled, rejected and pending events are not), past ones included. */
export const INDEXED_EVENT = { status: "published" } as const;

export function eventDocument(event: EventForIndex): EventDocument {
  const fields = event.fields.map(({ field }) => field);
  const organization = event.organization?.status === "published" ? event.organization : null;
  const kind = EVENT_KIND_LABELS[event.kind as EventKind];
  const format = EVENT_FORMAT_LABELS[event.format as EventFormat];
  const district = findDistrict(event.district);
  const ward = findWard(event.ward);
  return {
    documentFormat: DOCUMENT_FORMAT,
    id: event.id,
    kind: event.kind,
    kindLabels: kind ? [kind.vi, kind.en] : [],
    format: event.format,
    formatLabels: format ? [format.vi, format.en] : [],
    titleVi: event.titleVi,
    titleEn: event.titleEn,
    descriptionVi: event.descriptionVi,
    descriptionEn: event.descriptionEn,
    venue: event.venue,
    placeNames: [district?.vi, district?.en, ward?.vi, ward?.en].filter((name): name is string => Boolean(name)),
    organizerNames: [organization?.acronym, organization?.nameVi, organization?.nameEn, event.organizerName].filter(
      (name): name is string => Boolean(name),
    ),
    fieldNames: fieldTerms(fields),
    fieldSlugs: fields.map((field) => field.slug),
    areaSlugs: [...new Set(fields.flatMap((field) => (field.parent ? [field.parent.slug] : [])))],
    district: event.district,
    ward: event.ward,
    organizationId: organization?.id ?? null,
    startsAt: event.startsAt.getTime(),
    endsAt: event.endsAt.getTime(),
  };
}

export async function loadEventDocuments(db: DbClient, ids: readonly string[]) {
  const rows = await db.event.findMany({
    where: { id: { in: [...ids] }, ...INDEXED_EVENT },
    include: eventIndexInclude,
  });
  const upserts = rows.map(eventDocument);
  const indexed = new Set(upserts.map((doc) => doc.id));
  return { upserts, deletes: ids.filter((id) => !indexed.has(id)) };
}
