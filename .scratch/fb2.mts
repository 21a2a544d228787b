import Database from "better-sqlite3";
const { fullTextQuery } = await import("/work/wt/conversations/app/models/search-gateway.server.ts");
const qs = ["v","vi","vie","vien","vien cong nghe","phong thi nghiem vat lieu","materials lab","trí tuệ nhân tạo","tri tue nhan tao","HUST","bach khao","cong nghe sinh hoc","ban dan","robot","fintech","semiconductor","nano"];
const db = new Database("/tmp/pad/pad.db", { readonly: true });
db.pragma("cache_size = -16000");
const withRank = db.prepare(`SELECT o.id, o.kind, o.district, o.verified, o.sortNameVi, s.rank AS rank FROM OrganizationSearch s JOIN Organization o ON o.rowid = s.rowid WHERE OrganizationSearch MATCH ? AND o.status = 'published' LIMIT 2001`);
const noRank = db.prepare(`SELECT o.id, o.kind, o.district, o.verified, o.sortNameVi FROM OrganizationSearch s JOIN Organization o ON o.rowid = s.rowid WHERE OrganizationSearch MATCH ? AND o.status = 'published' LIMIT 2001`);
for (let round = 0; round < 3; round++) {
  let a = 0, b = 0;
  for (const q of qs) {
    const m = fullTextQuery(q);
    let t = performance.now(); const r1 = withRank.all(m); const ta = performance.now() - t;
    t = performance.now(); noRank.all(m); const tb = performance.now() - t;
    a += ta; b += tb;
    if (round === 2) console.log(q.padEnd(30), "rank", ta.toFixed(1), "norank", tb.toFixed(1), r1.length);
  }
  console.log("round", round, "rank total", a.toFixed(1), "norank total", b.toFixed(1));
}
