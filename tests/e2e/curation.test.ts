import crypto from "node:crypto";
import { describe, expect, test } from "vitest";
import { useBrowser, baseURL } from "./browser";
import { createUser, portalDb, signInAs } from "./fixtures";
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
    const manager = await createUser({ name: `Quản lý ${unique}` });
    await portalDb().organizationManager.create({ data: { userId: manager.id, organizationId: organization.id } });

    const managerPage = await openPage();
    await signInAs(manager.id, managerPage.context());
    await managerPage.goto(`/organizations/${organization.slug}/edit`);
    // Before saving, the form says what will happen, not that something was sent.
    await expect.poll(() => managerPage.getByText("Sau khi bạn lưu, nội dung sửa sẽ được cán bộ quản lý duyệt").isVisible()).toBe(true);
    expect(await managerPage.getByText("đã được gửi").count()).toBe(0);
    await managerPage.getByLabel("Giới thiệu (tiếng Việt)").fill("Kiểm định thiết bị đo lường và vật liệu xây dựng.");
    await managerPage.getByText("Khoa học vật liệu & công nghệ nano").click();
    await managerPage.getByLabel("Vật liệu nano", { exact: true }).check();
    await managerPage.getByRole("button", { name: "Lưu" }).click();
    await managerPage.waitForURL(/proposed=1/);
    await expect.poll(() => managerPage.getByText("cán bộ quản lý sẽ duyệt").first().isVisible()).toBe(true);
    expect((await portalDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).summaryVi).toBeNull();

    const official = await createUser({ role: "curator", name: `Cán bộ ${unique}` });
    const page = await openPage();
    await signInAs(official.id, page.context());
    await page.goto("/admin");
    await page.getByRole("link", { name: /Hàng chờ duyệt/ }).click();
    const item = page.locator("li", { has: page.getByRole("link", { name: organization.nameVi! }) }).first();
    await expect.poll(() => item.getByRole("cell", { name: "Kiểm định thiết bị đo lường và vật liệu xây dựng." }).isVisible()).toBe(true);
    await expect.poll(() => item.getByRole("rowheader", { name: "summaryVi" }).isVisible()).toBe(true);
    await item.getByRole("button", { name: "Duyệt" }).click();
    await expect.poll(() => page.getByText("Đã xử lý.").isVisible()).toBe(true);

    await page.goto(`/organizations/${organization.slug}`);
    await expect.poll(() => page.getByText("Kiểm định thiết bị đo lường và vật liệu xây dựng.").isVisible()).toBe(true);
    expect(await portalDb().notification.count({ where: { userId: manager.id, data: { contains: "notify.revisionApproved" } } })).toBe(1);
  });

  test("a member proposes a missing organization; once an official approves it, it is public and they manage it", async () => {
    const member = await createUser({ name: `Người đề xuất ${unique}` });
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
    const proposed = await portalDb().organization.findFirstOrThrow({ where: { nameVi: `Công ty Cảm biến Mới ${unique}` }, include: { parent: true } });
    expect(proposed).toMatchObject({ status: "pending", kind: "startup" });
    expect(proposed.parent?.slug).toBe("hust");
    expect((await httpClient().get(`/organizations/${proposed.slug}`)).status).toBe(404); // not public yet

    const official = await createUser({ role: "curator" });
    const queue = await openPage();
    await signInAs(official.id, queue.context());
    await queue.goto("/admin/queue");
    const item = queue.locator(`#listing-${proposed.id}`);
    await item.getByRole("button", { name: "Duyệt" }).click();
    await expect.poll(() => queue.getByText("Đã xử lý.").isVisible()).toBe(true);
    expect((await httpClient().get(`/organizations/${proposed.slug}`)).status).toBe(200);
    expect(await portalDb().organizationManager.count({ where: { userId: member.id, organizationId: proposed.id } })).toBe(1);
    expect(await portalDb().auditEntry.count({ where: { action: "organization.publish", entityId: proposed.id } })).toBe(1);
  });

  test("merges a duplicate: its expert moves and its old address redirects to the listing that stays", async () => {
    const survivor = await listing({ slug: `vien-co-hoc-${unique}`, nameVi: `Viện Cơ học ${unique}` });
    const duplicate = await listing({ slug: `vien-co-hoc-viet-nam-${unique}`, nameVi: `Viện Cơ học Việt Nam ${unique}`, website: "https://imech.example.vn" });
    const researcher = await createUser({ accountType: "researcher" });
    const expert = await portalDb().expertProfile.create({ data: { userId: researcher.id, slug: `expert-${unique}`, fullName: "Vũ Văn Hải", affiliationId: duplicate.id, status: "published" } });

    const official = await createUser({ role: "curator" });
    const page = await openPage();
    await signInAs(official.id, page.context());
    await page.goto(`/admin/organizations?q=${encodeURIComponent(`Viện Cơ học Việt Nam ${unique}`)}`);
    const card = page.locator(`[data-organization="${duplicate.slug}"]`);
    await card.getByText("Gộp bản trùng").first().click();
    await card.getByLabel("Gộp hồ sơ này vào").fill(survivor.slug);
    await card.getByLabel("Lý do").fill("Cùng một viện, hai tên gọi");
    await card.getByRole("button", { name: "Gộp bản trùng" }).click();
    await expect.poll(() => page.getByText("Đã gộp: chuyển 1 chuyên gia").isVisible()).toBe(true);

    expect((await portalDb().expertProfile.findUniqueOrThrow({ where: { id: expert.id } })).affiliationId).toBe(survivor.id);
    expect((await portalDb().organization.findUniqueOrThrow({ where: { id: survivor.id } })).website).toBe("https://imech.example.vn");
    const old = await httpClient().get(`/organizations/${duplicate.slug}`);
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toBe(`/organizations/${survivor.slug}`);
    await page.goto(`/organizations/${duplicate.slug}`);
    expect(new URL(page.url()).pathname).toBe(`/organizations/${survivor.slug}`);
  });

  test("imports a file: the dry run names the bad row, the fixed file imports whole", async () => {
    const official = await createUser({ role: "curator" });
    const page = await openPage();
    await signInAs(official.id, page.context());
    const before = await portalDb().organization.count();
    const header = "slug,kind,nameVi,nameEn,district,website,fields";
    const good = [`phong-thi-nghiem-nhap-${unique},lab,Phòng thí nghiệm Nhập ${unique},Imported Lab ${unique},cau-giay,https://lab-${unique}.example.vn,nanomaterials`];
    const bad = `,planet,Hành tinh ${unique},,,,`;

    await page.goto("/admin/import");
    await page.getByLabel("Tệp CSV hoặc JSON").setInputFiles({ name: "orgs.csv", mimeType: "text/csv", buffer: Buffer.from([header, ...good, bad].join("\n")) });
    await page.getByRole("button", { name: "Nhập thật" }).click();
    await expect.poll(() => page.getByText("chưa nhập gì").isVisible()).toBe(true);
    await expect.poll(() => page.getByText(`Loại “planet” không hợp lệ`).isVisible()).toBe(true);
    expect(await portalDb().organization.count()).toBe(before);

    await page.getByLabel("Tệp CSV hoặc JSON").setInputFiles({ name: "orgs.csv", mimeType: "text/csv", buffer: Buffer.from([header, ...good].join("\n")) });
    await page.getByRole("button", { name: "Chạy thử" }).click();
    await expect.poll(() => page.getByText("1 tạo mới · 0 cập nhật · 0 bị từ chối").isVisible()).toBe(true);
    expect(await portalDb().organization.count()).toBe(before);
    await page.getByRole("button", { name: "Nhập thật (1)" }).click();
    await expect.poll(() => page.getByText("Đã nhập: 1 hồ sơ mới").isVisible()).toBe(true);
    expect(await portalDb().organization.count()).toBe(before + 1);

    // Searchable once the outbox has delivered it.
    await expect
      .poll(async () => (await (await httpClient().get(`/directory?q=${encodeURIComponent(`Imported Lab ${unique}`)}`)).text()).includes(`phong-thi-nghiem-nhap-${unique}`), { timeout: 30_000 })
      .toBe(true);

    // The export carries it, in the import's columns.
    const bytes = Buffer.from(await (await fetch(`${baseURL()}/export/organizations.csv`)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM spreadsheets need for UTF-8
    const exported = bytes.subarray(3).toString("utf8");
    expect(exported.split("\r\n")[0]).toBe("slug,kind,nameVi,nameEn,acronym,summaryVi,summaryEn,parent,area,ward,address,phone,email,website,foundedYear,fields,verified,status,sourceUrl");
    expect(exported).toContain(`phong-thi-nghiem-nhap-${unique},lab,`);
  });

  test("the audit log lists each action once, filters by action and exports", async () => {
    const official = await createUser({ role: "admin" });
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
    const exported = await (await client.get("/admin/audit/export?format=json&action=organization.verify")).json() as { entries: { label: string; actor: string }[] };
    expect(exported.entries.filter((entry) => entry.label === organization.nameVi)).toHaveLength(1);
  });

  test("only curators and admins reach the console and its actions", async () => {
    const organization = await listing({ slug: `vien-bao-ve-${unique}`, nameVi: `Viện Bảo vệ ${unique}` });
    const member = httpClient({ cookie: await signInAs((await createUser()).id) });
    for (const path of ["/admin/queue", "/admin/organizations", "/admin/import", "/admin/audit", "/admin/audit/export?format=csv"]) {
      expect((await member.get(path)).status, path).toBe(403);
      expect((await httpClient().get(path)).status, path).toBe(302); // to sign-in
    }
    expect((await member.post("/admin/organizations", { id: organization.id, intent: "archive" })).status).toBe(403);
    expect((await member.post("/admin/queue", { kind: "stale", id: organization.id })).status).toBe(403);
    expect((await portalDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).status).toBe("published");
  });
});
