import { describe, expect, test } from "vitest";
import { pick, translator } from "~/i18n/i18n";
import { axeViolations } from "./axe";
import { useBrowser } from "./browser";
import { makeUser } from "../factories";
import { portalDb, signInAs } from "./fixtures";
import { uploadFiles } from "./images";
import { journeyCamera, VARIANTS } from "./journey-shots";
import { makeFoodCompany, manage, word } from "./world";

/**
 * A lab manager publishes a service and an instrument with a photo from a phone, in
 * Vietnamese, without JavaScript; an official approves both from the queue; a visitor
 * then sees them on the organization's page, grouped by type, and on their own pages;
 * a startup finds the instrument by saying what it needs, not the instrument's name.
 */
const { openPage } = useBrowser();
type Page = import("playwright-core").Page;
const t = translator("vi");
const PHONE = { ...VARIANTS[0].context, viewport: { width: 360, height: 780 }, javaScriptEnabled: false };

async function pickField(page: Page, slug: string) {
  const field = await portalDb().field.findUniqueOrThrow({ where: { slug }, include: { parent: true } });
  await page.getByText(pick("vi", field.parent!.nameVi, field.parent!.nameEn), { exact: true }).click();
  await page.getByLabel(pick("vi", field.nameVi, field.nameEn), { exact: true }).check();
}

