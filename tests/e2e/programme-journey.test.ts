import { expect, test } from "vitest";
import { hanoiToday } from "~/domain/booking";
import { toHanoiLocal } from "~/domain/event-time";
import { formatSlot, meetingSlots } from "~/domain/meeting";
import { pick, translator } from "~/i18n/i18n";
import { useBrowser } from "./browser";
import { makeOrganization, makeUser } from "../factories";
import { portalDb, signInAs } from "./fixtures";
import { manage, makeResearcher, word } from "./world";

/**
 * The city's programme end to end, at 360 px, in Vietnamese, without JavaScript (issue 21):
 * an incubator publishes a demo day, an official approves it, a startup and a researcher
 * register, the startup asks the researcher for a meeting and the researcher accepts, the
 * day passes, the startup records an agreement in the meeting's conversation and the researcher
 * confirms it; the official's indicators and the public ecosystem page count the event and the
 * meeting held and the confirmed agreement.
 */
const { openPage } = useBrowser();
const t = translator("vi");
const PHONE = { viewport: { width: 360, height: 780 }, locale: "vi-VN", javaScriptEnabled: false };
const DAY = 86_400_000;

type Page = import("playwright-core").Page;

async function sees(page: Page, text: string) {
  await expect.poll(() => page.getByText(text).first().isVisible()).toBe(true);
}

async function fitsTheScreen(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), page.url()).toBeLessThanOrEqual(360);
}

/** A key figure's value, on the officials' indicators or the public ecosystem page. */
const tile = async (page: Page, key: string) =>
  Number(await page.locator(`[data-kpi="${key}"] [data-value]`).first().getAttribute("data-value"));

async function figures(page: Page, url: string) {
  await page.goto(url);
  return {
    events: await tile(page, "events"),
    meetings: await tile(page, "meetings"),
    agreements: await tile(page, "agreements"),
  };
}

