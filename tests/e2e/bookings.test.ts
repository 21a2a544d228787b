import { expect, inject, test } from "vitest";
import { addDays, formatDays, hanoiToday } from "~/domain/booking";
import { readMailbox } from "../mailbox";
import { useBrowser } from "./browser";
import { makeOffer, makeOrganization, makeUser } from "../factories";
import { portalDb, signInAs } from "./fixtures";

/**
 * A booking at phone size, in Vietnamese (docs/decisions/063): a startup asks for an
 * instrument, the lab's manager proposes other dates, the startup accepts; both see it
 * in the conversation and the calendar and get notices and e-mails.
 */
const { openPage } = useBrowser();
const PHONE = { viewport: { width: 390, height: 844 }, locale: "vi-VN" };
const SHOTS = process.env.BOOKING_SHOTS;

type Page = import("playwright-core").Page;
const day = (offset: number) => addDays(hanoiToday(), offset);

async function fitsTheScreen(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

async function mailsTo(email: string) {
  return (await readMailbox(inject("mailbox"))).filter((mail) => mail.to === email);
}

test("a startup books an instrument, the manager proposes other dates, the startup accepts", async () => {
  const lab = await makeOrganization({ label: "booking-lab", nameVi: "Phòng thí nghiệm Vật liệu Đặt lịch" });
  const manager = await makeUser({ label: "lab-manager", name: "Lê Văn Quản" });
  await portalDb().organizationManager.create({ data: { userId: manager.id, organizationId: lab.id } });
  const offer = await makeOffer({ type: "equipment", nameVi: "Máy nhiễu xạ tia X D8", organizationId: lab.id });
  const startup = await makeUser({ label: "startup", name: "Phạm Thị Khởi" });

  // A visitor is asked to sign in.
  const visitor = await openPage(PHONE);
  await visitor.goto(`/offers/${offer.id}`);
  expect(await visitor.getByRole("link", { name: "Đăng nhập để đặt lịch" }).isVisible()).toBe(true);

  // 1. The startup asks; a reversed range is refused with a message, what was typed kept.
  const asker = await openPage(PHONE);
  await signInAs(startup.id, asker.context());
  await asker.goto(`/offers/${offer.id}`);
  await asker.getByLabel("Từ ngày").fill(day(12));
  await asker.getByLabel("Đến ngày").fill(day(10));
  await asker.getByLabel("Mục đích sử dụng").fill("Đo cấu trúc tinh thể của vật liệu gốm mới");
  await asker.getByLabel("Mẫu (loại và số lượng)").fill("8 mẫu bột gốm, mỗi mẫu 2 g");
  await asker.getByLabel("Lời nhắn (không bắt buộc)").fill("Chúng tôi có thể mang mẫu đến buổi sáng.");
  await asker.getByRole("button", { name: "Gửi yêu cầu đặt lịch" }).click();
  await expect.poll(() => asker.getByText("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.").isVisible()).toBe(true);
  expect(await asker.getByLabel("Mục đích sử dụng").inputValue()).toBe("Đo cấu trúc tinh thể của vật liệu gốm mới");
  await fitsTheScreen(asker);
  if (SHOTS)
    await asker
      .locator("section", { has: asker.locator("#booking") })
      .screenshot({ path: `${SHOTS}/booking-form.png` });
  await asker.getByLabel("Đến ngày").fill(day(13));
  await asker.getByRole("button", { name: "Gửi yêu cầu đặt lịch" }).click();
  await asker.waitForURL(/\/messages\/\w+/);
  const thread = new URL(asker.url()).pathname;
  expect(await asker.getByText("Chờ đơn vị trả lời").isVisible()).toBe(true);

  // 2. The manager is told (in-app and by e-mail) and proposes other dates.
  const lead = await openPage(PHONE);
  await signInAs(manager.id, lead.context());
  await lead.goto("/notifications");
  await lead.getByText("Phạm Thị Khởi muốn đặt lịch “Máy nhiễu xạ tia X D8”").click();
  await lead.waitForURL((url) => url.pathname === thread);
  expect(await lead.getByText("Đo cấu trúc tinh thể của vật liệu gốm mới").first().isVisible()).toBe(true);
  await expect.poll(async () => (await mailsTo(manager.email)).some((mail) => mail.text.includes(thread))).toBe(true);
  const proposal = lead.locator("form", { has: lead.getByRole("button", { name: "Đề xuất ngày khác" }) });
  await proposal.getByLabel("Từ ngày").fill(day(15));
  await proposal.getByLabel("Đến ngày").fill(day(16));
  await proposal.getByRole("button", { name: "Đề xuất ngày khác" }).click();
  await expect.poll(() => lead.getByText("Đơn vị đề xuất ngày khác").isVisible()).toBe(true);

  // 3. The startup is told and accepts the proposed dates.
  await expect.poll(async () => (await mailsTo(startup.email)).some((mail) => mail.text.includes(thread))).toBe(true);
  await asker.goto("/notifications");
  await asker.getByText("Lê Văn Quản đề xuất ngày khác cho “Máy nhiễu xạ tia X D8”").click();
  await asker.waitForURL((url) => url.pathname === thread);
  await asker.getByRole("button", { name: "Đồng ý ngày đề xuất" }).click();
  await expect.poll(() => asker.getByText("Đã xác nhận").isVisible()).toBe(true);
  const dates = formatDays("vi", day(15), day(16));
  expect(await asker.getByText(`Phạm Thị Khởi đã đồng ý lịch ${dates}.`).isVisible()).toBe(true);
  await fitsTheScreen(asker);
  if (SHOTS) await asker.screenshot({ path: `${SHOTS}/booking-conversation.png`, fullPage: true });

  // 4. Both see it: the manager in the thread and the notices, both in the calendar.
  await expect.poll(async () => (await mailsTo(manager.email)).length).toBeGreaterThanOrEqual(2);
  await lead.reload();
  expect(await lead.getByText("Đã xác nhận").isVisible()).toBe(true);
  expect(await lead.getByText(`Lê Văn Quản đề xuất ngày khác: ${dates}.`).isVisible()).toBe(true);
  const notices = await portalDb().notification.findMany({ where: { url: thread } });
  expect(notices.filter((notice) => notice.userId === manager.id).length).toBeGreaterThanOrEqual(2);
  expect(notices.filter((notice) => notice.userId === startup.id).length).toBeGreaterThanOrEqual(1);

  const month = day(15).slice(0, 7);
  for (const page of [asker, lead, visitor]) {
    await page.goto(`/offers/${offer.id}?month=${month}`);
    const calendar = page.locator("#calendar").locator("..");
    expect(await calendar.getByText(dates).isVisible()).toBe(true);
    await fitsTheScreen(page);
  }
  // Who booked shows only to the lab's side.
  expect(
    await lead
      .locator("section", { has: lead.locator("#calendar") })
      .getByText("Phạm Thị Khởi")
      .isVisible(),
  ).toBe(true);
  expect(await visitor.getByText("Phạm Thị Khởi").count()).toBe(0);
  expect(
    await asker
      .locator("section", { has: asker.locator("#calendar") })
      .getByText("Đã có lịch")
      .isVisible(),
  ).toBe(true);
  if (SHOTS)
    await lead.locator("section", { has: lead.locator("#calendar") }).screenshot({ path: `${SHOTS}/calendar.png` });
});
