import crypto from "node:crypto";
import { describe, expect, test } from "vitest";
import { useBrowser } from "./browser";
import { makeUser } from "../factories";
import { portalDb, signInAs } from "./fixtures";
import { httpClient } from "./http-client";
import { foodFieldId, makeRequest } from "./world";

/**
 * How to reach a listing (issue 14) and where it is since July 2025 (issue
 * 13), as people meet it: at 390 px, in Vietnamese, without JavaScript. A
 * manager's contact edit is checked field by field, waits for review, and
 * once approved the page shows the address with its ward, the switchboard,
 * the mailbox and a map link; the API filters by ward and area separately
 * and never gives an anonymous request's ward.
 */
const { openPage } = useBrowser();
const unique = crypto.randomBytes(3).toString("hex");
const PHONE = { width: 390, height: 844 };

describe("contacts and wards", () => {
  test("a manager's contacts are checked, reviewed, then shown with the ward and a map link", async () => {
    const organization = await portalDb().organization.create({
      data: {
        slug: `vien-lien-he-${unique}`,
        kind: "institute",
        status: "published",
        nameVi: `Viện Liên hệ ${unique}`,
        sortNameVi: `vien lien he ${unique}`,
        address: "Số 9 phố Cũ",
        contactSourceUrl: "https://nguon.example.vn/lien-he",
        fields: { create: [{ fieldId: await foodFieldId() }] },
      },
    });
    const manager = await makeUser({ name: `Quản lý ${unique}` });
    await portalDb().organizationManager.create({ data: { userId: manager.id, organizationId: organization.id } });

    const page = await openPage({ javaScriptEnabled: false, viewport: PHONE });
    await signInAs(manager.id, page.context());
    await page.goto(`/organizations/${organization.slug}/edit`);
    // Two separate choices: today's ward and the former district.
    expect(await page.getByLabel("Số nhà, đường phố").inputValue()).toBe("Số 9 phố Cũ");
    await page.getByLabel("Số nhà, đường phố").fill("18 Hoàng Quốc Việt");
    await page.getByLabel("Phường/xã (từ 7/2025)").selectOption("nghia-do");
    await page.getByLabel("Khu vực (quận/huyện cũ)").selectOption("cau-giay");
    await page.getByLabel("Điện thoại (tổng đài)").fill("gọi cho chúng tôi");
    await page.getByLabel("Thư điện tử chung").fill("lienhe@");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => page.getByText("Số điện thoại không hợp lệ").isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.locator("fieldset", { hasText: "Liên hệ" }).screenshot({ path: "/tmp/areas-edit-390.png" });
    expect(await page.getByText("Địa chỉ thư không hợp lệ").isVisible()).toBe(true);
    // What was typed and ticked stays in the form (the one field was lost here: was a bug).
    expect(await page.getByLabel("Phường/xã (từ 7/2025)").inputValue()).toBe("nghia-do");
    expect(await page.locator('input[name="fieldSlugs"]:checked').count()).toBe(1);
    expect(await portalDb().organizationRevision.count({ where: { organizationId: organization.id } })).toBe(0);

    await page.getByLabel("Điện thoại (tổng đài)").fill("024 3756 4321 - 024 3756 1234");
    await page.getByLabel("Thư điện tử chung").fill("LienHe@vien.edu.vn");
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.waitForURL(/proposed=1/);
    expect(await portalDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).toMatchObject({
      phone: null,
      ward: null,
    });

    const official = await makeUser({ role: "curator" });
    const queue = await openPage();
    await signInAs(official.id, queue.context());
    await queue.goto("/admin/queue");
    const item = queue
      .getByRole("listitem")
      .filter({ has: queue.getByRole("link", { name: organization.nameVi! }) })
      .first();
    await expect.poll(() => item.getByRole("rowheader", { name: "phone" }).isVisible()).toBe(true);
    expect(await item.getByRole("cell", { name: "024 3756 4321; 024 3756 1234" }).isVisible()).toBe(true);
    await item.getByRole("button", { name: "Duyệt" }).click();
    await expect.poll(() => queue.getByText("Đã xử lý.").isVisible()).toBe(true);

    await page.goto(`/organizations/${organization.slug}`);
    const contact = page.getByRole("region", { name: "Liên hệ" });
    await expect.poll(() => contact.getByText("18 Hoàng Quốc Việt, Phường Nghĩa Đô, Hà Nội").isVisible()).toBe(true);
    expect(await contact.getByRole("link", { name: "Cầu Giấy" }).getAttribute("href")).toBe(
      "/directory?district=cau-giay",
    );
    expect(await contact.getByRole("link", { name: "024 3756 4321" }).getAttribute("href")).toBe("tel:02437564321");
    expect(await contact.getByRole("link", { name: "024 3756 1234" }).getAttribute("href")).toBe("tel:02437561234");
    expect(await contact.getByRole("link", { name: "lienhe@vien.edu.vn" }).getAttribute("href")).toBe(
      "mailto:lienhe@vien.edu.vn",
    );
    const map = await contact.getByRole("link", { name: "Xem vị trí trên OpenStreetMap" }).getAttribute("href");
    expect(map).toBe(
      `https://www.openstreetmap.org/search?query=${encodeURIComponent("18 Hoàng Quốc Việt, Phường Nghĩa Đô, Hà Nội")}`,
    );
    // Fits a phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // The manager's contacts no longer rest on the page they were first copied from.
    expect(await contact.getByText("Nguồn thông tin liên hệ").count()).toBe(0);
    expect(
      (await portalDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).contactSourceUrl,
    ).toBeNull();
    await contact.screenshot({ path: "/tmp/areas-contact-390.png" });
    await page.screenshot({ path: "/tmp/areas-org-390.png", fullPage: true });

    // The API filters by ward and by area, separately, and gives the phone.
    const api = httpClient();
    await expect
      .poll(async () =>
        (
          (await (await api.get("/api/v1/organizations?ward=nghia-do")).json()) as { data: { slug: string }[] }
        ).data.map((row) => row.slug),
      )
      .toContain(organization.slug);
    const byArea = (await (await api.get("/api/v1/organizations?area=cau-giay&perPage=100")).json()) as {
      data: { slug: string }[];
    };
    expect(byArea.data.map((row) => row.slug)).toContain(organization.slug);
    // Cầu Giấy is also a ward today, but this listing's ward is Nghĩa Đô: no guess from the area.
    const byWard = (await (await api.get("/api/v1/organizations?ward=cau-giay&perPage=100")).json()) as {
      data: { slug: string }[];
    };
    expect(byWard.data.map((row) => row.slug)).not.toContain(organization.slug);
    const detail = (await (await api.get(`/api/v1/organizations/${organization.slug}`)).json()) as {
      data: Record<string, unknown>;
    };
    expect(detail.data).toMatchObject({
      area: { slug: "cau-giay" },
      ward: { slug: "nghia-do", type: "phuong", nameVi: "Nghĩa Đô" },
      phone: "024 3756 4321; 024 3756 1234",
    });
    expect(JSON.stringify(detail.data)).not.toContain("lienhe@");
  });

  test("a seeded university shows its published switchboard and address", async () => {
    const page = await openPage({ javaScriptEnabled: false, viewport: PHONE });
    await page.goto("/organizations/hust");
    const contact = page.getByRole("region", { name: "Liên hệ" });
    expect(await contact.getByRole("link", { name: "024 3869 4242" }).getAttribute("href")).toBe("tel:02438694242");
    expect(await contact.getByText("Số 1 Đại Cồ Việt, Hai Bà Trưng, Hà Nội").isVisible()).toBe(true);
    expect(
      await contact.getByRole("link", { name: "trangedu.com/truong/dai-hoc-bach-khoa-ha-noi" }).getAttribute("href"),
    ).toBe("https://trangedu.com/truong/dai-hoc-bach-khoa-ha-noi/");
  });

  test("an anonymous request shows its area, never its ward; a public one shows both", async () => {
    const author = await makeUser({ accountType: "business" });
    const reviewer = await makeUser({ role: "curator" });
    const hidden = await makeRequest(author.id, { reviewerId: reviewer.id, visibility: "anonymous" });
    const shown = await makeRequest(author.id, { reviewerId: reviewer.id, visibility: "public" });
    await portalDb().techRequest.updateMany({
      where: { id: { in: [hidden.id, shown.id] } },
      data: { ward: "dong-anh" },
    });

    const api = httpClient();
    const anonymous = (await (await api.get(`/api/v1/requests/${hidden.id}`)).json()) as {
      data: Record<string, unknown>;
    };
    expect(anonymous.data).toMatchObject({ area: { slug: "dong-anh" }, ward: null, companyName: null });
    const open = (await (await api.get(`/api/v1/requests/${shown.id}`)).json()) as { data: Record<string, unknown> };
    expect(open.data).toMatchObject({ area: { slug: "dong-anh" }, ward: { slug: "dong-anh", type: "xa" } });

    const page = await openPage({ javaScriptEnabled: false, viewport: PHONE });
    await page.goto(`/requests/${hidden.id}`);
    expect(await page.getByText("Xã Đông Anh").count()).toBe(0);
    await page.goto(`/requests/${shown.id}`);
    expect(await page.getByText("Xã Đông Anh").count()).toBeGreaterThan(0);
  });
});
