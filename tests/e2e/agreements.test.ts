import { expect, test } from "vitest";
import { addDays, hanoiToday } from "~/domain/booking";
import { useBrowser } from "./browser";
import { hex, makeConversation, makeOffer, makeOrganization, makeUser } from "../factories";
import { portalDb, signInAs } from "./fixtures";

/**
 * An agreement at phone size, in Vietnamese, without JavaScript (docs/decisions/074, 075):
 * a startup records a licence in its inquiry about a technology, the lab's manager
 * confirms it, the official sees it counted on /admin/indicators (page and download
 * agree), the public ecosystem page counts it, and the technology is marked licensed.
 */
const { openPage } = useBrowser();
const PHONE = { viewport: { width: 360, height: 800 }, locale: "vi-VN", javaScriptEnabled: false };
const DESK = { viewport: { width: 1280, height: 900 }, locale: "vi-VN" };
const SHOTS = process.env.AGREEMENT_SHOTS;
const NOTE = `ghi-chu-rieng-${hex()}`;

type Page = import("playwright-core").Page;

async function sees(page: Page | import("playwright-core").Locator, text: string) {
  await expect.poll(() => page.getByText(text).first().isVisible()).toBe(true);
}

async function fitsTheScreen(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

/** A tile's value on a page of key figures. */
const tile = async (page: Page, key: string) =>
  Number(await page.locator(`[data-kpi="${key}"] [data-value]`).first().getAttribute("data-value"));

test("a startup records a licence, the lab confirms it, the official and the public see it counted", async () => {
  const lab = await makeOrganization({ label: "agreement-lab", nameVi: "Phòng thí nghiệm Vật liệu Thỏa thuận" });
  const manager = await makeUser({ label: "lab-manager", name: "Lê Văn Quản" });
  await portalDb().organizationManager.create({ data: { userId: manager.id, organizationId: lab.id } });
  const technology = await makeOffer({
    type: "technology",
    nameVi: `Công nghệ gốm xốp ${hex()}`,
    organizationId: lab.id,
  });
  const startup = await makeUser({ label: "startup", name: "Phạm Thị Khởi" });
  const official = await makeUser({ label: "curator", role: "curator" });
  const conversation = await makeConversation({
    kind: "inquiry",
    starterId: startup.id,
    owner: { organizationId: lab.id },
    offerId: technology.id,
    subject: technology.nameVi ?? "Công nghệ",
    createdAt: new Date(Date.now() - 20 * 86_400_000),
  });
  const thread = `/messages/${conversation.id}`;

  const officialPage = await openPage(PHONE);
  await signInAs(official.id, officialPage.context());
  await officialPage.goto("/admin/indicators");
  const before = await tile(officialPage, "agreements");
  const publicPage = await openPage(PHONE);
  await publicPage.goto("/ecosystem");
  const publicBefore = await tile(publicPage, "agreements");

  // 1. The startup records it; a day before the conversation began is refused at its field, the rest kept.
  const asker = await openPage(PHONE);
  await signInAs(startup.id, asker.context());
  await asker.goto(thread);
  await asker.locator("summary", { hasText: "Ghi nhận một thỏa thuận" }).click();
  await asker.getByLabel("Loại thỏa thuận").selectOption("licence");
  await asker.getByLabel("Ngày ký").fill(addDays(hanoiToday(), -30));
  await asker.getByLabel("Giá trị (không bắt buộc)").selectOption("500m_2b");
  await asker.getByLabel("Ghi chú riêng về thỏa thuận (không bắt buộc)").fill(NOTE);
  await asker.getByLabel("Thỏa thuận này cấp phép hoặc chuyển giao chính công nghệ đang trao đổi").check();
  await asker.getByRole("button", { name: "Ghi nhận và gửi bên kia xác nhận" }).click();
  await sees(asker, "Ngày ký không được trước ngày bắt đầu cuộc trao đổi.");
  expect(await asker.getByLabel("Ghi chú riêng về thỏa thuận (không bắt buộc)").inputValue()).toBe(NOTE);
  await fitsTheScreen(asker);
  await asker.getByLabel("Ngày ký").fill(addDays(hanoiToday(), -3));
  await asker.getByRole("button", { name: "Ghi nhận và gửi bên kia xác nhận" }).click();
  await sees(asker, "Đang chờ bên kia xác nhận.");
  await sees(asker, NOTE);
  // The recorder has no confirm button, only withdraw.
  expect(await asker.getByRole("button", { name: "Xác nhận", exact: true }).count()).toBe(0);
  await sees(asker.getByRole("button", { name: "Rút lại" }), "Rút lại");

  // 2. The lab's manager is told and confirms.
  const lead = await openPage(PHONE);
  await signInAs(manager.id, lead.context());
  await lead.goto("/notifications");
  await lead.getByText("Phạm Thị Khởi đã ghi nhận một thỏa thuận").first().click();
  await lead.waitForURL((url) => url.pathname === thread);
  await lead.getByRole("button", { name: "Xác nhận", exact: true }).click();
  await sees(lead, "Đã xác nhận");
  await fitsTheScreen(lead);

  // The technology now carries the public mark, without any value.
  await publicPage.goto(`/offers/${technology.id}`);
  await sees(publicPage, "Đã chuyển giao/cấp phép qua cổng");
  expect(await publicPage.content()).not.toContain(NOTE);

  // 3. The official sees it counted, and the download says the same.
  await officialPage.goto("/admin/indicators");
  expect(await tile(officialPage, "agreements")).toBe(before + 1);
  const csv = await officialPage.request.get("/admin/indicators/data/summary?format=csv&lang=vi");
  expect(csv.status()).toBe(200);
  const row = (await csv.text()).split("\n").find((line) => line.startsWith("agreements,"));
  expect(Number(row?.split(",").at(-1))).toBe(before + 1);
  expect(await officialPage.content()).not.toContain(NOTE);
  await fitsTheScreen(officialPage);

  // 4. The public page counts it.
  await publicPage.goto("/ecosystem");
  await expect
    .poll(async () => (await publicPage.reload(), await tile(publicPage, "agreements")))
    .toBe(publicBefore + 1);
  expect(await publicPage.content()).not.toContain(NOTE);

  // 5. A second agreement waits: the thread shows one pending and one confirmed.
  await asker.goto(thread);
  await asker.locator("summary", { hasText: "Ghi nhận một thỏa thuận" }).click();
  await asker.getByLabel("Loại thỏa thuận").selectOption("consulting");
  await asker.getByLabel("Ngày ký").fill(hanoiToday());
  await asker.getByRole("button", { name: "Ghi nhận và gửi bên kia xác nhận" }).click();
  await sees(asker, "Chờ xác nhận");
  await asker.goto("/me/agreements");
  await sees(asker, "Thỏa thuận của tôi");
  expect(await asker.locator("[data-agreement-status]").count()).toBe(2);

  if (SHOTS) {
    await asker.goto(`${thread}#agreements`);
    await asker.screenshot({ path: `${SHOTS}/thread-360.png`, fullPage: true });
    await officialPage.screenshot({ path: `${SHOTS}/indicators-360.png`, fullPage: true });
    const wide = await openPage(DESK);
    await signInAs(official.id, wide.context());
    await wide.goto("/admin/indicators");
    await wide.screenshot({ path: `${SHOTS}/indicators-1280.png`, fullPage: true });
    await wide.goto("/admin/indicators/report");
    await wide.emulateMedia({ media: "print" });
    await wide.screenshot({ path: `${SHOTS}/report-print-1280.png`, fullPage: true });
    await officialPage.goto("/admin/indicators/report");
    await officialPage.emulateMedia({ media: "print" });
    await officialPage.screenshot({ path: `${SHOTS}/report-print-360.png`, fullPage: true });
    await signInAs(startup.id, wide.context());
    await wide.emulateMedia({ media: "screen" });
    await wide.goto(`${thread}#agreements`);
    await wide.screenshot({ path: `${SHOTS}/thread-1280.png`, fullPage: true });
  }
});
