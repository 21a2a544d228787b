import Database from "better-sqlite3";
const { fallbackStatements } = await import("/work/wt/conversations/app/models/search-gateway.server.ts");
const { parseDirectoryQuery } = await import("/work/wt/conversations/app/utils/directory-query.ts");
const { FACETS } = await import("/work/wt/conversations/scripts/lib/load-mix.ts");
const queries = ["q=v","q=vi","q=vie","q=vien","q=vien+cong+nghe","q=phong+thi+nghiem+vat+lieu","q=materials+lab","q=tr%C3%AD+tu%E1%BB%87+nh%C3%A2n+t%E1%BA%A1o","q=tri+tue+nhan+tao","q=HUST","q=bach+khao","q=cong+nghe+sinh+hoc&verified=1","q=ban+dan",...FACETS];
const db = new Database("/tmp/pad/pad.db", { readonly: true });
db.pragma("cache_size = -16000");
const run = (sql: { sql: string; values: unknown[] }) => {
  const t = performance.now();
  const rows = db.prepare(sql.sql).all(...sql.values.map((v) => (typeof v === "boolean" ? Number(v) : v)));
  return [performance.now() - t, rows] as const;
};
for (let round = 0; round < 3; round++) {
  let total = 0;
  for (const q of queries) {
    const parsed = parseDirectoryQuery(new URLSearchParams(q));
    const input = { ...(parsed as any).query, lang: "vi", perPage: 20 };
    const s = fallbackStatements(input);
    const [tg, groups] = run(s.groups);
    const matched = (groups as any[]).reduce((a, g) => a + Number(g.n), 0);
    const [tp] = run(s.page(matched));
    let tf = 0;
    if (matched > 2000 && (input.kinds?.length || input.districts?.length || input.verifiedOnly)) tf = run(s.filteredCount)[0];
    total += tg + tp + tf;
    if (round === 2) console.log(q.padEnd(50), "groups", tg.toFixed(1), "page", tp.toFixed(1), "filtered", tf.toFixed(1), "matched", matched);
  }
  console.log("round", round, "total", total.toFixed(1), "mean", (total / queries.length).toFixed(1));
}
