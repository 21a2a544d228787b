import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { MAX_IMPORT_ROWS } from "./columns";
import { MAX_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_JSON_DEPTH, parseImportFile } from "./parse";

/** A file given as a stream that counts how much of it was read. */
function counted(chunks: string[]) {
  const state = { read: 0 };
  const stream = Readable.from(
    (function* () {
      for (const chunk of chunks) {
        state.read++;
        yield Buffer.from(chunk);
      }
    })(),
  );
  return { stream, state };
}

const key = async (name: string, input: Readable | string) => {
  const parsed = await parseImportFile(name, input);
  return parsed.ok ? `ok ${parsed.rows.length}` : parsed.problem.key;
};

describe("parseImportFile", () => {
  test("reads CSV and JSON rows, split across chunks anywhere (even inside a character)", async () => {
    const csv = Buffer.from('kind,nameVi\nlab,Phòng Đại\ninstitute,"Viện, Hà Nội"\n');
    const pieces = Array.from(csv).map((byte) => Buffer.from([byte]));
    const parsed = await parseImportFile("x.csv", Readable.from(pieces));
    expect(parsed).toEqual({
      ok: true,
      rows: [
        { kind: "lab", nameVi: "Phòng Đại" },
        { kind: "institute", nameVi: "Viện, Hà Nội" },
      ],
    });
    const json = JSON.stringify({ data: [{ kind: "lab", nameVi: "Phòng", fields: ["a", "b"] }] });
    expect(await parseImportFile("x.json", Readable.from([...json].map((char) => Buffer.from(char))))).toEqual({
      ok: true,
      rows: [{ kind: "lab", nameVi: "Phòng", fields: "a;b" }],
    });
  });

  test("stops at the row limit + 1, without reading the rest of the file", async () => {
    const rows = (count: number) => "lab,a\n".repeat(count);
    expect(await key("x.csv", `kind,nameVi\n${rows(MAX_IMPORT_ROWS)}`)).toBe(`ok ${MAX_IMPORT_ROWS}`);
    const csv = counted([
      `kind,nameVi\n${rows(MAX_IMPORT_ROWS + 1)}`,
      ...Array.from({ length: 1_000 }, () => rows(1_000)),
    ]);
    expect(await key("x.csv", csv.stream)).toBe("import.file.tooManyRows");
    expect(csv.state.read).toBeLessThan(10);
    const json = counted(["[", ...Array.from({ length: 10_000 }, () => '{"kind":"lab"},'.repeat(100))]);
    expect(await key("x.json", json.stream)).toBe("import.file.tooManyRows");
    expect(json.state.read).toBeLessThan(1_200);
  });

  test("refuses deep nesting, too many columns and long cells as a whole", async () => {
    const deep = counted(Array.from({ length: 1_000 }, () => "[".repeat(1_000)));
    expect(await key("x.json", deep.stream)).toBe("import.file.tooDeep");
    expect(deep.state.read).toBe(1);
    expect(await key("x.json", `${"[".repeat(MAX_JSON_DEPTH - 1)}${"]".repeat(MAX_JSON_DEPTH - 1)}`)).not.toBe(
      "import.file.tooDeep",
    );
    // Brackets inside strings are text.
    expect(await key("x.json", JSON.stringify([{ kind: "lab", nameVi: "[[[[[[[[[[[[" }]))).toBe("ok 1");
    const wide = Array.from({ length: MAX_IMPORT_COLUMNS + 1 }, (_, index) => `c${index}`).join(",");
    expect(await key("x.csv", `${wide}\n`)).toBe("import.file.tooManyColumns");
    expect(
      await key("x.json", JSON.stringify([Object.fromEntries(wide.split(",").map((column) => [column, 1]))])),
    ).toBe("import.file.tooManyColumns");
    expect(await key("x.csv", `kind,nameVi\nlab,${"a".repeat(MAX_CELL_CHARS + 1)}\n`)).toBe("import.file.cellTooLong");
    expect(await key("x.json", JSON.stringify([{ kind: "lab", nameVi: "a".repeat(MAX_CELL_CHARS + 1) }]))).toBe(
      "import.file.cellTooLong",
    );
  });

  test("refuses what is not a list of objects", async () => {
    for (const text of ["[{]", '{"not": "a list"}', "[1]", '"text"', "[{}", "[{}] trailing"])
      expect(await key("x.json", text), text).toBe("import.file.malformed");
  });
});
