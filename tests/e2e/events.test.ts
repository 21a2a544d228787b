import { describe, expect, test } from "vitest";
import { pick, translator } from "~/i18n/i18n";
import { useBrowser } from "./browser";
import { makeOrganization, makeUser } from "../factories";
import { portalDb, signInAs } from "./fixtures";
import { journeyCamera, VARIANTS } from "./journey-shots";
import { manage, word } from "./world";

/**
 * An incubator's manager publishes a demo day from a phone, in Vietnamese, without
 * JavaScript, in a browser set to another time zone; a refused form keeps every value
 * (400, a message at the field); an official approves it; a visitor finds it in /events
 * by an unaccented query, and its page shows the time as entered, in Hanoi time.
 */
const { openPage } = useBrowser();
type Page = import("playwright-core").Page;
const t = translator("vi");
const PHONE = {
  ...VARIANTS[0].context,
  viewport: { width: 360, height: 780 },
  javaScriptEnabled: false,
  // Hanoi time is what the organizer types and what the page shows, whatever the browser's zone.
  timezoneId: "America/Los_Angeles",
};

async function pickField(page: Page, slug: string) {
  const field = await portalDb().field.findUniqueOrThrow({ where: { slug }, include: { parent: true } });
  await page.getByText(pick("vi", field.parent!.nameVi, field.parent!.nameEn), { exact: true }).click();
  await page.getByLabel(pick("vi", field.nameVi, field.nameEn), { exact: true }).check();
}

