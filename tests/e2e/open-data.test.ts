import { describe, expect, test } from "vitest";
import { makeUser } from "../factories";
import { signInAs } from "./fixtures";
import { httpClient } from "./http-client";

/** What a reuser of the open data learns from the files themselves: the licence (CC BY 4.0). */
const CC_BY = "https://creativecommons.org/licenses/by/4.0/";

describe("open data names its licence", () => {
  test("the organizations export, as JSON and CSV", async () => {
    const json = await httpClient().get("/export/organizations.json");
    expect(json.status).toBe(200);
    expect(((await json.json()) as { license: unknown }).license).toEqual({ name: "CC BY 4.0", url: CC_BY });
    expect(json.headers.get("link")).toBe(`<${CC_BY}>; rel="license"`);

    const csv = await httpClient().get("/export/organizations.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("link")).toBe(`<${CC_BY}>; rel="license"`);
    // The CSV keeps the import's columns: no licence line inside it.
    expect((await csv.text()).split("\n")[0]).toMatch(/^slug,kind,/);
  });

  test("public chart downloads do, officials' charts (not published) do not", async () => {
    const chart = await httpClient().get("/ecosystem/data/kinds?format=json");
    expect(((await chart.json()) as { license?: unknown }).license).toEqual({ name: "CC BY 4.0", url: CC_BY });
    expect((await httpClient().get("/ecosystem/data/kinds?format=csv")).headers.get("link")).toBe(
      `<${CC_BY}>; rel="license"`,
    );

    const official = await makeUser({ role: "curator" });
    const internal = await httpClient({ cookie: await signInAs(official.id) }).get(
      "/ecosystem/data/curators?format=json",
    );
    expect(internal.status).toBe(200);
    expect(((await internal.json()) as { license?: unknown }).license).toBeUndefined();
    expect(internal.headers.get("link")).toBeNull();
  });
});
