import { describe, expect, inject, test } from "vitest";
import { useBrowser } from "./browser";
import { httpClient } from "./http-client";

/**
 * Which language a page speaks: a shared `?lang=` link, the browser's preference on a
 * first visit, and the links that tell search engines about the other language.
 */
const { openPage } = useBrowser();

describe("the interface language", () => {
  test("a shared ?lang=en link stays in English on the next click, as the switch does", async () => {
    const page = await openPage({ locale: "vi-VN" });
    await page.goto("/directory?lang=en");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByRole("link", { name: "Hanoi Innovation Network" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto("/experts"); // a new page, its address without ?lang=
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
  });

  test("a first visit from an English browser gets English; a Vietnamese or other browser Vietnamese", async () => {
    const english = await openPage({ locale: "en-GB" });
    await english.goto("/");
    expect(await english.locator("html").getAttribute("lang")).toBe("en");
    const french = await openPage({ locale: "fr-FR" });
    await french.goto("/");
    expect(await french.locator("html").getAttribute("lang")).toBe("vi");
    // The reader's choice (the switch's cookie) wins over the browser's preference.
    await english
      .getByRole("button", { name: /Tiếng Việt/ })
      .first()
      .click();
    await expect.poll(() => english.locator("html").getAttribute("lang")).toBe("vi");
    await english.goto("/experts");
    expect(await english.locator("html").getAttribute("lang")).toBe("vi");
  });

  test("kept directory answers follow the language served, Accept-Language included", async () => {
    const address = `/directory.data?q=vat+lieu+${Date.now()}&_routes=routes/directory`;
    const ask = (acceptLanguage?: string) =>
      fetch(`${inject("baseURL")}${address}`, {
        headers: acceptLanguage ? { "Accept-Language": acceptLanguage } : {},
      }).then((r) => r.text());
    const inEnglish = await ask("en-US,en;q=0.9");
    const again = await ask("en-US,en;q=0.9"); // kept now
    const inVietnamese = await ask();
    expect(again).toBe(inEnglish);
    expect(inVietnamese).not.toBe(inEnglish);
    expect(inEnglish).toContain('"en"');
    expect(inVietnamese).toContain('"vi"');
  });

  test("alternate-language links are absolute, built from the portal's address", async () => {
    const html = await (await httpClient().get("/directory?q=nano")).text();
    const base = inject("baseURL");
    expect(html).toContain(`<link rel="alternate" hrefLang="vi" href="${base}/directory?q=nano&amp;lang=vi"/>`);
    expect(html).toContain(`<link rel="alternate" hrefLang="en" href="${base}/directory?q=nano&amp;lang=en"/>`);
  });
});
