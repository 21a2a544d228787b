/**
 * Field-by-field differences between an audit entry's "before" and "after"
 * snapshots, for people: nested parts (a merge's duplicate and survivor) are
 * flattened into paths, and only what differs is listed.
 */
export type AuditDiffRow = { path: string[]; before: unknown; after: unknown };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function flatten(value: unknown, path: string[], into: Map<string, { path: string[]; value: unknown }>) {
  if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, [...path, key], into);
  } else if (path.length) {
    into.set(path.join("."), { path, value });
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function auditDiff(before: unknown, after: unknown): AuditDiffRow[] {
  const old = new Map<string, { path: string[]; value: unknown }>();
  const now = new Map<string, { path: string[]; value: unknown }>();
  flatten(before, [], old);
  flatten(after, [], now);
  const rows: AuditDiffRow[] = [];
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(key);
    const b = now.get(key);
    if (same(a?.value, b?.value)) continue;
    rows.push({ path: (a ?? b)!.path, before: a?.value ?? null, after: b?.value ?? null });
  }
  return rows;
}

export function parseSnapshot(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
