import { describe, expect, test } from "vitest";
import { MAX_FORM_FIELDS, readForm, safeRedirectPath } from "./misc";

describe("safeRedirectPath", () => {
  test.each([
    ["/directory?q=a", "/directory?q=a"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["/%0A/evil", "/%0A/evil"],
    ["/\n/evil.example", "/"],
    ["https://evil.example", "/"],
    ["", "/"],
  ])("%j → %j", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });
});

describe("readForm", () => {
  test("reads forms and refuses other bodies with a 4xx", async () => {
    const form = new Request("http://x/", { method: "POST", body: new URLSearchParams({ a: "1" }) });
    expect((await readForm(form)).get("a")).toBe("1");
    const json = new Request("http://x/", {
      method: "POST",
      body: "{}",
      headers: { "Content-Type": "application/json" },
    });
    await expect(readForm(json)).rejects.toMatchObject({ status: 415 });
    const empty = new Request("http://x/", { method: "POST" });
    await expect(readForm(empty)).rejects.toMatchObject({ status: 415 });
  });

  test("caps the number of fields: the cap is read, one more is a 413 in both languages", async () => {
    const fields = (count: number) => Array.from({ length: count }, (_, index) => `f${index}=`).join("&");
    const post = (body: string | FormData) =>
      new Request("http://x/", {
        method: "POST",
        body,
        headers: typeof body === "string" ? { "Content-Type": "application/x-www-form-urlencoded" } : {},
      });
    expect([...(await readForm(post(fields(MAX_FORM_FIELDS)))).keys()]).toHaveLength(MAX_FORM_FIELDS);
    const refused = await readForm(post(fields(MAX_FORM_FIELDS + 1))).catch((error: Response) => error);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(413);
    expect(await (refused as Response).text()).toContain("too many fields (1000 at most)");
    const multipart = new FormData();
    for (let index = 0; index <= MAX_FORM_FIELDS; index++) multipart.append(`f${index}`, "");
    await expect(readForm(post(multipart))).rejects.toMatchObject({ status: 413 });
  });
});
