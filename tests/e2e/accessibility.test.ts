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

// Agreements and the officials' indicators (docs/decisions/074, 075): signed-in pages, on a phone.
describe("accessibility of agreements and indicators", () => {
  test("the indicators, their report, a thread's agreements and /me/agreements have no serious violations", async () => {
    const { makeAgreement, makeConversation, makeUser } = await import("../factories");
    const { signInAs } = await import("./fixtures");
    const official = await makeUser({ label: "curator", role: "curator", password: null });
    const member = await makeUser({ label: "a11y-member", password: null });
    const other = await makeUser({ label: "a11y-other", password: null });
    const conversation = await makeConversation({ kind: "inquiry", starterId: member.id, owner: { userId: other.id } });
    await makeAgreement(conversation.id, { recordedById: member.id, status: "pending", note: "Ghi chú" });
    await makeAgreement(conversation.id, { recordedById: other.id, type: "consulting" });
    const check = async (userId: string, url: string) => {
      const page = await openPage({
        bypassCSP: true,
        viewport: { width: 360, height: 800 },
        isMobile: true,
        locale: "vi-VN",
      });
      await signInAs(userId, page.context());
      await page.goto(url, { waitUntil: "networkidle" });
      // The record form is folded away: open it so its fields are checked too.
      await page.evaluate(() => document.querySelector("#agreements details")?.setAttribute("open", ""));
      return axeViolations(page);
    };
    expect(await check(official.id, "/admin/indicators")).toEqual([]);
    expect(await check(official.id, "/admin/indicators/report?quarter=2026-Q4")).toEqual([]);
    expect(await check(member.id, `/messages/${conversation.id}`)).toEqual([]);
    expect(await check(member.id, "/me/agreements")).toEqual([]);
  });
});
