import { expect, inject, test } from "vitest";
import { formatSlot, meetingSlots } from "~/domain/meeting";
import { readMailbox } from "../mailbox";
import { useBrowser } from "./browser";
import { hanoiMorning, makeEvent, makeRegistration, makeUser } from "../factories";
import { portalDb, signInAs } from "./fixtures";
import { httpClient } from "./http-client";

/**
 * Meetings at an event at 360 px, in Vietnamese, without JavaScript (docs/decisions/073):
 * one participant opts in, another asks for a slot, the first accepts, a clashing request
 * is refused on accept, both see the meeting in their agendas, and after the event each
 * records its outcome.
 */
const { openPage } = useBrowser();
const PHONE = { viewport: { width: 360, height: 780 }, locale: "vi-VN", javaScriptEnabled: false };
const SHOTS = process.env.MEETING_SHOTS;

type Page = import("playwright-core").Page;

async function fitsTheScreen(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

async function sees(page: Page, text: string) {
  await expect.poll(() => page.getByText(text).first().isVisible()).toBe(true);
}

async function mailsTo(email: string) {
  return (await readMailbox(inject("mailbox"))).filter((mail) => mail.to === email);
}

test("two participants meet at an event: opt in, request, accept, a clash refused, agendas, outcomes", async () => {
  const event = await makeEvent({ titleVi: "Chợ công nghệ Hà Nội 2026", startsAt: hanoiMorning(), hours: 4 });
  const slots = meetingSlots(event);
  const slot = formatSlot("vi", slots[2]!.start, slots[2]!.end);
  const lab = await makeUser({ label: "lab", name: "Nguyễn Thị Lan" });
  const startup = await makeUser({ label: "startup", name: "Trần Văn Khởi" });
  const third = await makeUser({ label: "third", name: "Lê Minh Ba" });
  const outsider = await makeUser({ label: "outsider", name: "Người Ngoài" });
  for (const user of [lab, startup, third]) await makeRegistration(event.id, user.id);
  const people = `/events/${event.slug}/people`;

  // A visitor is asked to sign in; a member not registered is sent to register.
  const visitor = await openPage(PHONE);
  await visitor.goto(people);
  await sees(visitor, "Đăng nhập để xem ai sẽ tham dự");
  const stranger = await openPage(PHONE);
  await signInAs(outsider.id, stranger.context());
  await stranger.goto(people);
  await sees(stranger, "Danh sách người tham dự chỉ dành cho người đã đăng ký.");
  if (SHOTS) await stranger.screenshot({ path: `${SHOTS}/people-not-registered.png` });
  expect(await stranger.getByRole("link", { name: "Đăng ký tham dự" }).getAttribute("href")).toBe(
    `/events/${event.slug}/registration`,
  );

  // 1. The lab opts in, saying what it wants to meet about.
  const host = await openPage(PHONE);
  await signInAs(lab.id, host.context());
  await host.goto(people);
  await sees(host, "Chưa có người tham dự nào khác đồng ý hiện tên.");
  await host.getByLabel("Cho người tham dự khác thấy tên tôi và xin gặp tôi").check();
  await host.getByLabel("Tôi muốn trao đổi về").fill("Chuyển giao công nghệ xử lý nước thải");
  await host.getByRole("button", { name: "Lưu" }).click();
  await sees(host, "Bạn đang hiện tên trong danh sách.");

  // 2. The startup sees the lab (no e-mail), asks for a slot; an empty message is refused, the slot kept.
  const asker = await openPage(PHONE);
  await signInAs(startup.id, asker.context());
  await asker.goto(people);
  await sees(asker, "Chuyển giao công nghệ xử lý nước thải");
  expect(await asker.content()).not.toContain(lab.email);
  await asker.getByRole("link", { name: "Xin gặp Nguyễn Thị Lan" }).click();
  await asker.getByLabel("Khung giờ (giờ Hà Nội)").selectOption({ label: slot });
  await asker.getByLabel("Lời nhắn").fill("   ");
  await asker.getByRole("button", { name: "Gửi lời mời gặp" }).click();
  await sees(asker, "Vui lòng điền mục này.");
  expect(await asker.getByLabel("Khung giờ (giờ Hà Nội)").inputValue()).toBe(slots[2]!.start.toISOString());
  await fitsTheScreen(asker);
  if (SHOTS) await asker.screenshot({ path: `${SHOTS}/people.png`, fullPage: true });
  await asker.getByLabel("Lời nhắn").fill("Chúng tôi cần công nghệ lọc nước cho khu công nghiệp.");
  await asker.getByRole("button", { name: "Gửi lời mời gặp" }).click();
  await asker.waitForURL(/\/messages\/\w+/);
  const thread = new URL(asker.url()).pathname;
  await sees(asker, "Chờ trả lời");
  await sees(asker, `Trần Văn Khởi xin gặp lúc ${slot}.`);
  await fitsTheScreen(asker);
  if (SHOTS) await asker.screenshot({ path: `${SHOTS}/thread-requested.png`, fullPage: true });

  // 3. A third participant asks the lab for the same slot before the lab answers.
  const other = await openPage(PHONE);
  await signInAs(third.id, other.context());
  await other.goto(`${people}`);
  await other.getByRole("link", { name: "Xin gặp Nguyễn Thị Lan" }).click();
  await other.getByLabel("Khung giờ (giờ Hà Nội)").selectOption({ label: slot });
  await other.getByLabel("Lời nhắn").fill("Xin gặp để giới thiệu cảm biến đo chất lượng nước.");
  await other.getByRole("button", { name: "Gửi lời mời gặp" }).click();
  await other.waitForURL(/\/messages\/\w+/);
  const clashing = new URL(other.url()).pathname;

  // 4. The lab is told, accepts the startup's request; the clashing one is refused on accept.
  await expect.poll(async () => (await mailsTo(lab.email)).some((mail) => mail.text.includes(thread))).toBe(true);
  await host.goto("/notifications");
  await host.getByText(`Trần Văn Khởi xin gặp bạn tại “Chợ công nghệ Hà Nội 2026” lúc ${slot}`).click();
  await host.waitForURL((url) => url.pathname === thread);
  await host.getByRole("button", { name: "Chấp nhận" }).click();
  await sees(host, "Đã chấp nhận");
  await sees(host, `Nguyễn Thị Lan đã chấp nhận cuộc gặp lúc ${slot}.`);
  await fitsTheScreen(host);
  if (SHOTS) await host.screenshot({ path: `${SHOTS}/thread-accepted.png`, fullPage: true });
  await host.goto(clashing);
  await host.getByRole("button", { name: "Chấp nhận" }).click();
  await sees(host, "Bạn hoặc người kia đã có cuộc gặp được chấp nhận trùng khung giờ này.");
  if (SHOTS) await host.screenshot({ path: `${SHOTS}/thread-clash.png` });
  await sees(host, "Chờ trả lời");

  // 5. Both see the meeting in their agendas, in Hanoi time.
  await expect.poll(async () => (await mailsTo(startup.email)).some((mail) => mail.text.includes(thread))).toBe(true);
  for (const [page, name] of [
    [host, "Trần Văn Khởi"],
    [asker, "Nguyễn Thị Lan"],
  ] as const) {
    await page.goto("/me/agenda");
    await sees(page, "Chợ công nghệ Hà Nội 2026");
    await sees(page, slot);
    await sees(page, name);
    await sees(page, "Đã chấp nhận");
    await fitsTheScreen(page);
  }
  if (SHOTS) await host.screenshot({ path: `${SHOTS}/agenda.png`, fullPage: true });

  // 6. The event is over (moved into the past); each side records its outcome and a private note.
  const db = portalDb();
  const shift = event.endsAt.getTime() - Date.now() + 3 * 86_400_000;
  await db.event.update({
    where: { id: event.id },
    data: { startsAt: new Date(event.startsAt.getTime() - shift), endsAt: new Date(event.endsAt.getTime() - shift) },
  });
  for (const meeting of await db.eventMeeting.findMany({ where: { eventId: event.id } }))
    await db.eventMeeting.update({
      where: { id: meeting.id },
      data: {
        startsAt: new Date(meeting.startsAt.getTime() - shift),
        endsAt: new Date(meeting.endsAt.getTime() - shift),
      },
    });
  await host.goto("/me/agenda");
  await sees(host, "Cần ghi kết quả");
  await host.goto(thread);
  await host.getByLabel("Kết quả", { exact: true }).selectOption({ label: "Đã đi đến thỏa thuận" });
  await host.getByLabel("Ghi chú riêng về kết quả (không bắt buộc)").fill("LAN-NOTE: giá chuyển giao dự kiến 2 tỷ");
  await host.getByRole("button", { name: "Lưu kết quả" }).click();
  await sees(host, "Đã lưu.");
  if (SHOTS) await host.screenshot({ path: `${SHOTS}/thread-outcome.png`, fullPage: true });
  await asker.goto(thread);
  await asker.getByLabel("Kết quả", { exact: true }).selectOption({ label: "Sẽ đặt hàng công nghệ" });
  await asker.getByRole("button", { name: "Lưu kết quả" }).click();
  await sees(asker, "Đã lưu.");
  expect(await asker.content()).not.toContain("LAN-NOTE");
  await fitsTheScreen(asker);
  const meeting = await db.eventMeeting.findUniqueOrThrow({ where: { conversationId: thread.split("/").pop()! } });
  expect(meeting).toMatchObject({
    status: "accepted",
    inviteeOutcome: "agreement",
    inviteeNote: "LAN-NOTE: giá chuyển giao dự kiến 2 tỷ",
    requesterOutcome: "follow_up_request",
    requesterNote: null,
  });
});

test("without JavaScript, refused meeting forms answer 4xx with their message and what was typed", async () => {
  const event = await makeEvent({ startsAt: hanoiMorning(), hours: 4 });
  const slots = meetingSlots(event).map((slot) => slot.start.toISOString());
  const [a, b, outsider] = await Promise.all([
    makeUser({ label: "a" }),
    makeUser({ label: "b" }),
    makeUser({ label: "outsider" }),
  ]);
  await makeRegistration(event.id, a.id);
  const listed = await makeRegistration(event.id, b.id, { listed: true });
  const form = (extra: Record<string, string> = {}) => ({
    intent: "request",
    registrationId: listed.id,
    slot: slots[0]!,
    message: "Xin gặp để trao đổi về thiết bị đo",
    formToken: `token-${crypto.randomUUID()}`,
    ...extra,
  });
  const post = async (cookie: string, body: Record<string, string>) => {
    const response = await httpClient({ cookie }).post(`/events/${event.slug}/people`, body);
    return { status: response.status, location: response.headers.get("location"), html: await response.text() };
  };
  const asA = await signInAs(a.id);
  const asOutsider = await signInAs(outsider.id);

  const badSlot = await post(asA, form({ slot: "2020-01-01T00:00:00.000Z" }));
  expect(badSlot.status).toBe(400);
  expect(badSlot.html).toContain("Hãy chọn một khung giờ của sự kiện.");
  expect(badSlot.html).toContain("Xin gặp để trao đổi về thiết bị đo");
  const notRegistered = await post(asOutsider, form());
  expect(notRegistered.status).toBe(400);
  const saved = await post(asA, { intent: "listing", interests: "Thiết bị đo" });
  expect(saved.status).toBe(302);
  const longInterests = await post(asA, { intent: "listing", listed: "on", interests: "Đo ".repeat(300) });
  expect(longInterests.status).toBe(400);
  expect(longInterests.html).toContain("Đo Đo Đo");
  const bot = await post(asA, form({ website_confirm: "http://spam.example" }));
  expect(bot.status).toBe(400);
  expect(await portalDb().eventMeeting.count({ where: { eventId: event.id } })).toBe(0);
  const once = form();
  const sent = await post(asA, once);
  expect(sent.status).toBe(302);
  expect(sent.location).toMatch(/^\/messages\/\w+$/);
  // A double submit (same form key) writes once and leads to the same thread.
  const again = await post(asA, once);
  expect(again.location).toBe(sent.location);
  expect(await portalDb().eventMeeting.count({ where: { eventId: event.id } })).toBe(1);
});
