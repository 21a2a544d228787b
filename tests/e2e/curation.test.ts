import crypto from "node:crypto";
import { describe, expect, test } from "vitest";
import { useBrowser, baseURL } from "./browser";
import { makeUser } from "../factories";
import { portalDb, signInAs } from "./fixtures";
import { httpClient } from "./http-client";

/**
 * An official's day, in Chromium: a manager's edit waits in the queue and is
 * approved from a before/after view; two duplicate listings are merged and
 * the old address redirects; a file is dry-run, fixed and imported; the audit
 * log shows each action once and exports it.
 */
const { openPage } = useBrowser();
const unique = crypto.randomBytes(3).toString("hex");

async function listing(data: { slug: string; nameVi: string; kind?: string; website?: string }) {
  return portalDb().organization.create({
    data: { kind: "institute", status: "published", sortNameVi: data.nameVi.toLowerCase(), ...data },
  });
}

describe("the curation console", () => {
  test("a manager's edit waits for review; the official sees before and after and approves it", async () => {
    const organization = await listing({ slug: `vien-kiem-dinh-${unique}`, nameVi: `Viện Kiểm định ${unique}` });
    const manager = await makeUser({ name: `Quản lý ${unique}` });
    await portalDb().organizationManager.create({ data: { userId: manager.id, organizationId: organization.id } });

    const managerPage = await openPage();
    await signInAs(manager.id, managerPage.context());
    await managerPage.goto(`/organizations/${organization.slug}/edit`);
    // Before saving, the form says what will happen, not that something was sent.
    await expect
      .poll(() => managerPage.getByText("Sau khi bạn lưu, nội dung sửa sẽ được cán bộ quản lý duyệt").isVisible())
      .toBe(true);
    expect(await managerPage.getByText("đã được gửi").count()).toBe(0);
    await managerPage.getByLabel("Giới thiệu (tiếng Việt)").fill("Kiểm định thiết bị đo lường và vật liệu xây dựng.");
    await managerPage.getByText("Khoa học vật liệu & công nghệ nano").click();
    await managerPage.getByLabel("Vật liệu nano", { exact: true }).check();
    await managerPage.getByRole("button", { name: "Lưu" }).click();
    await managerPage.waitForURL(/proposed=1/);
    await expect.poll(() => managerPage.getByText("cán bộ quản lý sẽ duyệt").first().isVisible()).toBe(true);
    expect((await portalDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).summaryVi).toBeNull();

    const official = await makeUser({ role: "curator", name: `Cán bộ ${unique}` });
    const page = await openPage();
    await signInAs(official.id, page.context());
    await page.goto("/admin");
    await page.getByRole("link", { name: /Hàng chờ duyệt/ }).click();
    const item = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: organization.nameVi! }) })
      .first();
    await expect
      .poll(() => item.getByRole("cell", { name: "Kiểm định thiết bị đo lường và vật liệu xây dựng." }).isVisible())
      .toBe(true);
    await expect.poll(() => item.getByRole("rowheader", { name: "summaryVi" }).isVisible()).toBe(true);
    await item.getByRole("button", { name: "Duyệt" }).click();
    await expect.poll(() => page.getByText("Đã xử lý.").isVisible()).toBe(true);

    await page.goto(`/organizations/${organization.slug}`);
    await expect.poll(() => page.getByText("Kiểm định thiết bị đo lường và vật liệu xây dựng.").isVisible()).toBe(true);
    expect(
      await portalDb().notification.count({
        where: { userId: manager.id, data: { contains: "notify.revisionApproved" } },
      }),
    ).toBe(1);
  });

  test("a member proposes a missing organization; once an official approves it, it is public and they manage it", async () => {
    const member = await makeUser({ name: `Người đề xuất ${unique}` });
    const page = await openPage({ javaScriptEnabled: false });
    await signInAs(member.id, page.context());
    await page.goto("/account");
    await page.getByRole("link", { name: "Đề xuất thêm tổ chức còn thiếu" }).click();
    await page.getByLabel("Loại tổ chức").selectOption("startup");
    await page.getByLabel("Tên tiếng Việt").fill(`Công ty Cảm biến Mới ${unique}`);
    await page.getByLabel("Giới thiệu (tiếng Việt)").fill("Khởi nghiệp cảm biến khí cho nhà máy.");
    await page.getByText("Điện tử, viễn thông & bán dẫn").click();
    await page.getByLabel("Cảm biến", { exact: true }).check();
    await page.getByLabel("Trực thuộc").fill("HUST");
    await page.getByRole("button", { name: "Gửi để duyệt" }).click();
    await page.waitForURL(/sent=1/);
    const proposed = await portalDb().organization.findFirstOrThrow({
      where: { nameVi: `Công ty Cảm biến Mới ${unique}` },
      include: { parent: true },
    });
    expect(proposed).toMatchObject({ status: "pending", kind: "startup" });
    expect(proposed.parent?.slug).toBe("hust");
    expect((await httpClient().get(`/organizations/${proposed.slug}`)).status).toBe(404); // not public yet

    const official = await makeUser({ role: "curator" });
    const queue = await openPage();
    await signInAs(official.id, queue.context());
    await queue.goto("/admin/queue");
    const item = queue.locator(`#listing-${proposed.id}`);
    await item.getByRole("button", { name: "Duyệt" }).click();
    await expect.poll(() => queue.getByText("Đã xử lý.").isVisible()).toBe(true);
    expect((await httpClient().get(`/organizations/${proposed.slug}`)).status).toBe(200);
    expect(
      await portalDb().organizationManager.count({ where: { userId: member.id, organizationId: proposed.id } }),
    ).toBe(1);
    expect(
      await portalDb().auditEntry.count({ where: { action: "organization.publish", entityId: proposed.id } }),
    ).toBe(1);
  });

  test("merges a duplicate: its expert moves and its old address redirects to the listing that stays", async () => {
    const survivor = await listing({ slug: `vien-co-hoc-${unique}`, nameVi: `Viện Cơ học ${unique}` });
    const duplicate = await listing({
      slug: `vien-co-hoc-viet-nam-${unique}`,
      nameVi: `Viện Cơ học Việt Nam ${unique}`,
      website: "https://imech.example.vn",
    });
    const researcher = await makeUser({ accountType: "researcher" });
    const expert = await portalDb().expertProfile.create({
      data: {
        userId: researcher.id,
        slug: `expert-${unique}`,
        fullName: "Vũ Văn Hải",
        affiliationId: duplicate.id,
        status: "published",
      },
    });

    const official = await makeUser({ role: "curator" });
    const page = await openPage();
    await signInAs(official.id, page.context());
    await page.goto(`/admin/organizations?q=${encodeURIComponent(`Viện Cơ học Việt Nam ${unique}`)}`);
    const row = page.locator(`[data-organization="${duplicate.slug}"]`);
    await row.getByRole("link", { name: /^Xử lý/ }).click();
    // The survivor is found by a search, not typed as a slug, and compared before the merge.
    await page.getByLabel("Tìm hồ sơ giữ lại").fill(`Viện Cơ học ${unique}`);
    await page.getByRole("button", { name: "Tìm" }).click();
    await page.getByRole("link", { name: `Chọn hồ sơ này: ${survivor.nameVi}` }).click();
    await expect.poll(() => page.getByRole("cell", { name: "https://imech.example.vn" }).isVisible()).toBe(true);
    await page.getByLabel("Lý do").fill("Cùng một viện, hai tên gọi");
    await page.getByRole("button", { name: "Xác nhận gộp" }).click();
    await expect.poll(() => page.getByText("Đã gộp: chuyển 1 chuyên gia").isVisible()).toBe(true);

    expect((await portalDb().expertProfile.findUniqueOrThrow({ where: { id: expert.id } })).affiliationId).toBe(
      survivor.id,
    );
    expect((await portalDb().organization.findUniqueOrThrow({ where: { id: survivor.id } })).website).toBe(
      "https://imech.example.vn",
    );
    const old = await httpClient().get(`/organizations/${duplicate.slug}`);
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toBe(`/organizations/${survivor.slug}`);
    await page.goto(`/organizations/${duplicate.slug}`);
    expect(new URL(page.url()).pathname).toBe(`/organizations/${survivor.slug}`);
  });

  test("imports a file: the dry run names the bad row, the fixed file imports whole", async () => {
    const official = await makeUser({ role: "curator" });
    const page = await openPage();
    await signInAs(official.id, page.context());
    const before = await portalDb().organization.count();
    const header = "slug,kind,nameVi,nameEn,district,website,fields";
    const good = [
      `phong-thi-nghiem-nhap-${unique},lab,Phòng thí nghiệm Nhập ${unique},Imported Lab ${unique},cau-giay,https://lab-${unique}.example.vn,nanomaterials`,
    ];
    const bad = `,planet,Hành tinh ${unique},,,,`;

    await page.goto("/admin/import");
    await page.getByLabel("Tệp CSV hoặc JSON").setInputFiles({
      name: "orgs.csv",
      mimeType: "text/csv",
      buffer: Buffer.from([header, ...good, bad].join("\n")),
    });
    await page.getByRole("button", { name: "Nhập thật" }).click();
    await expect.poll(() => page.getByText("chưa nhập gì").isVisible()).toBe(true);
    await expect.poll(() => page.getByText(`Loại “planet” không hợp lệ`).isVisible()).toBe(true);
    expect(await portalDb().organization.count()).toBe(before);

    await page
      .getByLabel("Tệp CSV hoặc JSON")
      .setInputFiles({ name: "orgs.csv", mimeType: "text/csv", buffer: Buffer.from([header, ...good].join("\n")) });
    await page.getByRole("button", { name: "Chạy thử" }).click();
    await expect.poll(() => page.getByText("1 tạo mới · 0 cập nhật · 0 bị từ chối").isVisible()).toBe(true);
    expect(await portalDb().organization.count()).toBe(before);
    await page.getByRole("button", { name: "Nhập thật (1)" }).click();
    await expect.poll(() => page.getByText("Đã nhập: 1 hồ sơ mới").isVisible()).toBe(true);
    expect(await portalDb().organization.count()).toBe(before + 1);

    // Searchable once the outbox has delivered it.
    await expect
      .poll(
        async () =>
          (
            await (await httpClient().get(`/directory?q=${encodeURIComponent(`Imported Lab ${unique}`)}`)).text()
          ).includes(`phong-thi-nghiem-nhap-${unique}`),
        { timeout: 30_000 },
      )
      .toBe(true);

    // The export carries it, in the import's columns.
    const bytes = Buffer.from(await (await fetch(`${baseURL()}/export/organizations.csv`)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM spreadsheets need for UTF-8
    const exported = bytes.subarray(3).toString("utf8");
    expect(exported.split("\r\n")[0]).toBe(
      "slug,kind,nameVi,nameEn,acronym,summaryVi,summaryEn,parent,area,ward,address,phone,email,website,foundedYear,fields,verified,status,sourceUrl",
    );
    expect(exported).toContain(`phong-thi-nghiem-nhap-${unique},lab,`);
  });

  test("the audit log lists each action once, filters by action and exports", async () => {
    const official = await makeUser({ role: "admin" });
    const organization = await listing({ slug: `trung-tam-audit-${unique}`, nameVi: `Trung tâm Kiểm toán ${unique}` });
    const cookie = await signInAs(official.id);
    const client = httpClient({ cookie });
    const verify = await client.post("/admin/organizations", { id: organization.id, intent: "verify" });
    expect(verify.status).toBe(200);
    const again = await client.post("/admin/organizations", { id: organization.id, intent: "verify" });
    expect(again.status).toBe(409); // already verified: nothing changes, nothing is logged
    expect(await portalDb().auditEntry.count({ where: { entityId: organization.id } })).toBe(1);

    const page = await openPage();
    await signInAs(official.id, page.context());
    await page.goto("/admin/audit?action=organization.verify");
    await expect.poll(() => page.getByRole("link", { name: organization.nameVi! }).isVisible()).toBe(true);
    const exported = (await (
      await client.get("/admin/audit/export?format=json&action=organization.verify")
    ).json()) as { entries: { label: string; actor: string }[] };
    expect(exported.entries.filter((entry) => entry.label === organization.nameVi)).toHaveLength(1);
  });

  test("only curators and admins reach the console and its actions", async () => {
    const organization = await listing({ slug: `vien-bao-ve-${unique}`, nameVi: `Viện Bảo vệ ${unique}` });
    const member = httpClient({ cookie: await signInAs((await makeUser()).id) });
    for (const path of [
      "/admin/queue",
      "/admin/organizations",
      "/admin/import",
      "/admin/audit",
      "/admin/audit/export?format=csv",
    ]) {
      expect((await member.get(path)).status, path).toBe(403);
      expect((await httpClient().get(path)).status, path).toBe(302); // to sign-in
    }
    expect((await member.post("/admin/organizations", { id: organization.id, intent: "archive" })).status).toBe(403);
    expect((await member.post("/admin/queue", { kind: "stale", id: organization.id })).status).toBe(403);
    expect((await portalDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).status).toBe(
      "published",
    );
  });
});

