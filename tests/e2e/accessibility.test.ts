import { describe, expect, test } from "vitest";
import { axeViolations } from "./axe";
import { useBrowser } from "./browser";

/**
 * axe-core's WCAG 2.1 A/AA rules on each kind of page, in both languages and on
 * a phone. Any serious or critical violation fails.
 */
const { openPage } = useBrowser();

async function violations(url: string, options: { mobile?: boolean } = {}) {
  // axe is injected as a script: bypass the page's CSP for it.
  const page = await openPage({
    bypassCSP: true,
    ...(options.mobile ? { viewport: { width: 390, height: 844 }, isMobile: true } : {}),
  });
  await page.goto(url, { waitUntil: "networkidle" });
  return axeViolations(page);
}

describe("accessibility (axe, WCAG 2.1 AA)", () => {
  test.each([
    ["/"],
    ["/directory?q=vat+lieu&kind=lab"],
    ["/directory?kind=spaceship"],
    ["/organizations/hust"],
    ["/no/such/page"],
    // The overseas experts network and the facet (docs/decisions/076)
    ["/experts/overseas"],
    ["/experts?based=abroad"],
  ])("%s has no serious violations", async (url) => {
    expect(await violations(url)).toEqual([]);
  });

  test("nor on a phone", async () => {
    expect(await violations("/directory?q=materials", { mobile: true })).toEqual([]);
  });

  test("the keyboard reaches the skip link first and it jumps to the content", async () => {
    const page = await openPage();
    // After hydration: a key pressed while React 18 is still hydrating can abort it (error #345).
    await page.goto("/directory", { waitUntil: "networkidle" });
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe("Bỏ qua, đến nội dung chính");
    await page.keyboard.press("Enter");
    // The browser moves to the fragment after the key press returns: wait for it.
    await expect.poll(() => page.url()).toMatch(/#main$/);
  });
});
