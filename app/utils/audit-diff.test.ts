import { describe, expect, test } from "vitest";
import { auditDiff } from "./audit-diff";

describe("auditDiff", () => {
  test("lists only the fields that changed, nested parts as paths", () => {
    const before = { duplicate: { slug: "a", verified: false }, survivor: { website: null, fields: ["x"] } };
    const after = { survivor: { website: "https://a.vn", fields: ["x"] }, moved: { experts: 1 } };
    expect(auditDiff(before, after)).toEqual([
      { path: ["duplicate", "slug"], before: "a", after: null },
      { path: ["duplicate", "verified"], before: false, after: null },
      { path: ["survivor", "website"], before: null, after: "https://a.vn" },
      { path: ["moved", "experts"], before: null, after: 1 },
    ]);
    expect(auditDiff({ status: "published" }, { status: "published" })).toEqual([]);
  });
});
