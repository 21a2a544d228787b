import { expect, test } from "vitest";
import { useBrowser } from "./browser";
import { signInAs } from "./fixtures";
import { makeUser } from "../factories";

const { openPage } = useBrowser();

/** The desktop header (1280 px and wider) keeps every link of an official on one row, in both languages. */
test("the desktop header is one row for a signed-in official, in Vietnamese and English", async () => {
  const admin = await makeUser({ role: "admin" });
  for (const lang of ["vi", "en"]) {
    for (const width of [1280, 1440]) {
      const page = await openPage({ viewport: { width, height: 800 } });
      await signInAs(admin.id, page.context());
      await page.goto(`/directory?lang=${lang}`);
      const header = await page.evaluate(() => document.querySelector("header")!.getBoundingClientRect().height);
      expect(header, `${lang} ${width}`).toBeLessThan(80);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${lang} ${width}`).toBeLessThanOrEqual(
        width,
      );
      // The mark still names the portal, for screen readers and as the link's name.
      await expect(
        page
          .getByRole("link", { name: lang === "vi" ? "Mạng lưới Đổi mới sáng tạo Hà Nội" : "Hanoi Innovation Network" })
          .count(),
      ).resolves.toBe(1);
      await page.context().close();
    }
  }
});
