import { describe, expect, test } from "vitest";
import { useBrowser } from "./browser";
import { makeUser } from "../factories";
import { portalDb, signInAs } from "./fixtures";

/**
 * The site's header on a phone: one compact row, and a menu whose every item lies
 * on the screen and can be clicked, in Vietnamese (the longer site name) and English,
 * signed out and in (with the unread badge).
 */
const { openPage } = useBrowser();
type Page = import("playwright-core").Page;

const MENU = { vi: "Trình đơn", en: "Menu" } as const;

/** True when the point at the box's centre belongs to the element (nothing covers it). */
async function clickableInside(page: Page, width: number, height: number) {
  return page.locator("header nav a:visible, header nav button:visible").evaluateAll(
    (elements, [w, h]) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return {
          item: (element.textContent ?? "").trim(),
          inside: box.left >= 0 && box.right <= w! && box.top >= 0 && box.bottom <= h! && box.width > 0,
          clickable: hit !== null && (hit === element || element.contains(hit)),
        };
      }),
    [width, height],
  );
}

describe("the header on a phone", () => {
  for (const width of [320, 360, 390]) {
    for (const lang of ["vi", "en"] as const) {
      for (const signedIn of [false, true]) {
        test(`${width} px, ${lang}, ${signedIn ? "signed in" : "signed out"}: one row, every menu item on screen and clickable`, async () => {
          const height = 740;
          const page = await openPage({ viewport: { width, height } });
          if (signedIn) {
            const user = await makeUser();
            await portalDb().notification.create({
              data: {
                userId: user.id,
                type: "status",
                data: JSON.stringify({ key: "notify.message", params: { name: "A", title: "B" } }),
                url: "/",
              },
            });
            await signInAs(user.id, page.context());
          }
          await page.goto(`/?lang=${lang}`);
          const brand = (await page.locator("header a[href='/']").first().boundingBox())!;
          const menu = page.locator("header summary", { hasText: MENU[lang] });
          const button = (await menu.boundingBox())!;
          // One row: the menu button sits beside the site's name, not under it.
          expect(button.y).toBeLessThan(brand.y + brand.height);
          expect(button.x + button.width).toBeLessThanOrEqual(width);
          if (signedIn) expect(await menu.innerText()).toContain("1"); // the unread count, even while closed

          await menu.click();
          const items = await clickableInside(page, width, height);
          expect(items.length).toBeGreaterThanOrEqual(signedIn ? 7 : 6);
          expect(items.filter((item) => !item.inside || !item.clickable)).toEqual([]);
          expect(items.map((item) => item.item).join(" ")).toMatch(lang === "vi" ? /English/ : /Tiếng Việt/);
        });
      }
    }
  }
  test("following a link in the menu closes it: the next page is not covered", async () => {
    const page = await openPage({ viewport: { width: 390, height: 844 } });
    await page.goto("/");
    await page.locator("header summary", { hasText: MENU.vi }).click();
    const menu = page.getByRole("navigation", { name: MENU.vi });
    await menu.getByRole("link", { name: "Chuyên gia" }).click();
    await page.waitForURL(/\/experts$/);
    await expect.poll(() => menu.isVisible()).toBe(false);
  });
});
