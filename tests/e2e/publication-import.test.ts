import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { useBrowser } from "./browser";
import { htmlProblems } from "./html-validate";
import { portalDb, signInAs } from "./fixtures";
import { makeResearcher } from "./world";

/**
 * A researcher fills her publications without typing them (issue 20), on a phone in
 * Vietnamese without JavaScript: a broken file is refused with the line at fault, a
 * Google Scholar BibTeX file goes through the preview (one entry unticked), a Scopus
 * RIS file merges the paper she has; the public page shows authors, venue, year and
 * DOI links, and her ORCID iD. Then the yearly "still accurate" confirmation.
 * SHOTS_DIR=/some/dir saves a screenshot of each step.
 */
const { openPage } = useBrowser();
const PHONE = { width: 360, height: 780 };
const fixture = (name: string) => path.join(__dirname, "../fixtures", name);

/** Each step: fits the phone, valid HTML; a screenshot when asked. */
async function step(page: Page, name: string) {
  // The page is streamed: its text can be there before its last form's buttons are.
  await page.waitForLoadState("load");
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} fits the phone`).toBeLessThanOrEqual(
    PHONE.width,
  );
  expect(await htmlProblems(await page.content(), name)).toEqual([]);
  const dir = process.env.SHOTS_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

describe("publications from a file", () => {
  test("a researcher imports BibTeX and RIS through the preview and sees them on her public page", async () => {
    const researcher = await makeResearcher("pubs");
    const page = await openPage({ javaScriptEnabled: false, viewport: PHONE, locale: "vi-VN" });
    await signInAs(researcher.id, page.context());
    await page.goto("/me/profile");
    await expect.poll(() => page.getByRole("heading", { name: "Nhập từ tệp BibTeX hoặc RIS" }).isVisible()).toBe(true);

    // A broken file: 400, the line at fault, nothing written.
    await page.getByLabel("Tệp .bib, .ris hoặc .txt (tối đa 2 MB)").setInputFiles({
      name: "hong.bib",
      mimeType: "text/plain",
      buffer: Buffer.from("@article{a,\n  title={Chưa đóng\n"),
    });
    const refused = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Xem trước" }).click();
    expect((await refused).status()).toBe(400);
    await expect.poll(() => page.getByRole("alert").innerText()).toMatch(/Tệp BibTeX bị lỗi ở dòng \d+/);
    await step(page, "01-import-refused");

    // More entries than one file may bring: 400, the limit said.
    const many = Array.from({ length: 301 }, (_, i) => `@article{a${i}, title={Bài báo số ${i}}, year={2020}}`);
    await page
      .getByLabel("Tệp .bib, .ris hoặc .txt (tối đa 2 MB)")
      .setInputFiles({ name: "nhieu.bib", mimeType: "text/plain", buffer: Buffer.from(many.join("\n")) });
    const tooMany = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Xem trước" }).click();
    expect((await tooMany).status()).toBe(400);
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("Tệp có hơn 300 công bố");
    expect(await portalDb().expertLink.count({ where: { expertId: researcher.expert.id } })).toBe(0);

    await page.getByLabel("Tệp .bib, .ris hoặc .txt (tối đa 2 MB)").setInputFiles(fixture("scholar-nguyen.bib"));
    await page.getByRole("button", { name: "Xem trước" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Tìm thấy 3 công bố trong tệp" }).isVisible()).toBe(true);
    expect(await page.getByText("Nguyễn, Thị Lan; Trần, Văn Minh; Müller, Jörg").isVisible()).toBe(true);
    await page.getByRole("checkbox", { name: /A low-cost IoT sensor network/ }).uncheck();
    await step(page, "02-import-preview");
    await page.getByRole("button", { name: "Nhập các mục đã chọn" }).click();
    await expect.poll(() => page.getByText("Đã thêm 2 công bố.").isVisible()).toBe(true);
    await step(page, "03-imported");

    // Scopus lists the rice paper again: marked, and merged rather than added.
    await page.getByLabel("Tệp .bib, .ris hoặc .txt (tối đa 2 MB)").setInputFiles(fixture("scopus-nguyen.ris"));
    await page.getByRole("button", { name: "Xem trước" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Tìm thấy 3 công bố trong tệp" }).isVisible()).toBe(true);
    const rice = page.getByRole("listitem").filter({ hasText: "Drought tolerance of Vietnamese rice landraces" });
    expect(await rice.getByText("đã có", { exact: true }).isVisible()).toBe(true);
    await step(page, "04-import-preview-listed");
    // Nothing ticked: 400, the same preview with the boxes as they were.
    for (const box of await page.getByRole("checkbox").all()) await box.uncheck();
    const nothing = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Nhập các mục đã chọn" }).click();
    expect((await nothing).status()).toBe(400);
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("Bạn chưa chọn mục nào");
    expect(await page.getByRole("checkbox", { checked: true }).count()).toBe(0);
    // The refused page is streamed: the whole form before it is sent again.
    await page.waitForLoadState("load");
    for (const box of await page.getByRole("checkbox").all()) await box.check();
    const merged = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Nhập các mục đã chọn" }).click();
    expect((await merged).status()).toBeLessThan(400);
    await expect.poll(() => page.getByText("Đã thêm 2 công bố, gộp 1 mục trùng với mục đã có.").isVisible()).toBe(true);
    expect(await portalDb().expertLink.count({ where: { expertId: researcher.expert.id } })).toBe(4);

    // The ORCID iD: a wrong check digit is refused on its field, the right one saved.
    const orcid = page.getByLabel("Mã ORCID iD");
    await orcid.fill("0000-0002-1825-0098");
    await page.getByRole("button", { name: "Lưu và công khai" }).click();
    await expect.poll(() => page.getByText("Mã ORCID iD không đúng", { exact: false }).isVisible()).toBe(true);
    expect(await page.getByLabel("Mã ORCID iD").inputValue()).toBe("0000-0002-1825-0098");
    await step(page, "05-orcid-refused");
    await page.getByLabel("Mã ORCID iD").fill("https://orcid.org/0000-0002-1825-0097");
    await page.getByRole("button", { name: "Lưu và công khai" }).click();
    await expect
      .poll(
        async () => (await portalDb().expertProfile.findUniqueOrThrow({ where: { id: researcher.expert.id } })).orcid,
      )
      .toBe("0000-0002-1825-0097");

    await page.goto(`/experts/${researcher.expert.slug}`);
    await expect
      .poll(() => page.getByText("Tuyển chọn chủng vi khuẩn lactic từ nem chua Hà Nội").isVisible())
      .toBe(true);
    expect(await page.getByText("Nguyễn, Thị Lan; Trần, Văn Minh; Müller, Jörg").isVisible()).toBe(true);
    expect(await page.getByText("Tạp chí Khoa học và Công nghệ, 2021").isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "DOI 10.1016/j.fcr.2020.107863" }).getAttribute("href")).toBe(
      "https://doi.org/10.1016/j.fcr.2020.107863",
    );
    expect(await page.getByText("A low-cost IoT sensor network", { exact: false }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "ORCID iD 0000-0002-1825-0097" }).getAttribute("href")).toBe(
      "https://orcid.org/0000-0002-1825-0097",
    );
    await step(page, "06-expert-page");
  });

  test("a stale profile asks to be confirmed; confirming clears the warning", async () => {
    const researcher = await makeResearcher("stale");
    await portalDb().expertProfile.update({
      where: { id: researcher.expert.id },
      data: { staleSince: new Date(), hiddenAt: new Date() },
    });
    const page = await openPage({ javaScriptEnabled: false, viewport: PHONE, locale: "vi-VN" });
    await signInAs(researcher.id, page.context());
    await page.goto(`/experts/${researcher.expert.slug}`);
    await expect.poll(() => page.getByText("Chỉ mình bạn thấy trang này", { exact: false }).isVisible()).toBe(true);
    await page.goto("/me/profile");
    await expect.poll(() => page.getByText("Hồ sơ của bạn đang bị ẩn", { exact: false }).isVisible()).toBe(true);
    await step(page, "07-profile-hidden");
    await page.getByRole("button", { name: "Xác nhận hồ sơ vẫn đúng" }).click();
    await expect.poll(() => page.getByText("Cảm ơn bạn: hồ sơ đã được xác nhận").isVisible()).toBe(true);
    expect(await page.getByText("Hồ sơ của bạn đang bị ẩn", { exact: false }).count()).toBe(0);
    await step(page, "08-profile-confirmed");
    expect(await portalDb().expertProfile.findUniqueOrThrow({ where: { id: researcher.expert.id } })).toMatchObject({
      staleSince: null,
      hiddenAt: null,
    });
  });
});