async function noSideways(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is wider than the phone`).toBeLessThanOrEqual(360);
}

describe("events on a phone, in Vietnamese, without JavaScript", () => {
  test("an incubator publishes a demo day, an official approves it, a visitor finds it and reads its Hanoi time", async () => {
    const camera = journeyCamera("events", VARIANTS[0]);
    const token = word();
    const incubator = await makeOrganization({
      label: "events-incubator",
      kind: "incubator",
      nameVi: `Vườn ươm Thử nghiệm ${token}`,
    });
    const manager = await makeUser({ label: "incubator-manager" });
    await manage(manager.id, incubator.id);
    const official = await makeUser({ label: "curator", role: "curator" });
    const title = `Ngày trình diễn khởi nghiệp ${token}`;

    const page = await openPage(PHONE);
    await signInAs(manager.id, page.context());
    await page.goto(`/organizations/${incubator.slug}`);
    await page.getByRole("link", { name: t("events.new.link") }).click();
    await page.waitForURL(/\/events\/new\?org=/);
    await page.getByLabel(t("event.kind")).selectOption({ label: "Ngày trình diễn (demo day)" });
    await page.getByLabel(t("event.titleVi")).fill(title);
    await page.getByLabel(t("event.descriptionVi")).fill("Mười nhóm khởi nghiệp trình bày trước nhà đầu tư.");
    await page.getByLabel(t("event.startsAt")).fill("2031-06-12T09:00");
    // The end before the start is refused with the field's message; what was typed stays.
    await page.getByLabel(t("event.endsAt")).fill("2031-06-12T08:00");
    await page.getByLabel(t("event.venue")).fill("Tòa nhà Thử nghiệm, 1 Đại Cồ Việt");
    await page.getByLabel(t("org.district")).selectOption("hai-ba-trung");
    await page.getByLabel(t("event.capacity")).fill("80");
    await pickField(page, "food-technology");
    const refused = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: t("event.submit") }).click();
    expect((await refused).status()).toBe(400);
    await expect.poll(() => page.getByText(t("event.endBeforeStart")).isVisible()).toBe(true);
    expect(await page.getByLabel(t("event.titleVi")).inputValue()).toBe(title);
    expect(await page.getByLabel(t("event.startsAt")).inputValue()).toBe("2031-06-12T09:00");
    expect(await page.getByLabel(t("event.capacity")).inputValue()).toBe("80");
    await noSideways(page);
    await camera.shot(page, "form-refused", "Giờ kết thúc trước giờ bắt đầu bị từ chối, nội dung vẫn giữ");

    await page.getByLabel(t("event.endsAt")).fill("2031-06-12T17:00");
    await page.getByRole("button", { name: t("event.submit") }).click();
    await page.waitForURL(/\/events\/[a-z0-9-]+\?sent=pending/);
    await expect.poll(() => page.getByText(t("event.sent")).isVisible()).toBe(true);
    const slug = new URL(page.url()).pathname.split("/")[2]!;
    const event = await portalDb().event.findUniqueOrThrow({ where: { slug } });
    expect(event.startsAt.toISOString()).toBe("2031-06-12T02:00:00.000Z");

    // Not public before an official approves it.
    const visitor = await openPage(PHONE);
    expect((await visitor.goto(`/events/${slug}`))!.status()).toBe(404);

    const desk = await openPage(PHONE);
    await signInAs(official.id, desk.context());
    await desk.goto("/admin/queue");
    await camera.shot(desk, "queue", "Sự kiện chờ duyệt trong hàng chờ của cán bộ quản lý");
    await desk
      .locator(`#event-${event.id}`)
      .getByRole("button", { name: t("admin.approve") })
      .click();
    await expect.poll(() => desk.getByText(t("queue.done")).isVisible()).toBe(true);

    // Found by the words typed without accents, once the index has it.
    await expect
      .poll(async () => {
        await visitor.goto(`/events?q=${encodeURIComponent(`ngay trinh dien khoi nghiep ${token}`)}`);
        return visitor.getByRole("link", { name: title }).count();
      })
      .toBe(1);
    await noSideways(visitor);
    await camera.shot(visitor, "list", "Danh sách sự kiện tìm bằng chữ không dấu");
    await visitor.getByRole("link", { name: title }).click();
    await visitor.waitForURL(`**/events/${slug}`);
    await expect.poll(() => visitor.getByText(/09:00–17:00 \(giờ Hà Nội\)/).isVisible()).toBe(true);
    expect(await visitor.getByText(/Thứ Năm, 12\/06\/2031/).count()).toBeGreaterThan(0);
    expect(await visitor.getByRole("link", { name: t("event.register") }).getAttribute("href")).toBe(
      `/events/${slug}/registration`,
    );
    expect(await visitor.getByRole("link", { name: pick("vi", incubator.nameVi, incubator.nameEn) }).count()).toBe(1);
    expect(await visitor.getByText(t("event.seats", { capacity: "80", left: "80" })).count()).toBe(1);
    await noSideways(visitor);
    await camera.shot(visitor, "event-page", "Trang sự kiện, giờ Hà Nội");
    // The incubator's page lists it.
    await visitor.goto(`/organizations/${incubator.slug}`);
    expect(
      await visitor
        .getByRole("region", { name: t("events.upcoming") })
        .getByRole("link", { name: title })
        .count(),
    ).toBe(1);
  });

  test("a past event keeps its page, says it has ended and offers no registration; a cancelled one says so", async () => {
    const token = word();
    const make = (status: string, days: number) =>
      portalDb().event.create({
        data: {
          slug: `hoi-thao-${status}-${token}`,
          kind: "workshop",
          titleVi: `Hội thảo ${status} ${token}`,
          startsAt: new Date(Date.now() + days * 86_400_000),
          endsAt: new Date(Date.now() + days * 86_400_000 + 3 * 3_600_000),
          format: "online",
          onlineUrl: "https://meet.example.vn/hoi-thao",
          organizerName: "Sở Khoa học và Công nghệ Hà Nội",
          status,
        },
      });
    const past = await make("published", -30);
    const cancelled = await make("cancelled", 30);
    const page = await openPage(PHONE);
    expect((await page.goto(`/events/${past.slug}`))!.status()).toBe(200);
    expect(await page.getByText(t("event.endedNotice")).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: t("event.register") }).count()).toBe(0);
    expect(await page.getByRole("link", { name: t("event.addToCalendar") }).count()).toBe(0);
    expect((await page.goto(`/events/${cancelled.slug}`))!.status()).toBe(200);
    expect(await page.getByText(t("event.cancelledNotice")).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: t("event.register") }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "meet.example.vn/hoi-thao" }).count()).toBe(0);
    await noSideways(page);
  });
});
