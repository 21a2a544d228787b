import crypto from "node:crypto";
import sharp from "sharp";
import { describe, expect, test } from "vitest";
import { useBrowser } from "./browser";
import { makeUser } from "../factories";
import { portalDb, signInAs } from "./fixtures";
import { uploadFiles } from "./images";

/**
 * A manager gives a listing a logo (issue 17), at 360 px in Vietnamese without
 * JavaScript: a file that is not an image is refused with a message, a photo
 * is fitted, stripped of its metadata and served under a name that changes
 * with every upload (cached for a year); removing it brings the initials back.
 */
const { openPage } = useBrowser();
const unique = crypto.randomBytes(3).toString("hex");
const PHONE = { width: 360, height: 780 };

describe("an organization's logo", () => {
  test("a manager uploads, replaces and removes it; a bad file is refused with a message", async () => {
    const organization = await portalDb().organization.create({
      data: {
        slug: `vien-logo-${unique}`,
        kind: "institute",
        status: "published",
        nameVi: `Viện Logo Thử nghiệm ${unique}`,
        acronym: "VLT",
        sortNameVi: `vien logo thu nghiem ${unique}`,
      },
    });
    const manager = await makeUser({ name: `Quản lý logo ${unique}` });
    await portalDb().organizationManager.create({ data: { userId: manager.id, organizationId: organization.id } });
    const { notImage, photo } = await uploadFiles({
      width: 800,
      height: 400,
      color: "#1d4ed8",
      notImage: "<html><script>alert(1)</script></html>",
    });

    const page = await openPage({ javaScriptEnabled: false, viewport: PHONE });
    await signInAs(manager.id, page.context());
    await page.goto(`/organizations/${organization.slug}`);
    // No logo yet: the initials stand in.
    expect(await page.locator("header img").count()).toBe(0);
    expect(await page.locator("header").getByText("VLT", { exact: true }).count()).toBe(1);
    await page.getByRole("link", { name: "Đổi logo" }).click();

    await page.getByLabel("Ảnh logo").setInputFiles(notImage);
    await page.getByRole("button", { name: "Tải logo lên" }).click();
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("không phải ảnh");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect((await portalDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).logoKey).toBeNull();

    await page.getByLabel("Ảnh logo").setInputFiles(photo);
    await page.getByRole("button", { name: "Tải logo lên" }).click();
    await expect.poll(() => page.getByText("Đã cập nhật logo.").isVisible()).toBe(true);
    const src = await page.locator("header img").getAttribute("src");
    expect(src).toMatch(/^\/media\/logos\/[a-f0-9]{32}-256\.webp$/);
    const answer = await page.request.get(src!);
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toBe("image/webp");
    // Was a bug: the pages' "private, no-cache" came first, so browsers asked again every time.
    expect(answer.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(answer.headers()["x-content-type-options"]).toBe("nosniff");
    const served = await answer.body();
    expect((await sharp(served).metadata()).width).toBe(256);
    expect(served.includes(Buffer.from("Camera Owner"))).toBe(false);
    expect(await page.locator("header img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(256);

    // Removed: the file is gone, the initials are back.
    await page.goto(`/organizations/${organization.slug}/logo`);
    await page.getByRole("button", { name: "Gỡ logo" }).click();
    await expect.poll(() => page.getByText("Đã gỡ logo.").isVisible()).toBe(true);
    expect(await page.locator("header img").count()).toBe(0);
    expect((await page.request.get(src!)).status()).toBe(404);
    // Names the media module never writes are not looked up.
    expect((await page.request.get("/media/logos/..%2F..%2Fbench.db")).status()).toBe(404);
  });

  test("someone who does not manage the listing cannot change its logo", async () => {
    const organization = await portalDb().organization.create({
      data: { slug: `vien-logo-khac-${unique}`, kind: "lab", status: "published", nameVi: `Phòng Khác ${unique}` },
    });
    const stranger = await makeUser({ name: `Người lạ ${unique}` });
    const page = await openPage({ javaScriptEnabled: false, viewport: PHONE });
    await signInAs(stranger.id, page.context());
    expect((await page.goto(`/organizations/${organization.slug}/logo`))!.status()).toBe(403);
    const post = await page.request.post(`/organizations/${organization.slug}/logo`, {
      form: { intent: "remove" },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(post.status()).toBe(403);
  });
});