test("a demo day from publication to a confirmed agreement, counted for officials and the public", async () => {
  const token = word();
  const incubator = await makeOrganization({
    label: "programme-incubator",
    kind: "incubator",
    nameVi: `Vườn ươm ${token}`,
  });
  const organizer = await makeUser({ label: "programme-organizer" });
  await manage(organizer.id, incubator.id);
  const official = await makeUser({ label: "programme-official", role: "curator" });
  const startup = await makeUser({
    label: "programme-startup",
    name: `Công ty Khởi Nghiệp ${token}`,
    accountType: "business",
  });
  const researcher = await makeResearcher("programme-researcher");
  const researcherName = (await portalDb().user.findUniqueOrThrow({ where: { id: researcher.id } })).name;
  const title = `Ngày trình diễn công nghệ ${token}`;

  const desk = await openPage(PHONE);
  await signInAs(official.id, desk.context());
  const officialBefore = await figures(desk, "/admin/indicators");
  const publicPage = await openPage(PHONE);
  const publicBefore = await figures(publicPage, "/ecosystem");

  // 1. The incubator's manager publishes a demo day three days ahead, 09:00–12:00 Hanoi time.
  const day = toHanoiLocal(new Date(Date.now() + 3 * DAY)).slice(0, 10);
  const host = await openPage(PHONE);
  await signInAs(organizer.id, host.context());
  await host.goto(`/events/new?org=${incubator.slug}`);
  await host.getByLabel(t("event.kind")).selectOption("demo_day");
  await host.getByLabel(t("event.titleVi")).fill(title);
  await host
    .getByLabel(t("event.descriptionVi"))
    .fill("Mười nhóm khởi nghiệp trình bày; gặp gỡ doanh nghiệp buổi sáng.");
  await host.getByLabel(t("event.startsAt")).fill(`${day}T09:00`);
  await host.getByLabel(t("event.endsAt")).fill(`${day}T12:00`);
  await host.getByLabel(t("event.venue")).fill("Tòa nhà Vườn ươm, 1 Đại Cồ Việt");
  await host.getByLabel(t("org.district")).selectOption("hai-ba-trung");
  await host.getByLabel(t("event.capacity")).fill("50");
  const field = await portalDb().field.findUniqueOrThrow({
    where: { slug: "food-technology" },
    include: { parent: true },
  });
  await host.getByText(pick("vi", field.parent!.nameVi, field.parent!.nameEn), { exact: true }).click();
  await host.getByLabel(pick("vi", field.nameVi, field.nameEn), { exact: true }).check();
  expect(await host.getByLabel(t("event.meetingsOpen")).isChecked()).toBe(true);
  await host.getByRole("button", { name: t("event.submit") }).click();
  await host.waitForURL(/\/events\/[a-z0-9-]+\?sent=pending/);
  const slug = new URL(host.url()).pathname.split("/")[2]!;
  const event = await portalDb().event.findUniqueOrThrow({ where: { slug } });
  expect(event.status).toBe("pending");
  expect(toHanoiLocal(event.startsAt)).toBe(`${day}T09:00`);

  // 2. An official approves it from the review queue.
  await desk.goto("/admin/queue");
  await desk
    .locator(`#event-${event.id}`)
    .getByRole("button", { name: t("admin.approve") })
    .click();
  await expect.poll(() => desk.getByText(t("queue.done")).isVisible()).toBe(true);
  expect((await portalDb().event.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("published");

  // 3. The researcher registers and shows their name to other participants; the startup registers.
  const lab = await openPage(PHONE);
  await signInAs(researcher.id, lab.context());
  await lab.goto(`/events/${slug}`);
  await lab.getByRole("link", { name: t("event.register") }).click();
  await lab.waitForURL(`**/events/${slug}/registration`);
  await lab.getByLabel("Cho những người tham dự khác thấy tên tôi").check();
  await lab.getByLabel("Tôi muốn gặp để trao đổi về").fill("Cảm biến chất lượng nước");
  await lab.getByRole("button", { name: "Đăng ký", exact: true }).click();
  await sees(lab, "Bạn đã đăng ký");
  const company = await openPage(PHONE);
  await signInAs(startup.id, company.context());
  await company.goto(`/events/${slug}/registration`);
  await company.getByRole("button", { name: "Đăng ký", exact: true }).click();
  await sees(company, "Bạn đã đăng ký");
  await fitsTheScreen(company);

  // 4. The startup sees who is coming and asks the researcher for the first slot.
  const [slot] = meetingSlots(event);
  const slotLabel = formatSlot("vi", slot!.start, slot!.end);
  await company.goto(`/events/${slug}`);
  await company.getByRole("link", { name: t("event.people") }).click();
  await sees(company, "Cảm biến chất lượng nước");
  await company.getByRole("link", { name: `Xin gặp ${researcherName}` }).click();
  await company.getByLabel("Khung giờ (giờ Hà Nội)").selectOption({ label: slotLabel });
  await company.getByLabel("Lời nhắn").fill("Chúng tôi cần cảm biến đo độ đục cho trạm cấp nước.");
  await company.getByRole("button", { name: "Gửi lời mời gặp" }).click();
  await company.waitForURL(/\/messages\/\w+/);
  const thread = new URL(company.url()).pathname;
  await sees(company, "Chờ trả lời");
  await fitsTheScreen(company);

  // 5. The researcher accepts.
  await lab.goto(thread);
  await lab.getByRole("button", { name: "Chấp nhận" }).click();
  await sees(lab, "Đã chấp nhận");

  // 6. The day is over (moved three days back): the event and the meeting are held.
  const shift = event.endsAt.getTime() - Date.now() + 3 * DAY;
  const db = portalDb();
  await db.event.update({
    where: { id: event.id },
    data: { startsAt: new Date(event.startsAt.getTime() - shift), endsAt: new Date(event.endsAt.getTime() - shift) },
  });
  await db.eventMeeting.updateMany({
    where: { eventId: event.id },
    data: { startsAt: new Date(slot!.start.getTime() - shift), endsAt: new Date(slot!.end.getTime() - shift) },
  });

  // 7. The startup records a research contract in the meeting's conversation; the researcher confirms it.
  await company.goto(thread);
  await company.locator("summary", { hasText: "Ghi nhận một thỏa thuận" }).click();
  await company.getByLabel("Loại thỏa thuận").selectOption("research_contract");
  await company.getByLabel("Ngày ký").fill(hanoiToday());
  await company.getByRole("button", { name: "Ghi nhận và gửi bên kia xác nhận" }).click();
  await sees(company, "Đang chờ bên kia xác nhận.");
  // Pending: not counted yet.
  expect((await figures(desk, "/admin/indicators")).agreements).toBe(officialBefore.agreements);
  await lab.goto(thread);
  await lab.getByRole("button", { name: "Xác nhận", exact: true }).click();
  await sees(lab, "Đã xác nhận");
  await fitsTheScreen(lab);

  // 8. The official sees the event, the meeting and the confirmed agreement counted; the public page too, counts only.
  expect(await figures(desk, "/admin/indicators")).toEqual({
    events: officialBefore.events + 1,
    meetings: officialBefore.meetings + 1,
    agreements: officialBefore.agreements + 1,
  });
  await fitsTheScreen(desk);
  await expect
    .poll(async () => {
      const now = await figures(publicPage, "/ecosystem");
      return [
        now.events - publicBefore.events,
        now.meetings - publicBefore.meetings,
        now.agreements - publicBefore.agreements,
      ];
    })
    .toEqual([1, 1, 1]);
  expect(await publicPage.content()).not.toContain(researcherName);
  expect(await publicPage.content()).not.toContain(pick("vi", "Hợp đồng nghiên cứu", "Research contract"));
});
