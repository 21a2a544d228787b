import ICAL from "ical.js";
import { expect, inject, test } from "vitest";
import { hanoiInstant } from "~/domain/event-time";
import { readMailbox } from "../mailbox";
import { makeEvent, makeUser } from "../factories";
import { useBrowser } from "./browser";
import { portalDb, signInAs } from "./fixtures";
import { httpClient } from "./http-client";

/**
 * Registering for an event at 360 px in Vietnamese, without JavaScript (docs/decisions/077):
 * a member registers, the event fills and the next one waits, the first cancels and the second
 * gets the seat with a mail; /me/events shows it, and the event's .ics downloads and parses.
 */
const { openPage } = useBrowser();
const PHONE = { viewport: { width: 360, height: 780 }, locale: "vi-VN", javaScriptEnabled: false };
const SHOTS = process.env.REGISTRATION_SHOTS;

type Page = import("playwright-core").Page;

async function fitsTheScreen(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}
async function sees(page: Page, text: string) {
  await expect.poll(() => page.getByText(text).first().isVisible()).toBe(true);
}
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};
const mailsTo = async (email: string) => (await readMailbox(inject("mailbox"))).filter((mail) => mail.to === email);

test("a member registers, the next waits, the first cancels and the second gets the seat", async () => {
  const event = await makeEvent({
    label: "ngay-trinh-dien",
    titleVi: "Ngày trình diễn công nghệ xanh",
    capacity: 1,
    startsAt: hanoiInstant("2027-05-15", "08:30")!,
    endsAt: hanoiInstant("2027-05-15", "11:30")!,
    ward: "cua-nam",
  });
  const url = `/events/${event.slug}/registration`;
  const first = await makeUser({ label: "first", name: "Trần Văn Một" });
  const second = await makeUser({ label: "second", name: "Lê Thị Hai" });

  // A visitor sees the event and is sent to sign in, coming back here after.
  const visitor = await openPage(PHONE);
  await visitor.goto(url);
  await sees(visitor, "Thứ Bảy, 15/05/2027, 08:30–11:30 (giờ Hà Nội)");
  await shot(visitor, "registration-signed-out");
  await visitor.getByRole("link", { name: "Đăng nhập để đăng ký tham dự" }).click();
  await visitor.waitForURL((next) => next.pathname === "/login" && next.searchParams.get("redirectTo") === url);

  // 1. Too long (the browser's limit bypassed) is refused with a 400 at the field, what was typed kept.
  const tooLong = `Vật liệu ${"x".repeat(300)}`;
  const refused = await httpClient({ cookie: await signInAs(first.id) }).post(url, {
    intent: "register",
    formToken: "registration-form-key-0001",
    listed: "on",
    interests: tooLong,
  });
  expect(refused.status).toBe(400);
  const refusedPage = await refused.text();
  expect(refusedPage).toContain("Tối đa 300 ký tự.");
  expect(refusedPage).toContain(tooLong);
  // A checkbox sent with a value no form sends: its own message, under it.
  const oddBox = await httpClient({ cookie: await signInAs(first.id) }).post(url, {
    intent: "register",
    formToken: "registration-form-key-0002",
    listed: "yes",
  });
  expect(oddBox.status).toBe(400);
  expect(await oddBox.text()).toContain('id="listed-errors"');
  expect(await portalDb().eventRegistration.count({ where: { eventId: event.id } })).toBe(0);

  // The first member registers, saying what they want to meet about.
  const one = await openPage(PHONE);
  await signInAs(first.id, one.context());
  await one.goto(url);
  await sees(one, "Còn 1 chỗ");
  await one.getByLabel("Cho những người tham dự khác thấy tên tôi").check();
  await one.getByLabel("Tôi muốn gặp để trao đổi về").fill("Vật liệu xây dựng tái chế");
  await one.getByRole("button", { name: "Đăng ký", exact: true }).click();
  await sees(one, "Bạn đã đăng ký");
  await sees(one, "Đã hết chỗ");
  await fitsTheScreen(one);
  await shot(one, "registration-registered");
  await expect
    .poll(async () => (await mailsTo(first.email)).some((mail) => mail.text.includes("08:30–11:30 (giờ Hà Nội)")))
    .toBe(true);

  // The .ics downloads and another parser reads the Hanoi time back.
  const ics = await httpClient().get(`/events/${event.slug}.ics`);
  expect(ics.status).toBe(200);
  expect(ics.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
  expect(ics.headers.get("content-disposition")).toContain(`${event.slug}.ics`);
  const vevent = new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent("vevent")!;
  const parsed = new ICAL.Event(vevent);
  expect(parsed.summary).toBe("Ngày trình diễn công nghệ xanh");
  expect(parsed.startDate.toJSDate().toISOString()).toBe("2027-05-15T01:30:00.000Z");

  // 2. The event is full: the second member is put on the waitlist.
  const two = await openPage(PHONE);
  await signInAs(second.id, two.context());
  await two.goto(url);
  await sees(two, "Sự kiện đã đủ chỗ");
  await two.getByRole("button", { name: "Vào danh sách chờ" }).click();
  await sees(two, "Bạn trong danh sách chờ, vị trí 1");
  await fitsTheScreen(two);
  await shot(two, "registration-waitlisted");

  // 3. The first cancels from /me/events; the second gets the seat and a mail saying so.
  await one.goto("/me/events");
  await sees(one, "Ngày trình diễn công nghệ xanh");
  await one.getByRole("button", { name: "Hủy đăng ký Ngày trình diễn công nghệ xanh" }).click();
  await one.waitForURL(/\/me\/events\?cancelled=1/);
  await sees(one, "Đã hủy đăng ký.");
  await expect
    .poll(async () =>
      (await mailsTo(second.email)).some((mail) => mail.subject.includes("Đã có chỗ cho bạn tại “Ngày trình diễn")),
    )
    .toBe(true);

  // 4. /me/events shows the second member's seat and their calendar links.
  await two.goto("/me/events");
  await sees(two, "Bạn đã đăng ký");
  await fitsTheScreen(two);
  await shot(two, "me-events");
  const feedUrl = await two.getByLabel("Địa chỉ lịch cá nhân").inputValue();
  const feed = await httpClient().get(new URL(feedUrl).pathname);
  expect(feed.status).toBe(200);
  expect(await feed.text()).toContain(`event-${event.id}@hanoi-innovation`);
  expect((await httpClient().get(`${new URL(feedUrl).pathname.replace(/\.ics$/, "")}x.ics`)).status).toBe(404);
  const row = await portalDb().eventRegistration.findUniqueOrThrow({
    where: { eventId_userId: { eventId: event.id, userId: second.id } },
  });
  expect(row.promotedAt).not.toBeNull();
});

test("a past event refuses registration; a pending one is not found", async () => {
  const member = await makeUser({ label: "late" });
  const past = await makeEvent({
    titleVi: "Hội thảo đã qua",
    startsAt: new Date(Date.now() - 5 * 3_600_000),
    endsAt: new Date(Date.now() - 3_600_000),
  });
  const pending = await makeEvent({ status: "pending" });
  const page = await openPage(PHONE);
  await signInAs(member.id, page.context());
  await page.goto(`/events/${past.slug}/registration`);
  await sees(page, "Sự kiện đã diễn ra; không nhận đăng ký nữa.");
  expect(await page.getByRole("button", { name: "Đăng ký", exact: true }).count()).toBe(0);
  await fitsTheScreen(page);
  await shot(page, "registration-refused");
  const response = await page.goto(`/events/${pending.slug}/registration`);
  expect(response?.status()).toBe(404);
  expect((await httpClient().get(`/events/${pending.slug}.ics`)).status).toBe(404);
});
