import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, test } from "vitest";
import { lintOpenApi, problemLines } from "../../tests/setup/redocly-lint";
import { API_PATHS, openApiDocument } from "./openapi";

const doc = openApiDocument("https://innovation.hanoi.gov.vn");

/** Every `$ref` string anywhere in a value. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) =>
      key === "$ref" && typeof item === "string" ? [item] : refs(item),
    );
  }
  return [];
}

function resolve(pointer: string): unknown {
  return pointer
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc);
}

describe("the OpenAPI document", () => {
  test("every $ref points at something", () => {
    const missing = refs(doc).filter((ref) => !ref.startsWith("#/") || resolve(ref) === undefined);
    expect(missing).toEqual([]);
  });

  test("every schema compiles as strict JSON Schema 2020-12 (what OpenAPI 3.1 uses)", () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    addFormats(ajv);
    ajv.addVocabulary(["openapi", "info", "servers", "tags", "paths", "components"]);
    ajv.addSchema(doc, "openapi.json");
    for (const name of Object.keys(doc.components.schemas)) {
      expect(() => ajv.getSchema(`openapi.json#/components/schemas/${name}`), name).not.toThrow();
    }
  });

  test("describes exactly the API's route modules", () => {
    const routes = fs
      .readdirSync(path.resolve(import.meta.dirname, "../routes"))
      .filter((file) => file.startsWith("api.v1.") && file !== "api.v1.$.ts")
      .map(
        (file) =>
          `/${file
            .replace(/^api\.v1\./, "")
            .replace(/\.ts$/, "")
            .replace(/\[\.\]/g, "\u0000")
            .split(".")
            .map((part) => (part.startsWith("$") ? `{${part.slice(1)}}` : part))
            .join("/")
            .replace(/\u0000/g, ".")}`,
      );
    expect(routes.sort()).toEqual([...API_PATHS].sort());
    expect(Object.keys(doc.paths).sort()).toEqual([...API_PATHS].sort());
  });

  test("every operation declares its parameters and the error responses", () => {
    for (const [pathName, item] of Object.entries(doc.paths) as [
      string,
      { get: { parameters: { $ref: string }[]; responses: Record<string, unknown> } },
    ][]) {
      const names = item.get.parameters.map((parameter) => (resolve(parameter.$ref) as { name: string }).name);
      for (const placeholder of pathName.match(/\{(\w+)\}/g) ?? []) expect(names).toContain(placeholder.slice(1, -1));
      expect(Object.keys(item.get.responses)).toEqual(expect.arrayContaining(["200", "400", "429", "default"]));
      if (pathName.includes("{")) expect(Object.keys(item.get.responses)).toContain("404");
    }
  });

  test("lints clean with Redocly's recommended rules, every one of them: no error, no warning", async () => {
    const report = await lintOpenApi(JSON.stringify(doc));
    expect(problemLines(report)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);

  test("names no e-mail address (not even a contact)", () => {
    expect(JSON.stringify(doc)).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });
});
