import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, test } from "vitest";
import { translator } from "~/i18n/i18n";
import { MAX_IMPORT_BYTES } from "~/models/import/columns";
import { useBrowser } from "./browser";
import { makeUser } from "../factories";
import { portalDb, signInAs } from "./fixtures";
import { makeFoodCompany } from "./world";

/**
 * An official imports a lab's equipment and services from a spreadsheet (issue 17), at
 * 360 px in Vietnamese without JavaScript: a dry run lists every row and writes nothing,
 * a bad row refuses the whole file with its line and column, "Import" publishes them.
 */
const { openPage } = useBrowser();
const t = translator("vi");
const PHONE = { viewport: { width: 360, height: 780 }, javaScriptEnabled: false, locale: "vi-VN" };
const unique = crypto.randomBytes(3).toString("hex");

/** A POST that only announces its size: the portal answers before reading any of it. */
function announce(pathname: string, bytes: number, cookie: string): Promise<number> {
  const url = new URL(pathname, inject("baseURL"));
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: "POST",
      headers: {
        "Content-Type": "multipart/form-data; boundary=x",
        "Content-Length": String(bytes),
        Cookie: cookie,
        Origin: url.origin,
      },
    });
    request.on("response", (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    request.on("error", reject);
    request.flushHeaders();
  });
}

describe("bulk import of offers", () => {
  test("an official dry-runs, sees a bad row refused, then imports a lab's list", async () => {
    const lab = await makeFoodCompany(`import-lab-${unique}`);
    const curator = await makeUser({ role: "curator" });
    const header = "type,organization,nameVi,descriptionVi,fields,priceMode,category,accessMode,make";
    const rows = [
      `equipment,${lab.slug},Kính hiển vi điện tử quét ${unique},Chụp ảnh bề mặt,electron-microscopy,,microscopy,staff_run,JEOL`,
      `service,${lab.slug},Đo nhiễu xạ tia X ${unique},Xác định pha,materials-characterization,quote,,,`,
    ];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "offer-import-"));
    const bad = path.join(dir, "thiet-bi-loi.csv");
    fs.writeFileSync(
      bad,
      [header, ...rows, `equipment,${lab.slug},Máy thiếu loại ${unique},,food-technology,,,,`].join("\n"),
    );
    const good = path.join(dir, "thiet-bi.csv");
    fs.writeFileSync(good, [header, ...rows].join("\n"));

    const page = await openPage(PHONE);
    await signInAs(curator.id, page.context());
    await page.goto("/admin/import");
    await page.getByRole("link", { name: t("offerImport.link") }).click();
    await page.waitForURL("**/admin/import/offers");

    await page.getByLabel(t("import.file")).setInputFiles(bad);
    const refused = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: t("import.dryRun") }).click();
    expect((await refused).status()).toBe(400);
    const rejected = page.locator("tr", { hasText: `Máy thiếu loại ${unique}` });
    await expect.poll(() => rejected.innerText()).toContain("category");
    expect(await rejected.innerText()).toContain(t("form.required"));
    expect(await page.getByRole("button", { name: new RegExp(`^${t("import.apply")} \\(`) }).count()).toBe(0);

    await page.getByLabel(t("import.file")).setInputFiles(good);
    await page.getByRole("button", { name: t("import.dryRun") }).click();
    await expect.poll(() => page.getByRole("heading", { name: /thiet-bi\.csv/ }).innerText()).toContain("2 tạo mới");
    expect(await portalDb().offer.count({ where: { organizationId: lab.id } })).toBe(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    await page.getByRole("button", { name: `${t("import.apply")} (2)` }).click();
    await expect.poll(() => page.getByText(t("offerImport.applied", { create: 2, update: 0 })).isVisible()).toBe(true);
    const offers = await portalDb().offer.findMany({ where: { organizationId: lab.id }, orderBy: { type: "asc" } });
    expect(offers.map((offer) => [offer.type, offer.status])).toEqual([
      ["equipment", "published"],
      ["service", "published"],
    ]);
    const instrument = await page.goto(`/offers/${offers[0]!.id}`);
    expect(instrument!.status()).toBe(200);

    // A file over the limit is refused before a byte of it is read; members may not import at all.
    const cookie = await signInAs(curator.id);
    expect(await announce("/admin/import/offers", MAX_IMPORT_BYTES + 1024 * 1024, cookie)).toBe(413);
    const member = await makeUser();
    const stranger = await openPage(PHONE);
    await signInAs(member.id, stranger.context());
    expect((await stranger.goto("/admin/import/offers"))!.status()).toBe(403);
  });
});
