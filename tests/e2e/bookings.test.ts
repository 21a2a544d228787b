import { expect, inject, test } from "vitest";
import { addDays, formatDays, hanoiToday } from "~/domain/booking";
import { readMailbox } from "../mailbox";
import { useBrowser } from "./browser";
import { makeOffer, makeOrganization, makeUser } from "../factories";
import { portalDb, signInAs } from "./fixtures";
import { httpClient } from "./http-client";

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

/** Waits until the text shows (after a navigation the page may still be rendering). */
async function sees(page: Page | import("playwright-core").Locator, text: string) {
  await expect.poll(() => page.getByText(text).first().isVisible()).toBe(true);
}
const calendarOf = (page: Page) => page.locator("section", { has: page.locator("#calendar") });

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
  await sees(visitor, "Đăng nhập để đặt lịch");

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
  await sees(asker, "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.");
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
  await sees(asker, "Chờ đơn vị trả lời");

  // 2. The manager is told (in-app and by e-mail) and proposes other dates.
  const lead = await openPage(PHONE);
  await signInAs(manager.id, lead.context());
  await lead.goto("/notifications");
  await lead.getByText("Phạm Thị Khởi muốn đặt lịch “Máy nhiễu xạ tia X D8”").click();
  await lead.waitForURL((url) => url.pathname === thread);
  await sees(lead, "Đo cấu trúc tinh thể của vật liệu gốm mới");
  await expect.poll(async () => (await mailsTo(manager.email)).some((mail) => mail.text.includes(thread))).toBe(true);
  const proposal = lead.locator("form", { has: lead.getByRole("button", { name: "Đề xuất ngày khác" }) });
  await proposal.getByLabel("Từ ngày").fill(day(15));
  await proposal.getByLabel("Đến ngày").fill(day(16));
  await proposal.getByRole("button", { name: "Đề xuất ngày khác" }).click();
  await sees(lead, "Đơn vị đề xuất ngày khác");

  // 3. The startup is told and accepts the proposed dates.
  await expect.poll(async () => (await mailsTo(startup.email)).some((mail) => mail.text.includes(thread))).toBe(true);
  await asker.goto("/notifications");
  await asker.getByText("Lê Văn Quản đề xuất ngày khác cho “Máy nhiễu xạ tia X D8”").click();
  await asker.waitForURL((url) => url.pathname === thread);
  await asker.getByRole("button", { name: "Đồng ý ngày đề xuất" }).click();
  await sees(asker, "Đã xác nhận");
  const dates = formatDays("vi", day(15), day(16));
  await sees(asker, `Phạm Thị Khởi đã đồng ý lịch ${dates}.`);
  await fitsTheScreen(asker);
  if (SHOTS) await asker.screenshot({ path: `${SHOTS}/booking-conversation.png`, fullPage: true });

  // 4. Both see it: the manager in the thread and the notices, both in the calendar.
  await expect.poll(async () => (await mailsTo(manager.email)).length).toBeGreaterThanOrEqual(2);
  await lead.reload();
  await sees(lead, "Đã xác nhận");
  await sees(lead, `Lê Văn Quản đề xuất ngày khác: ${dates}.`);
  const notices = await portalDb().notification.findMany({ where: { url: thread } });
  expect(notices.filter((notice) => notice.userId === manager.id).length).toBeGreaterThanOrEqual(2);
  expect(notices.filter((notice) => notice.userId === startup.id).length).toBeGreaterThanOrEqual(1);

  const month = day(15).slice(0, 7);
  for (const page of [asker, lead, visitor]) {
    await page.goto(`/offers/${offer.id}?month=${month}`);
    await sees(calendarOf(page), dates);
    await fitsTheScreen(page);
  }
  // Who booked shows only to the lab's side.
  await sees(calendarOf(lead), "Phạm Thị Khởi");
  await sees(calendarOf(asker), "Đã có lịch");
  expect(await visitor.getByText("Phạm Thị Khởi").count()).toBe(0);
  if (SHOTS) await calendarOf(lead).screenshot({ path: `${SHOTS}/calendar.png` });
});

test("without JavaScript, refused booking forms answer 400 with their message and what was typed", async () => {
  const lab = await makeOrganization({ label: "booking-lab-http" });
  const offer = await makeOffer({ type: "equipment", nameVi: "Máy quang phổ", organizationId: lab.id });
  const [first, second] = await Promise.all([makeUser({ label: "first" }), makeUser({ label: "second" })]);
  const form = (start: string, end: string, extra: Record<string, string> = {}) => ({
    intent: "book",
    start,
    end,
    purpose: "Phân tích thành phần mẫu nước thải",
    samples: "3 mẫu nước, mỗi mẫu 1 lít",
    formToken: `token-${crypto.randomUUID()}`,
    ...extra,
  });
  const post = async (cookie: string, body: Record<string, string>) => {
    const response = await httpClient({ cookie }).post(`/offers/${offer.id}`, body);
    return { status: response.status, location: response.headers.get("location"), html: await response.text() };
  };
  const asFirst = await signInAs(first.id);
  const asSecond = await signInAs(second.id);

  const past = await post(asFirst, form(day(-2), day(1)));
  expect(past.status).toBe(400);
  expect(past.html).toContain("Ngày bắt đầu đã qua.");
  expect(past.html).toContain("Phân tích thành phần mẫu nước thải");
  const tooLong = await post(asFirst, form(day(3), day(40)));
  expect(tooLong.html).toContain("Một lần đặt tối đa 30 ngày.");

  const booked = await post(asFirst, form(day(3), day(5)));
  expect(booked.status).toBe(302);
  expect(booked.location).toMatch(/^\/messages\/\w+$/);
  const overlap = await post(asSecond, form(day(5), day(6)));
  expect(overlap.status).toBe(400);
  expect(overlap.html).toContain("Thiết bị đã có lịch trong những ngày này.");

  // A filled honeypot is refused and stores nothing.
  const bot = await post(asSecond, form(day(20), day(20), { website_confirm: "http://spam.example" }));
  expect(bot.status).toBe(400);
  expect(await portalDb().booking.count({ where: { offerId: offer.id } })).toBe(1);
});
