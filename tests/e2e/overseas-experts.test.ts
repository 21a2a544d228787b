import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { useBrowser } from "./browser";
import { htmlProblems } from "./html-validate";
import { portalDb, signInAs } from "./fixtures";
import { makeResearcher } from "./world";

/**
 * Overseas experts (docs/decisions/076), on a phone in Vietnamese without JavaScript: a
 * researcher fills the "Tôi đang làm việc ở nước ngoài" section (a refused form keeps what she
 * chose), her page says where she works and how, the experts list's "Nơi làm việc" facet finds
 * her, and /experts/overseas counts her. SHOTS_DIR=/some/dir saves a screenshot of each step.
 */
const { openPage } = useBrowser();
const PHONE = { width: 360, height: 780 };

/** Each step: fits the phone, valid HTML; a screenshot when asked. */
async function step(page: Page, name: string) {
  await page.waitForLoadState("load");
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} fits the phone`).toBeLessThanOrEqual(
    PHONE.width,
  );
  expect(await htmlProblems(await page.content(), name)).toEqual([]);
  const dir = process.env.SHOTS_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

describe("overseas experts", () => {
  test("a researcher abroad fills the section, her page shows it, the facet finds her, the network counts her", async () => {
    const researcher = await makeResearcher("overseas");
    const { token, slug } = researcher.expert;
    const page = await openPage({ javaScriptEnabled: false, viewport: PHONE, locale: "vi-VN" });
    await signInAs(researcher.id, page.context());

    // Before: the network's count, to see hers added.
    await page.goto("/experts/overseas");
    const countOf = async () =>
      Number((await page.getByTestId("overseas-total").innerText()).match(/^[\d.]+/)![0].replace(/\./g, ""));
    const before = await countOf();

    // A country without the rest: 400, a message at each missing field, her choices kept.
    await page.goto("/me/profile");
    const section = page.getByRole("group", { name: "Tôi đang làm việc ở nước ngoài" });
    await section.getByLabel("Quốc gia nơi làm việc").selectOption("JP");
    await section.getByRole("checkbox", { name: "Tiếng Nhật" }).check();
    const refused = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Lưu và công khai" }).click();
    expect((await refused).status()).toBe(400);
    await page.waitForLoadState("load");
    await expect.poll(() => section.innerText()).toContain("Nhập cơ quan bạn đang làm việc ở nước ngoài.");
    expect(await section.innerText()).toContain("Chọn ít nhất một cách hợp tác với Hà Nội.");
    expect(await section.getByLabel("Quốc gia nơi làm việc").inputValue()).toBe("JP");
    expect(await section.getByRole("checkbox", { name: "Tiếng Nhật" }).isChecked()).toBe(true);
    await step(page, "01-profile-refused");
    // The section alone, to look at its messages on a phone.
    if (process.env.SHOTS_DIR)
      await section.screenshot({ path: path.join(process.env.SHOTS_DIR, "01-profile-refused-section.png") });

    // Completed: saved and public.
    await section.getByLabel("Cơ quan, trường, viện ở nước ngoài").fill("Đại học ví dụ Kyoto");
    await section.getByRole("checkbox", { name: "Tư vấn từ xa" }).check();
    await section.getByRole("checkbox", { name: "Dự án nghiên cứu chung" }).check();
    await section.getByRole("checkbox", { name: "Tiếng Việt" }).check();
    const saved = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Lưu và công khai" }).click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => page.getByText("Hồ sơ đã được công khai.").isVisible()).toBe(true);

    // Her page.
    await page.goto(`/experts/${slug}`);
    const overseas = page.getByTestId("overseas");
    expect(await overseas.innerText()).toContain("Chuyên gia ở nước ngoài · Nhật Bản, Đại học ví dụ Kyoto");
    expect(await overseas.innerText()).toContain("Tư vấn từ xa, Dự án nghiên cứu chung");
    expect(await overseas.innerText()).toContain("Tiếng Việt, Tiếng Nhật");
    await step(page, "02-expert-page");

    // The facet, as a form without JavaScript: "Ở nước ngoài", then the country.
    await expect
      .poll(
        async () => {
          await page.goto(`/experts?q=${token}`);
          return page.getByRole("link", { name: researcher.expert.fullName }).count();
        },
        { timeout: 20_000 },
      )
      .toBe(1);
    await page.getByText("Bộ lọc", { exact: true }).click();
    await page.getByRole("checkbox", { name: /^Ở nước ngoài/ }).check();
    await page.getByRole("button", { name: "Áp dụng bộ lọc" }).click();
    await page.waitForLoadState("load");
    await expect.poll(() => new URL(page.url()).searchParams.getAll("based")).toEqual(["abroad"]);
    await expect.poll(() => page.getByRole("link", { name: researcher.expert.fullName }).count()).toBe(1);
    expect(await page.getByText("Ở nước ngoài: Nhật Bản").count()).toBe(1);
    await page.getByRole("checkbox", { name: /^Nhật Bản/ }).check();
    await page.getByRole("button", { name: "Áp dụng bộ lọc" }).click();
    await page.waitForLoadState("load");
    await expect.poll(() => new URL(page.url()).searchParams.getAll("country")).toEqual(["JP"]);
    expect(await page.getByRole("link", { name: researcher.expert.fullName }).count()).toBe(1);
    await step(page, "03-experts-facet");
    // At home only: not her.
    await page.goto(`/experts?q=${token}&based=domestic`);
    expect(await page.getByRole("link", { name: researcher.expert.fullName }).count()).toBe(0);

    // The network: counted, Japan among the countries, her card in the list.
    await page.goto("/experts/overseas");
    expect(await countOf()).toBe(before + 1);
    expect(await page.getByTestId("overseas-by-country").innerText()).toContain("Nhật Bản");
    await page.goto(`/experts/overseas?q=${token}`);
    expect(await page.getByRole("link", { name: researcher.expert.fullName }).count()).toBe(1);
    await page.goto("/experts/overseas");
    await step(page, "04-overseas-network");
  });

  test("with JavaScript, the pages that name countries and languages hydrate without a mismatch", async () => {
    // The browser's own ICU names some countries differently from Node's: the names come from one
    // table (app/domain/overseas-names.ts), and a hydration error would fail this test (console.error).
    const researcher = await makeResearcher("overseas-js");
    await portalDb().expertProfile.update({
      where: { id: researcher.expert.id },
      data: { country: "IT", institutionAbroad: "Ví dụ", workModes: "visits", languages: "it\nvi" },
    });
    const page = await openPage({ viewport: PHONE, locale: "vi-VN" });
    await signInAs(researcher.id, page.context());
    for (const url of [
      "/me/profile",
      `/experts/${researcher.expert.slug}`,
      "/experts/overseas",
      "/experts?based=abroad",
    ]) {
      await page.goto(url, { waitUntil: "networkidle" });
    }
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Chuyên gia");
  });
});
