import { describe, expect, test } from "vitest";
import { useBrowser } from "./browser";

const { openPage } = useBrowser();

type Page = import("playwright-core").Page;

/** The result cards: articles in the list items (nothing else on the page is one). */
function resultCards(page: Page) {
  return page.getByRole("listitem").getByRole("article");
}

async function resultNames(page: Page) {
  return resultCards(page).getByRole("heading", { level: 2 }).allInnerTexts();
}

/** The results once the page has finished searching (React commits after the URL changes). */
async function settledResults(page: Page) {
  await expect.poll(() => page.locator("section[aria-busy]").getAttribute("aria-busy")).toBe("false");
  return resultNames(page);
}

async function firstResult(page: Page) {
  return (await resultNames(page))[0] ?? "";
}

async function kindBadges(page: Page) {
  // The kind is a plain badge, with no role of its own: the first one on each card.
  return resultCards(page).locator("> div > span:first-child").allInnerTexts();
}

describe("directory, with JavaScript", () => {
  test("searches as you type, keeps the URL in step, and highlights matches", async () => {
    const page = await openPage();
    await page.goto("/directory");
    const historyBefore = await page.evaluate(() => history.length);
    await page.getByLabel("Từ khóa").pressSequentially("bach khao", { delay: 40 });
    await page.waitForURL(/\/directory\?q=bach\+khao$/);
    await expect.poll(() => firstResult(page)).toBe("Đại học Bách khoa Hà Nội (HUST)");
    expect(await page.locator("ol mark").first().innerText()).toMatch(/Bách|khoa/i);
    // Typing adds one history entry (Back returns to the page before typing)…
    expect(await page.evaluate(() => history.length)).toBe(historyBefore + 1);
    await page.getByLabel("Từ khóa").pressSequentially(" ha noi", { delay: 40 });
    await page.waitForURL(/q=bach\+khao\+ha\+noi$/);
    // …and typing more replaces it instead of adding one per pause.
    expect(await page.evaluate(() => history.length)).toBe(historyBefore + 1);
    await expect.poll(() => page.getByRole("status").first().innerText()).toMatch(/kết quả cho “bach khao ha noi”/);
    await page.goBack();
    await page.waitForURL(/\/directory$/);
  });

  test("narrows by a facet, and the count and badges follow", async () => {
    const page = await openPage();
    await page.goto("/directory?q=vat+lieu");
    const before = await resultNames(page);
    const labCount = Number(
      (
        await page
          .getByRole("checkbox", { name: /Phòng thí nghiệm/ })
          .locator("xpath=..")
          .innerText()
      ).match(/(\d+)\s*$/)?.[1],
    );
    expect(labCount).toBeGreaterThan(0);
    await page.getByRole("checkbox", { name: /Phòng thí nghiệm/ }).check();
    await page.waitForURL(/kind=lab/);
    await expect.poll(async () => new Set(await kindBadges(page))).toEqual(new Set(["Phòng thí nghiệm"]));
    expect((await kindBadges(page)).length).toBe(Math.min(labCount, 20));
    await expect.poll(() => page.getByRole("status").first().innerText()).toMatch(new RegExp(`^${labCount} kết quả`));
    // Removing the filter from its chip brings the wider list back.
    await page.getByRole("link", { name: "Bỏ lọc: Phòng thí nghiệm" }).click();
    await page.waitForURL((url) => !url.search.includes("kind=lab"));
    await expect.poll(() => resultNames(page)).toEqual(before);
  });

  test("opens an organization from the results, with its parent and units", async () => {
    const page = await openPage();
    await page.goto("/directory?q=HUST");
    await page
      .getByRole("link", { name: /Đại học Bách khoa Hà Nội/ })
      .first()
      .click();
    await page.waitForURL(/\/organizations\/hust$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toContain("Đại học Bách khoa Hà Nội");
    await expect.poll(() => page.getByRole("heading", { name: /Đơn vị trực thuộc/ }).isVisible()).toBe(true);
    await page.getByRole("link", { name: /Trí tuệ nhân tạo \(BKAI\)/ }).click();
    await page.waitForURL(/\/organizations\/hust-bkai$/);
    await expect.poll(() => page.title()).toContain("BKAI");
    expect(await page.getByRole("navigation", { name: "Đường dẫn" }).innerText()).toContain("HUST");
  });

  test("a shared search URL reopens the same results elsewhere", async () => {
    const page = await openPage();
    await page.goto("/directory");
    await page.getByLabel("Từ khóa").fill("tri tue nhan tao");
    await page.waitForURL(/q=tri\+tue/);
    // The suggestions open over the filters' top: Escape closes them, as a user would.
    const box = page.getByLabel("Từ khóa");
    await expect.poll(() => box.getAttribute("aria-expanded")).toBe("true");
    await box.press("Escape");
    await page.getByRole("checkbox", { name: /Đã xác minh|Chỉ tổ chức đã xác minh/ }).check();
    await page.waitForURL(/verified=1/);
    await page.getByLabel("Sắp xếp").selectOption("name");
    await page.waitForURL(/sort=name/);
    const names = await settledResults(page);
    expect(names.length).toBeGreaterThan(1);
    const shared = page.url();

    const other = await openPage(); // a new browser context: no cookies, no state
    await other.goto(shared);
    expect(await resultNames(other)).toEqual(names);
    expect(await other.getByLabel("Từ khóa").inputValue()).toBe("tri tue nhan tao");
    expect(await other.getByRole("checkbox", { name: /Chỉ tổ chức đã xác minh/ }).isChecked()).toBe(true);
    expect(await other.getByLabel("Sắp xếp").inputValue()).toBe("name");
  });

  test("pages through results", async () => {
    const page = await openPage();
    await page.goto("/directory");
    const first = await resultNames(page);
    await page.getByRole("link", { name: "Trang 2", exact: true }).click();
    await page.waitForURL(/page=2/);
    await expect.poll(() => resultNames(page)).not.toEqual(first);
    const pagination = page.getByRole("navigation", { name: "Phân trang" });
    expect(await pagination.locator('[aria-current="page"]').innerText()).toBe("2");
  });

  test("switches language and remembers it", async () => {
    const page = await openPage();
    await page.goto("/directory?q=vien+toan");
    await page.getByRole("button", { name: /Chuyển sang tiếng Anh/ }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Organization directory");
    expect(page.url()).toContain("q=vien+toan");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await expect.poll(() => firstResult(page)).toContain("Institute of Mathematics");
    // Remembered on the next page.
    await page.goto("/organizations/hust");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toContain(
      "Hanoi University of Science and Technology",
    );
    await page.getByRole("button", { name: /Switch to Vietnamese/ }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toContain("Đại học Bách khoa Hà Nội");
  });
});

describe("directory, without JavaScript", () => {
  test("the same search works as a plain form", async () => {
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto("/");
    await page.getByLabel("Tìm tổ chức").fill("phong thi nghiem vat lieu");
    await page.getByRole("button", { name: "Tìm kiếm" }).click();
    await page.waitForURL(/\/directory\?q=phong\+thi\+nghiem\+vat\+lieu/);
    expect((await kindBadges(page))[0]).toBe("Phòng thí nghiệm");

    // Filters open in the panel and apply with their button.
    await page.getByRole("checkbox", { name: /Viện nghiên cứu/ }).check();
    await page.getByRole("button", { name: "Áp dụng bộ lọc" }).click();
    await page.waitForURL(/kind=institute/);
    expect(new Set(await kindBadges(page))).toEqual(new Set(["Viện nghiên cứu"]));

    // The language switch is a form too.
    await page.getByRole("button", { name: /Chuyển sang tiếng Anh/ }).click();
    await page.waitForURL(/kind=institute/);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Organization directory");
  });
});

describe("the concept chip", () => {
  test("shows the field a problem was read as, and removing it searches the words alone, without JavaScript", async () => {
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto("/directory?q=xu+ly+nuoc+thai");
    const chip = page.getByTestId("concept-chip");
    await expect.poll(() => chip.innerText()).toContain("Đang hiển thị kết quả cho: Kỹ thuật môi trường");
    await chip.getByRole("link", { name: /chỉ tìm đúng các từ đã gõ/ }).click();
    await page.waitForURL(/concepts=off/);
    expect(await page.getByTestId("concept-chip").count()).toBe(0);
    expect(await resultNames(page)).not.toHaveLength(0);
  });
});

describe("on a phone", () => {
  test("fits the screen, with filters folded away until opened", async () => {
    const page = await openPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto("/directory?q=vat+lieu");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const kindBox = page.getByRole("checkbox", { name: /Phòng thí nghiệm/ });
    expect(await kindBox.isVisible()).toBe(false);
    await page.getByText("Bộ lọc", { exact: true }).click();
    expect(await kindBox.isVisible()).toBe(true);
    await page.goto("/organizations/vast-ims");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});

describe("on a phone", () => {
  // A pasted address is one unbroken word: it must wrap, not widen the page.
  const pasted = `https://example.vn/${"trangthongtinkhoahoc".repeat(8)}`;
  for (const list of ["/directory", "/experts", "/requests", "/offers"]) {
    test(`${list}: a long unbroken query leaves the page as wide as a 390 px screen`, async () => {
      const page = await openPage({ viewport: { width: 390, height: 844 } });
      await page.goto(`${list}?q=${encodeURIComponent(pasted)}`);
      await expect.poll(() => page.locator('input[name="q"]').first().inputValue()).toBe(pasted);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });
  }
});
