import { mulberry32 } from "../../../scripts/lib/organization-fixtures";

/**
 * Hostile values for the fuzz test, drawn from a seeded generator so a failing
 * run can be replayed (FUZZ_SEED). Each value is built from atoms of one kind
 * (wrong types, huge sizes, Unicode edge cases, injection strings), sometimes
 * glued to another atom or to ordinary Vietnamese text.
 */
/** Picks from a seeded generator (the fixtures' mulberry32). */
export function randomSource(seed: number) {
  const next = mulberry32(seed);
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
export type Random = ReturnType<typeof randomSource>;

/**
 * The markers injected HTML calls: if one of these ever appears unescaped in a
 * page, a stored or reflected script got through.
 */
export const SCRIPT_MARKERS = [
  /<script>fz\(/i,
  /<img[^>]*\sonerror=fz/i,
  /<svg[^>]*\sonload=fz/i,
  /href="javascript:/i,
  /<iframe/i,
] as const;

const WRONG_TYPES = [
  "",
  " ",
  "\t",
  "abc",
  "-1",
  "0",
  "-0",
  "1.5",
  "1e309",
  "NaN",
  "Infinity",
  "-Infinity",
  "99999999999999999999999",
  "9007199254740993",
  "0x10",
  "１２３",
  "true",
  "false",
  "null",
  "undefined",
  "[]",
  "{}",
  "[object Object]",
  "2026-02-31",
  "0000-00-00",
  "9999-12-31",
  "31/12/2026",
  "2026-13-01",
  "1970-01-01T00:00:00Z",
  "yesterday",
  "not-an-email",
  "a@b",
  "@example.vn",
  "user@@example.vn",
  "http://",
  "ftp://example.vn",
  "//example.vn",
  "mailto:x@y.z",
] as const;

const UNICODE = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff",
  "\u202eesrever",
  "\u200b\u200c\u200d",
  "\ufeff",
  "e\u0301",
  "Tiếng Việt".normalize("NFD"),
  "Nghiên cứu vật liệu".normalize("NFKD"),
  "👩‍🔬🧪",
  "𝕳𝖆 𝕹𝖔𝖎",
  "Z̴̡̢͎a̵̢͝l̷̨͝g̷͎͝o̴̢͝",
  "a\r\nb",
  "\r\n\r\n",
  "\u2028\u2029",
  "\u00a0",
  "ＡＢＣ",
  "İıß",
  "\u0085",
  "\\u0000",
  "%00",
  "%ZZ",
  "%E0%A4%A",
] as const;

const INJECTIONS = [
  "' OR 1=1 --",
  "'; DROP TABLE Organization; --",
  '" OR ""="',
  "%' --",
  "1; SELECT * FROM User",
  "') OR ('a'='a",
  "\\",
  '\\"',
  "`",
  "$where",
  '{"$gt": ""}',
  "kind = lab OR 1=1",
  'status = "draft"',
  '" OR status = draft OR "',
  "id EXISTS",
  "_geoRadius(0, 0, 1)",
  "kind IN [lab, draft]",
  "NOT kind = lab",
  "(",
  ")",
  "[",
  "]",
  "*",
  ":",
  "=",
  "!=",
  "<script>fz(1)</script>",
  "<img src=x onerror=fz(2)>",
  '"><svg onload=fz(3)>',
  "'><iframe src=//x>",
  "javascript:fz(4)",
  "JaVaScRiPt:fz(5)",
  "data:text/html,<script>fz(6)</script>",
  "{{7*7}}",
  "${7*7}",
  "<!--",
  "]]>",
  "&amp;&lt;",
  "&#0;",
  "../../../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "__proto__",
  "constructor",
  "toString",
] as const;

const PLAIN = [
  "Phòng thí nghiệm vật liệu",
  "materials lab",
  "HUST",
  "bach khao",
  "Trí tuệ nhân tạo",
  "Hà Nội",
] as const;

function huge(random: Random) {
  const unit = random.pick(["a", "ệ", "<", "'", "👩‍🔬", " ", "x "]);
  return unit.repeat(random.pick([256, 1_001, 5_000, 20_000]));
}

/** One hostile value. */
export function hostileValue(random: Random): string {
  const roll = random.next();
  const atom =
    roll < 0.25
      ? random.pick(WRONG_TYPES)
      : roll < 0.45
        ? random.pick(UNICODE)
        : roll < 0.85
          ? random.pick(INJECTIONS)
          : huge(random);
  const glue = random.next();
  if (glue < 0.6) return atom;
  if (glue < 0.8) return `${random.pick(PLAIN)} ${atom}`;
  return atom + random.pick([...INJECTIONS, ...UNICODE]);
}

export type Fields = [name: string, value: string][];

/**
 * A variant of a valid submission: one field changed, dropped, repeated,
 * or an unknown field added; now and then two changes at once.
 */
export function mutate(fields: Fields, random: Random): { fields: Fields; change: string } {
  const result: Fields = fields.map(([name, value]) => [name, value]);
  const changes: string[] = [];
  const rounds = random.next() < 0.2 ? 2 : 1;
  for (let round = 0; round < rounds; round += 1) {
    const kind = result.length === 0 ? 3 : random.int(10);
    const index = random.int(result.length);
    const name = result[index]?.[0] ?? "";
    if (kind <= 5) {
      const value = hostileValue(random);
      result[index] = [name, value];
      changes.push(`${name}=${describe(value)}`);
    } else if (kind === 6) {
      result.splice(index, 1);
      changes.push(`without ${name}`);
    } else if (kind === 7) {
      const copies = random.pick([2, 50, 1_000]);
      for (let copy = 1; copy < copies; copy += 1)
        result.push([name, random.pick(copies > 2 ? INJECTIONS : [hostileValue(random)])]);
      changes.push(`${name} ×${copies}`);
    } else {
      const extra = random.pick([
        "__proto__",
        "constructor",
        "role",
        "status",
        "verified",
        "authorId",
        "id",
        "intent",
        "_data",
        hostileValue(random).slice(0, 40),
      ]);
      result.push([extra, hostileValue(random)]);
      changes.push(`+${describe(extra)}`);
    }
  }
  return { fields: result, change: changes.join(", ") };
}

/** A short, printable description of a value for failure messages. */
export function describe(value: string) {
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return value.length > 40 ? `${shown}(${value.length} chars)` : shown;
}
