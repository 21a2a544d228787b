import { describe, expect, test } from "vitest";
import { useBrowser } from "./browser";

/** The directory from the keyboard alone, at desktop size (filters beside the results). */
const { openPage } = useBrowser();
type Page = import("playwright-core").Page;

const focused = (page: Page) =>
  page.evaluate(() => ({ id: document.activeElement?.id ?? "", tag: document.activeElement?.tagName ?? "" }));

describe("the directory from the keyboard", () => {
  test("Space on a facet filters at once and leaves focus on that checkbox, on and off", async () => {
    const page = await openPage({ viewport: { width: 1366, height: 900 } });
    // After hydration: a key pressed while React 18 is still hydrating can abort it (error #345).
    await page.goto("/directory", { waitUntil: "networkidle" });
    const box = page.locator("#facet-kind-lab");
    await box.focus();
    await page.keyboard.press("Space");
    await page.waitForURL(/kind=lab/);
    await expect.poll(() => page.locator("section[aria-busy]").getAttribute("aria-busy")).toBe("false");
    await expect.poll(() => focused(page)).toEqual({ id: "facet-kind-lab", tag: "INPUT" });
    expect(await box.isChecked()).toBe(true);

    await page.keyboard.press("Space");
    await page.waitForURL((url) => !url.search.includes("kind=lab"));
    await expect.poll(() => page.locator("section[aria-busy]").getAttribute("aria-busy")).toBe("false");
    await expect.poll(() => focused(page)).toEqual({ id: "facet-kind-lab", tag: "INPUT" });
    expect(await box.isChecked()).toBe(false);
  });

  test("a skip link a few Tabs after the search box leads to the first result", async () => {
    const page = await openPage({ viewport: { width: 1366, height: 900 } });
    await page.goto("/directory?q=vat+lieu", { waitUntil: "networkidle" });
    await page.getByLabel("Từ khóa").focus();
    let presses = 0;
    while (presses < 4 && !/tới kết quả/i.test(await page.evaluate(() => document.activeElement?.textContent ?? ""))) {
      await page.keyboard.press("Tab");
      presses += 1;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toMatch(/tới kết quả/i);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    const first = await page
      .getByRole("listitem")
      .getByRole("article")
      .first()
      .getByRole("link")
      .first()
      .getAttribute("href");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe(first);
  });
});