/** Saves a screenshot when SCREENSHOTS is set (a directory under /tmp), for a person to look at. */
async function shoot(page: import("playwright-core").Page, name: string) {
  if (process.env.SCREENSHOTS)
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png`, fullPage: true });
}

describe("what people hit when they used it (issue 14)", () => {
  test("a stranger's proposal of HUST is flagged as a duplicate, and merging it into hust makes its proposer no manager of HUST", async () => {
    const member = await makeUser({ name: `Doanh nghiệp ${unique}` });
    const page = await openPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    await signInAs(member.id, page.context());
    await page.goto("/organizations/new");
    await page.getByLabel("Loại tổ chức").selectOption("university");
    await page.getByLabel("Tên tiếng Việt").fill("Trường Đại học Bách khoa Hà Nội (HUST)");
    await page.getByLabel("Trang web").fill("https://www.hust.edu.vn/gioi-thieu");
    await page.getByText("Điện tử, viễn thông & bán dẫn").click();
    await page.getByLabel("Cảm biến", { exact: true }).check();
    await page.getByRole("button", { name: "Gửi để duyệt" }).click();
    // Warned before anything is stored, with a link to the listing it likely duplicates.
    await expect.poll(() => page.getByText("Có thể tổ chức này đã có trong danh bạ").isVisible()).toBe(true);
    expect(await page.locator('[data-duplicate="hust"]').innerText()).toContain("cùng tên viết tắt");
    expect(await page.locator('[data-duplicate="hust"]').innerText()).toContain("cùng tên miền trang web");
    await shoot(page, "proposal-duplicate-390");
    expect(
      await portalDb().organization.count({
        where: { nameVi: "Trường Đại học Bách khoa Hà Nội (HUST)", revisions: { some: { authorId: member.id } } },
      }),
    ).toBe(0);
    await page.getByLabel("Tôi đã xem các hồ sơ trên").check();
    await page.getByRole("button", { name: "Gửi để duyệt" }).click();
    await page.waitForURL(/sent=1/);
    const proposed = await portalDb().organization.findFirstOrThrow({
      where: { revisions: { some: { authorId: member.id } } },
    });

    // The official sees the warning in the queue, with a link to hust, and (as walked through) approves anyway.
    const official = await makeUser({ role: "curator" });
    const queue = await openPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    await signInAs(official.id, queue.context());
    await queue.goto("/admin/queue");
    const item = queue.locator(`#listing-${proposed.id}`);
    await expect.poll(() => item.getByText("Có thể trùng với hồ sơ đã có:").isVisible()).toBe(true);
    expect(await item.locator('[data-duplicate="hust"] a').getAttribute("href")).toBe("/organizations/hust");
    await item.getByRole("button", { name: "Duyệt" }).click();
    await expect.poll(() => queue.getByText("Đã xử lý.").isVisible()).toBe(true);

    // The merge: search for the survivor (GET, no JavaScript), compare, confirm.
    await queue.goto(`/admin/organizations/${proposed.id}`);
    await queue.getByLabel("Tìm hồ sơ giữ lại").fill("Bách khoa Hà Nội");
    await queue.getByRole("button", { name: "Tìm" }).click();
    await queue.getByRole("link", { name: /^Chọn hồ sơ này: Đại học Bách khoa Hà Nội$/ }).click();
    await expect.poll(() => queue.getByRole("columnheader", { name: "Hồ sơ giữ lại" }).isVisible()).toBe(true);
    expect(await queue.getByText("1 người quản lý của bản trùng sẽ thành đề nghị quản lý chờ duyệt").count()).toBe(1);
    await shoot(queue, "merge-compare-390");
    await queue.setViewportSize({ width: 1366, height: 900 });
    await shoot(queue, "merge-compare-1366");
    await queue.getByRole("button", { name: "Xác nhận gộp" }).click();
    await expect.poll(() => queue.getByText("Đã gộp").isVisible()).toBe(true);

    const hust = await portalDb().organization.findUniqueOrThrow({ where: { slug: "hust" } });
    expect(await portalDb().organizationManager.count({ where: { userId: member.id, organizationId: hust.id } })).toBe(
      0,
    );
    expect(
      await portalDb().organizationClaim.count({
        where: { userId: member.id, organizationId: hust.id, status: "pending" },
      }),
    ).toBe(1);
    await page.goto("/organizations/hust");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "Sửa hồ sơ" }).count()).toBe(0);
  });

  test("archiving asks for confirmation first, without JavaScript", async () => {
    const organization = await listing({ slug: `vien-luu-tru-${unique}`, nameVi: `Viện Lưu trữ ${unique}` });
    const official = await makeUser({ role: "curator" });
    const page = await openPage({ javaScriptEnabled: false });
    await signInAs(official.id, page.context());
    await page.goto(`/admin/organizations/${organization.id}`);
    await page.getByRole("button", { name: "Lưu trữ" }).click();
    await expect.poll(() => page.getByText("Lưu trữ 1 hồ sơ dưới đây?").isVisible()).toBe(true);
    expect((await portalDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).status).toBe(
      "published",
    );
    await page.getByRole("button", { name: "Xác nhận lưu trữ" }).click();
    await expect.poll(() => page.getByText("Đã cập nhật hồ sơ.").isVisible()).toBe(true);
    expect((await portalDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).status).toBe(
      "archived",
    );
  });

  test("the audit log names actions in the reader's language and shows a field-by-field diff", async () => {
    const official = await makeUser({ role: "admin" });
    const organization = await listing({ slug: `trung-tam-nhat-ky-${unique}`, nameVi: `Trung tâm Nhật ký ${unique}` });
    const client = httpClient({ cookie: await signInAs(official.id) });
    expect((await client.post("/admin/organizations", { id: organization.id, intent: "verify" })).status).toBe(200);
    const page = await openPage();
    await signInAs(official.id, page.context());
    await page.goto(`/admin/audit?entity=${organization.id}`);
    const entry = page.locator('[data-audit="organization.verify"]');
    await expect.poll(() => entry.getByText("Xác minh hồ sơ", { exact: true }).isVisible()).toBe(true);
    expect(await entry.getByText("organization.verify").count()).toBe(0);
    await entry.getByText("Trước và sau").click();
    const row = entry.getByRole("row", { name: /Đã xác minh/ });
    expect(await row.getByRole("cell").allInnerTexts()).toEqual(["không", "có"]);
    expect(await entry.locator("pre").count()).toBe(0);
    await page.setViewportSize({ width: 1366, height: 900 });
    await shoot(page, "audit-diff-1366");
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, "audit-diff-390");
    await page.goto(`/admin/audit?entity=${organization.id}&lang=en`);
    await expect.poll(() => entry.getByText("Listing verified", { exact: true }).isVisible()).toBe(true);
  });

  test("the listings console is a filterable, sortable table with all-or-nothing bulk actions, usable at 320 px", async () => {
    const token = crypto.randomBytes(3).toString("hex");
    const a = await listing({ slug: `lab-bang-a-${token}`, nameVi: `Phòng Bảng A ${token}`, kind: "lab" });
    const b = await listing({ slug: `lab-bang-b-${token}`, nameVi: `Phòng Bảng B ${token}`, kind: "lab" });
    const pending = await portalDb().organization.create({
      data: {
        slug: `lab-bang-c-${token}`,
        nameVi: `Phòng Bảng C ${token}`,
        kind: "lab",
        status: "pending",
        sortNameVi: `phong bang c ${token}`,
      },
    });
    await portalDb().organization.update({ where: { id: a.id }, data: { searchText: `phong bang a ${token}` } });
    await portalDb().organization.update({ where: { id: b.id }, data: { searchText: `phong bang b ${token}` } });
    await portalDb().organization.update({ where: { id: pending.id }, data: { searchText: `phong bang c ${token}` } });
    const official = await makeUser({ role: "curator" });
    const page = await openPage({ viewport: { width: 320, height: 800 } });
    await signInAs(official.id, page.context());
    await page.goto(`/admin/organizations?q=${token}`);
    await page.getByLabel("Loại").selectOption("lab");
    await page.getByLabel("Xác minh").selectOption("no");
    await page.getByLabel("Sắp xếp theo").selectOption("name");
    await page.getByRole("button", { name: "Lọc" }).click();
    await page.waitForURL(/kind=lab/);
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await shoot(page, "organizations-table-320");
    await page.setViewportSize({ width: 1366, height: 900 });
    await shoot(page, "organizations-table-1366");
    await page.setViewportSize({ width: 320, height: 800 });

    // One listing still waits in the queue: the whole batch is refused, nothing changes.
    for (const name of [a.nameVi, b.nameVi, pending.nameVi]) await page.getByLabel(`Chọn “${name}”`).check();
    await page.getByRole("button", { name: "Xác minh", exact: true }).click();
    await expect.poll(() => page.getByText(`“${pending.nameVi}” không thể xử lý như vậy`).isVisible()).toBe(true);
    expect(await portalDb().organization.count({ where: { id: { in: [a.id, b.id] }, verified: true } })).toBe(0);
    expect(await portalDb().auditEntry.count({ where: { entityId: { in: [a.id, b.id, pending.id] } } })).toBe(0);

    // From the keyboard: select the two published ones and verify them, one audit entry each.
    await page.goto(`/admin/organizations?q=${token}&status=published`);
    for (const name of [a.nameVi, b.nameVi]) {
      await page.getByLabel(`Chọn “${name}”`).focus();
      await page.keyboard.press("Space");
    }
    await page.getByRole("button", { name: "Xác minh", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByText("Đã xử lý 2 hồ sơ.").isVisible()).toBe(true);
    expect(await portalDb().organization.count({ where: { id: { in: [a.id, b.id] }, verified: true } })).toBe(2);
    expect(
      await portalDb().auditEntry.count({ where: { action: "organization.verify", entityId: { in: [a.id, b.id] } } }),
    ).toBe(2);

    // Sorting by last update puts the just-verified listings first among them.
    await page.goto(`/admin/organizations?q=${token}&sort=updated`);
    expect((await rows.first().getAttribute("data-organization"))?.startsWith("lab-bang-c")).toBe(false);

    // Bulk archive asks first.
    await page.goto(`/admin/organizations?q=${token}&status=published`);
    for (const name of [a.nameVi, b.nameVi]) await page.getByLabel(`Chọn “${name}”`).check();
    await page.getByRole("button", { name: "Lưu trữ", exact: true }).click();
    await expect.poll(() => page.getByText("Lưu trữ 2 hồ sơ dưới đây?").isVisible()).toBe(true);
    expect(await portalDb().organization.count({ where: { id: { in: [a.id, b.id] }, status: "archived" } })).toBe(0);
    await page.getByRole("button", { name: "Xác nhận lưu trữ" }).click();
    await expect.poll(() => page.getByText("Đã xử lý 2 hồ sơ.").isVisible()).toBe(true);
    expect(await portalDb().organization.count({ where: { id: { in: [a.id, b.id] }, status: "archived" } })).toBe(2);
  });

  test("a common rejection reason fills the editable text; without JavaScript the picked reason is used", async () => {
    const author = await makeUser();
    const official = await makeUser({ role: "curator" });
    const make = (title: string) =>
      portalDb().techRequest.create({
        data: {
          authorId: author.id,
          companyName: "Công ty Lý do",
          sector: "agriculture_food",
          companySize: "small",
          title,
          problem: "Cần công nghệ bảo quản rau quả.",
          desiredOutcome: "Quy trình.",
          trl: 5,
          budget: "to_discuss",
          deadline: new Date(Date.now() + 30 * 86_400_000),
          visibility: "public",
          status: "pending",
          // The queue lists the 50 oldest pending requests first: other tests leave many pending ones behind.
          createdAt: new Date("2001-01-01T00:00:00Z"),
        },
      });
    const first = await make(`Đặt hàng lý do một ${unique}`);
    const second = await make(`Đặt hàng lý do hai ${unique}`);

    const page = await openPage();
    await signInAs(official.id, page.context());
    await page.goto("/admin/queue");
    const item = page.locator(`#request-${first.id}`);
    await item.getByLabel("Lý do thường gặp").selectOption("incomplete");
    const note = item.getByLabel("Lý do (người gửi sẽ thấy)");
    await expect.poll(() => note.inputValue()).toBe("Thông tin còn thiếu hoặc quá sơ sài; hãy bổ sung rồi gửi lại.");
    await note.fill("Thông tin còn thiếu: hãy nêu quy mô kho lạnh.");
    await shoot(page, "queue-reject-reason-1366");
    await item.getByRole("button", { name: "Từ chối" }).click();
    await expect.poll(() => page.getByText("Đã xử lý.").isVisible()).toBe(true);
    expect((await portalDb().techRequest.findUniqueOrThrow({ where: { id: first.id } })).reviewNote).toBe(
      "Thông tin còn thiếu: hãy nêu quy mô kho lạnh.",
    );

    const plain = await openPage({ javaScriptEnabled: false });
    await signInAs(official.id, plain.context());
    await plain.goto("/admin/queue");
    const other = plain.locator(`#request-${second.id}`);
    await other.getByLabel("Lý do thường gặp").selectOption("outOfScope");
    await other.getByRole("button", { name: "Từ chối" }).click();
    await expect.poll(() => plain.getByText("Đã xử lý.").isVisible()).toBe(true);
    const rejected = await portalDb().techRequest.findUniqueOrThrow({ where: { id: second.id } });
    expect(rejected).toMatchObject({
      status: "rejected",
      reviewNote: "Nội dung không thuộc phạm vi đổi mới sáng tạo của Hà Nội.",
    });
  });
});
