import { describe, expect, test } from "vitest";
import { readForm, safeRedirectPath } from "./misc";

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
    const json = new Request("http://x/", { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } });
    await expect(readForm(json)).rejects.toMatchObject({ status: 415 });
    const empty = new Request("http://x/", { method: "POST" });
    await expect(readForm(empty)).rejects.toMatchObject({ status: 415 });
  });
});