async function noSideways(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is wider than the phone`).toBeLessThanOrEqual(360);
}

describe("offers on a phone, in Vietnamese, without JavaScript", () => {
  test("a lab manager publishes a service and an instrument, an official approves them, everyone sees them", async () => {
    const camera = journeyCamera("offers", VARIANTS[0]);
    const lab = await makeFoodCompany("offers-lab");
    const manager = await makeUser({ label: "lab-manager" });
    await manage(manager.id, lab.id);
    const official = await makeUser({ label: "curator", role: "curator" });
    const service = `Đo nhiễu xạ tia X mẫu bột ${word()}`;
    const instrument = `Máy nhiễu xạ tia X D8 Advance ${word()}`;

    const page = await openPage(PHONE);
    await signInAs(manager.id, page.context());
    await page.goto(`/organizations/${lab.slug}`);
    await page.getByRole("link", { name: new RegExp(t("offer.add.service")) }).click();
    await page.waitForURL(/\/offers\/new\?type=service/);
    await page.getByLabel(t("offer.nameVi")).fill(service);
    await page.getByLabel(t("offer.descriptionVi")).fill("Xác định pha tinh thể của mẫu bột và màng mỏng.");
    await page.getByLabel(t("offer.turnaround")).fill("5 ngày làm việc");
    await page.getByLabel(t("offer.priceMode"), { exact: true }).selectOption({ label: "Có bảng giá" });
    // A range written backwards is refused with the field's message, and what was typed stays.
    await page.getByLabel(t("offer.priceMin")).fill("1.500.000");
    await page.getByLabel(t("offer.priceMax")).fill("500.000");
    await pickField(page, "food-technology");
    await camera.shot(page, "service-form", "Người quản lý phòng thí nghiệm điền dịch vụ");
    const refused = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: t("offer.submit") }).click();
    expect((await refused).status()).toBe(400);
    await expect.poll(() => page.getByText(t("offer.priceOrder")).isVisible()).toBe(true);
    expect(await page.getByLabel(t("offer.nameVi")).inputValue()).toBe(service);
    expect(await page.getByLabel(t("offer.priceMin")).inputValue()).toBe("1.500.000");
    await camera.shot(page, "service-refused", "Giá ghi ngược bị từ chối, nội dung vẫn giữ nguyên");
    await page.getByLabel(t("offer.priceMax")).fill("2.000.000");
    await page.getByRole("button", { name: t("offer.submit") }).click();
    await page.waitForURL(/\/offers\/[a-z0-9]+\?sent=1/);
    await expect.poll(() => page.getByText(t("offer.sent")).isVisible()).toBe(true);
    const serviceId = new URL(page.url()).pathname.split("/")[2]!;
    await noSideways(page);
    await camera.shot(page, "service-sent", "Dịch vụ đã gửi, chờ duyệt");

    await page.goto(`/offers/new?type=equipment&org=${lab.slug}`);
    await page.getByLabel(t("offer.nameVi")).fill(instrument);
    await page.getByLabel(t("offer.category")).selectOption({ label: "Nhiễu xạ, cấu trúc tinh thể" });
    await page.getByLabel(t("offer.make")).fill("Bruker");
    await page.getByLabel(t("offer.accessMode")).selectOption({ label: "Cán bộ phòng thí nghiệm vận hành" });
    await pickField(page, "materials-characterization");
    await page.getByRole("button", { name: t("offer.submit") }).click();
    await page.waitForURL(/\/offers\/[a-z0-9]+\?sent=1/);
    const instrumentId = new URL(page.url()).pathname.split("/")[2]!;

    // A photo of the instrument: a file that is not an image is refused (400) and the alt text stays.
    await page.getByRole("link", { name: t("offer.photos.manage"), exact: true }).click();
    await page.waitForURL(`**/offers/${instrumentId}/photos`);
    const { notImage, photo } = await uploadFiles({
      width: 1600,
      height: 1200,
      color: "#64748b",
      notImage: "%PDF-1.4 a datasheet, not a photo",
    });
    const alt = "Máy nhiễu xạ đặt trong phòng sạch";
    await page.getByLabel(t("offer.photos.file")).setInputFiles(notImage);
    await page.getByLabel(t("offer.photos.altVi")).fill(alt);
    const photoRefused = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: t("offer.photos.upload") }).click();
    expect((await photoRefused).status()).toBe(400);
    await expect.poll(() => page.getByRole("alert").innerText()).toContain(t("error.photo.notImage"));
    expect(await page.getByLabel(t("offer.photos.altVi")).inputValue()).toBe(alt);
    await noSideways(page);
    await camera.shot(page, "photo-refused", "Tệp không phải ảnh bị từ chối, mô tả ảnh vẫn giữ");
    await page.getByLabel(t("offer.photos.file")).setInputFiles(photo);
    await page.getByRole("button", { name: t("offer.photos.upload") }).click();
    await expect.poll(() => page.getByText(t("offer.photos.added")).isVisible()).toBe(true);
    await noSideways(page);
    await camera.shot(page, "photo-added", "Ảnh thiết bị đã tải lên");

    // Its managers see both waiting on the organization's page; nothing is public before an official approves.
    await page.goto(`/organizations/${lab.slug}`);
    await expect.poll(() => page.getByRole("link", { name: service }).isVisible()).toBe(true);
    expect(await page.getByText("Chờ duyệt", { exact: true }).count()).toBe(2);
    const visitor = await openPage(PHONE);
    expect((await visitor.goto(`/offers/${serviceId}`))!.status()).toBe(404);
    await visitor.goto(`/organizations/${lab.slug}`);
    expect(await visitor.getByRole("link", { name: service }).count()).toBe(0);

    const desk = await openPage(PHONE);
    await signInAs(official.id, desk.context());
    await desk.goto("/admin/queue");
    for (const id of [serviceId, instrumentId]) {
      const item = desk.locator(`#offer-${id}`);
      await item.getByRole("button", { name: t("admin.approve") }).click();
      await expect.poll(() => desk.getByText(t("queue.done")).isVisible()).toBe(true);
    }
    await camera.shot(desk, "queue-approved", "Cán bộ quản lý duyệt cả hai");

    await visitor.goto(`/organizations/${lab.slug}`);
    const section = visitor.getByRole("region", { name: new RegExp(t("offer.section.title")) });
    await expect
      .poll(() =>
        section
          .getByRole("region", { name: /Dịch vụ/ })
          .getByRole("link", { name: service })
          .isVisible(),
      )
      .toBe(true);
    await expect
      .poll(() =>
        section
          .getByRole("region", { name: /Thiết bị/ })
          .getByRole("link", { name: instrument })
          .isVisible(),
      )
      .toBe(true);
    await noSideways(visitor);
    await camera.shot(visitor, "organization-offers", "Trang tổ chức liệt kê dịch vụ và thiết bị");
    await section.getByRole("link", { name: instrument }).click();
    await visitor.waitForURL(`**/offers/${instrumentId}`);
    await expect.poll(() => visitor.getByRole("heading", { level: 1, name: instrument }).isVisible()).toBe(true);
    await expect.poll(() => visitor.getByText("Bruker").isVisible()).toBe(true);
    await noSideways(visitor);
    await camera.shot(visitor, "instrument-page", "Trang riêng của thiết bị");
    await visitor.goto(`/offers/${serviceId}`);
    await expect.poll(() => visitor.getByText("1.500.000–2.000.000 đồng").isVisible()).toBe(true);
    await camera.shot(visitor, "service-page", "Trang riêng của dịch vụ, có giá");

    // A startup asks in its own words, not the instrument's name, and finds it (with its photo).
    const startup = await openPage(PHONE);
    await startup.goto("/offers");
    await startup.getByLabel(t("offerSearch.searchLabel")).fill("phân tích cấu trúc tinh thể");
    await startup.getByLabel(t("offerSearch.searchLabel")).press("Enter");
    await startup.waitForURL(/\/offers\?.*q=/);
    const found = startup.getByRole("link", { name: instrument });
    await expect.poll(() => found.isVisible()).toBe(true);
    const card = startup.locator("article", { has: found });
    const thumbnail = await card.locator("img").getAttribute("src");
    expect(thumbnail).toMatch(/^\/media\/photos\/[a-f0-9]{32}-320\.webp$/);
    await noSideways(startup);
    await camera.shot(startup, "startup-finds", "Doanh nghiệp khởi nghiệp tìm thấy thiết bị bằng lời của mình");
    await found.click();
    await startup.waitForURL(`**/offers/${instrumentId}`);
    const shown = startup.getByRole("img", { name: alt });
    await expect.poll(() => shown.isVisible()).toBe(true);
    expect(await shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1200);
    const served = await startup.request.get((await shown.getAttribute("src"))!);
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toBe("image/webp");
    expect(served.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await served.body()).includes(Buffer.from("Camera Owner"))).toBe(false);
    await noSideways(startup);
    await camera.shot(startup, "instrument-photo", "Trang thiết bị có ảnh");
  });

  test("a seeded offer says it is from public sources, with its sources and no price", async () => {
    const offer = await portalDb().offer.findFirstOrThrow({ where: { fromPublicSource: true, type: "service" } });
    const page = await openPage(PHONE);
    const response = await page.goto(`/offers/${offer.id}`);
    expect(response!.status()).toBe(200);
    await expect.poll(() => page.getByText(t("offer.publicSource")).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("region", { name: t("offer.sources") }).isVisible()).toBe(true);
    expect(await page.getByText(t("offer.priceMode"), { exact: true }).count()).toBe(0);
    await noSideways(page);
    await journeyCamera("offers-seeded", VARIANTS[0]).shot(page, "public-source", "Chào mời từ nguồn công khai");
  });

  test("an offer's page, the organization's list and the form have no serious accessibility violations", async () => {
    const offer = await portalDb().offer.findFirstOrThrow({
      where: { fromPublicSource: true, type: "equipment" },
      include: { organization: true },
    });
    const manager = await makeUser({ label: "axe-manager" });
    await manage(manager.id, offer.organizationId!);
    const page = await openPage({ ...VARIANTS[0].context, bypassCSP: true });
    await signInAs(manager.id, page.context());
    for (const url of [
      `/offers/${offer.id}`,
      `/organizations/${offer.organization!.slug}`,
      `/offers/new?type=technology&org=${offer.organization!.slug}`,
      `/offers/${offer.id}/edit`,
    ]) {
      await page.goto(url, { waitUntil: "networkidle" });
      expect(await axeViolations(page), url).toEqual([]);
    }
  });
});
