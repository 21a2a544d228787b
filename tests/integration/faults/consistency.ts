import type { MeiliSearch } from "meilisearch";
import { ORGANIZATIONS_INDEX } from "#search/indexes";
import type { PrismaClient } from "~/generated/prisma/client";
import { markerOf, type Attempt } from "./writes";

/**
 * What must hold after any fault, for a stream of listing edits:
 * - every acknowledged edit was applied exactly once (one audit entry), no
 *   refused edit was applied, an unknown one at most once;
 * - each applied edit came with its outbox row (same transaction);
 * - a listing holds its last applied edit, and its index document says the same;
 * - the index holds exactly the published listings, the outbox is empty.
 * Returns the problems found, one line each (an empty list when all holds).
 */
export async function inconsistencies(
  db: PrismaClient,
  engine: MeiliSearch,
  attempts: Attempt[],
  outboxBaseline: number,
): Promise<string[]> {
  const problems: string[] = [];
  const byListing = new Map<string, Attempt[]>();
  for (const item of [...attempts].sort((a, b) => a.startedAt - b.startedAt))
    byListing.set(item.key, [...(byListing.get(item.key) ?? []), item]);
  const ids = [...byListing.keys()];
  const [rows, audits, outbox, pending, published] = await Promise.all([
    db.organization.findMany({ where: { id: { in: ids } }, select: { id: true, summaryEn: true } }),
    db.auditEntry.findMany({
      where: { entityId: { in: ids }, action: "organization.edit" },
      select: { entityId: true, after: true },
    }),
    db.searchOutbox.groupBy({
      by: ["entityId"],
      where: { entityId: { in: ids }, id: { gt: outboxBaseline } },
      _count: true,
    }),
    db.searchOutbox.count({ where: { processedAt: null } }),
    db.organization.findMany({ where: { status: "published" }, select: { id: true } }),
  ]);
  const documents = (
    await engine
      .index(ORGANIZATIONS_INDEX.base)
      .getDocuments<{ id: string; summaryEn: string | null }>({ limit: 100_000, fields: ["id", "summaryEn"] })
  ).results;
  const documentOf = new Map(documents.map((doc) => [doc.id, doc]));
  const outboxRows = new Map(outbox.map((row) => [row.entityId, row._count]));

  for (const [id, tries] of byListing) {
    const applied = audits
      .filter((entry) => entry.entityId === id)
      .map((entry) => markerOf((JSON.parse(entry.after ?? "{}") as { summaryEn?: string }).summaryEn));
    const times = (marker: string) => applied.filter((item) => item === marker).length;
    for (const item of tries) {
      const n = times(item.marker);
      if (item.outcome === "acknowledged" && n !== 1) problems.push(`${item.marker}: acknowledged, applied ${n} times`);
      if (item.outcome === "refused" && n !== 0)
        problems.push(`${item.marker}: refused (${item.status}), applied ${n} times`);
      if (item.outcome === "unknown" && n > 1) problems.push(`${item.marker}: unknown outcome, applied ${n} times`);
    }
    const foreign = applied.filter((marker) => !tries.some((item) => item.marker === marker));
    if (foreign.length > 0) problems.push(`${id}: audit entries for edits never sent: ${foreign.join(", ")}`);
    if ((outboxRows.get(id) ?? 0) !== applied.length)
      problems.push(`${id}: ${applied.length} edits applied but ${outboxRows.get(id) ?? 0} outbox rows`);
    const last = [...tries].reverse().find((item) => applied.includes(item.marker))?.marker ?? null;
    const row = rows.find((candidate) => candidate.id === id);
    if (last && markerOf(row?.summaryEn) !== last)
      problems.push(`${id}: holds ${markerOf(row?.summaryEn)}, its last applied edit is ${last}`);
    const doc = documentOf.get(id);
    if (doc?.summaryEn !== row?.summaryEn)
      problems.push(`${id}: index has ${markerOf(doc?.summaryEn)}, database ${markerOf(row?.summaryEn)}`);
  }

  if (pending !== 0) problems.push(`${pending} outbox rows still pending`);
  const indexed = documents.map((doc) => doc.id).sort();
  const expected = published.map((row) => row.id).sort();
  if (indexed.length !== new Set(indexed).size) problems.push("duplicate documents in the index");
  if (indexed.join() !== expected.join())
    problems.push(`index holds ${indexed.length} documents, ${expected.length} listings are published`);
  return problems;
}

/** The last outbox row id now: rows written after it belong to what follows. */
export async function outboxBaseline(db: PrismaClient): Promise<number> {
  return (await db.searchOutbox.aggregate({ _max: { id: true } }))._max.id ?? 0;
}
